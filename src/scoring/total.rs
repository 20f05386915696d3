//! A reply's total: weighted rubric coverage, minus the flags' penalties,
//! plus the persona's notes.

use super::{Assessment, Criterion};
use crate::persona::Persona;

/// The terms of a reply's total, so it can be shown adding up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parts {
    /// Coverage of the seven steps this turn calls for, in `[0, 1]`.
    pub steps: f32,
    /// Coverage of the BE SURE qualities this turn calls for, in `[0, 1]`.
    pub be_sure: f32,
    /// The mistakes' penalties, summed.
    pub penalty: f32,
    /// The persona's notes, summed (may be negative).
    pub notes: f32,
}

impl Parts {
    /// `steps/2 + be_sure/2 - penalty + notes`, kept in `[0, 1]` and rounded.
    pub fn total(&self) -> f32 {
        let t = (0.5 * self.steps + 0.5 * self.be_sure - self.penalty + self.notes).clamp(0.0, 1.0);
        (t * 100.0).round() / 100.0
    }
}

/// Weighted rubric coverage minus penalties, plus persona notes, in `[0, 1]`.
pub fn total(a: &Assessment, persona: Persona) -> f32 {
    parts(a, persona).total()
}

/// The terms [`total`] adds up.
pub fn parts(a: &Assessment, persona: Persona) -> Parts {
    let weight = |c: Criterion| match (persona, c) {
        (Persona::Analytical, Criterion::BroadKnowledge) => 2.0,
        (Persona::Irate, Criterion::Empathize) => 1.5,
        (Persona::Personal, Criterion::Sincere) => 1.5,
        (Persona::Rushed, Criterion::Resolve) => 1.5,
        (Persona::Functional, Criterion::Question) => 1.25,
        _ => 1.0,
    };
    let sum = |list: &[Criterion]| -> f32 {
        list.iter()
            .map(|c| a.get(*c))
            // What the turn did not call for still counts, at half weight.
            .map(|s| s.score * weight(s.criterion) * if s.applicable { 1.0 } else { 0.5 })
            .sum()
    };
    // A reply is measured against what its turn calls for, and need not show
    // all of it: two or three steps done well is a full reply.
    let due = |list: &[Criterion], most: f32| -> f32 {
        list.iter()
            .map(|c| a.get(*c))
            .filter(|s| s.applicable)
            .map(|s| weight(s.criterion))
            .sum::<f32>()
            .clamp(1.0, most)
    };
    let steps = (sum(&Criterion::STEPS) / due(&Criterion::STEPS, 2.5)).min(1.0);
    let be_sure = (sum(&Criterion::BE_SURE) / due(&Criterion::BE_SURE, 2.5)).min(1.0);
    Parts {
        steps,
        be_sure,
        penalty: a.flags.iter().map(|f| f.severity.penalty()).sum(),
        notes: a.notes.iter().map(|n| n.delta).sum(),
    }
}
