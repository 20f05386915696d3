//! A reply's total: weighted rubric coverage, minus the flags' penalties,
//! plus the persona's notes.

use super::{Assessment, Criterion};
use crate::persona::Persona;

/// Weighted rubric coverage minus penalties, plus persona notes, in `[0, 1]`.
pub fn total(a: &Assessment, persona: Persona) -> f32 {
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
            .filter(|s| s.applicable || s.score > 0.0)
            .map(|s| s.score * weight(s.criterion))
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
    let penalty: f32 = a.flags.iter().map(|f| f.severity.penalty()).sum();
    let notes: f32 = a.notes.iter().map(|n| n.delta).sum();
    let t = (0.5 * steps + 0.5 * be_sure - penalty + notes).clamp(0.0, 1.0);
    (t * 100.0).round() / 100.0
}
