//! The scorer: grades one free-text reply against the seven complaint steps and
//! BE SURE, flags the classic mistakes, and explains every point with evidence
//! (byte ranges of the reply) and a coaching hint. Pure and deterministic.
//!
//! `grade` looks at one reply in its context; [`Scorecard`] follows a whole
//! conversation and adds the step-order faults.

pub mod calibration;
mod card;
mod criteria;
pub mod eval;
mod explain;
mod facts;
mod feeling;
mod flags;
mod grade;
pub mod learned;
pub mod lexicon;
mod matching;
mod persona_rules;
mod questions;
mod reflect;
pub mod stage;
pub mod total;
mod transfer;

pub use card::{Breakdown, Fault, Scorecard, Term};
pub use criteria::{Criterion, FlagId, Rubric, Severity};
pub use explain::explain;
pub use facts::{Fact, FactHit};
pub use grade::{grade, grade_with_words};

use crate::persona::Persona;
use crate::text::{Pattern, Span};
use serde::Serialize;

/// Replies longer than this (in bytes) are graded on their first part only.
pub const MAX_GRADED_BYTES: usize = 16 * 1024;

/// A piece of a reply that earned or cost points, with why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub span: Span,
    pub note: String,
}

/// One criterion's result for one reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionScore {
    pub criterion: Criterion,
    /// In `[0, 1]`.
    pub score: f32,
    /// False when the criterion is not expected at this point of the conversation
    /// (a greeting after the first reply, a satisfaction check before any fix).
    pub applicable: bool,
    pub evidence: Vec<Evidence>,
    /// What to try next time; set when an applicable criterion was missed.
    pub hint: Option<String>,
}

/// A flagged mistake.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flag {
    pub id: FlagId,
    pub span: Span,
    pub severity: Severity,
}

impl Flag {
    /// A mistake at `span`, at its usual severity (persona and context may
    /// raise or lower it later).
    pub fn at(id: FlagId, span: Span) -> Flag {
        Flag {
            id,
            span,
            severity: id.base_severity(),
        }
    }
}

/// Which kinds of clarifying question a reply asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QuestionKinds {
    pub basic: bool,
    pub detail: bool,
    pub assessment: bool,
}

/// A persona-specific adjustment of the total, explained.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub text: String,
    /// Added to the total (negative for a penalty).
    pub delta: f32,
}

/// Everything the scorer concluded about one reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// All thirteen criteria, steps first, in [`Criterion::ALL`] order.
    pub criteria: Vec<CriterionScore>,
    pub flags: Vec<Flag>,
    pub questions: QuestionKinds,
    pub facts: Vec<FactHit>,
    pub notes: Vec<Note>,
    pub words: usize,
    /// Overall quality of the reply in `[0, 1]`.
    pub total: f32,
    /// The reply transfers the customer itself (a warm transfer), with no cold hand-off.
    pub warm_transfer: bool,
    /// True when the reply was longer than [`MAX_GRADED_BYTES`] and only its
    /// first part was graded.
    pub truncated: bool,
    /// Set when the reply is in a language the scorer has no lexicons for
    /// (its ISO 639-1 code): nothing was scored, and the trainee is told why.
    pub unscored_language: Option<&'static str>,
    /// Where the learned layer changed the rules' verdict, and why
    /// ([`learned::calls`] lists all it said).
    pub learned: Vec<learned::Call>,
}

impl Assessment {
    /// The result for one criterion.
    pub fn get(&self, c: Criterion) -> &CriterionScore {
        // `criteria` always holds all thirteen in `Criterion::ALL` order.
        &self.criteria[c as usize]
    }

    /// The score for one criterion.
    pub fn score(&self, c: Criterion) -> f32 {
        self.get(c).score
    }

    /// True when the criterion scored at least one half.
    pub fn hit(&self, c: Criterion) -> bool {
        self.score(c) >= 0.5
    }

    /// True when the reply raised this flag.
    pub fn flagged(&self, f: FlagId) -> bool {
        self.flags.iter().any(|x| x.id == f)
    }

    /// The worst severity among the flags, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.flags.iter().map(|f| f.severity).max()
    }
}

/// What the scorer knows about the conversation around a reply.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub persona: Persona,
    /// The customer's last message (what the reply answers).
    pub customer_last: &'a str,
    /// Earlier assessments of this conversation, oldest first.
    pub previous: &'a [Assessment],
    /// The scenario's facts, for `broad_knowledge`.
    pub facts: &'a [Fact],
    /// Whether the scenario allows admitting fault (most do not).
    pub may_admit_fault: bool,
    /// Whether the customer is upset right now (raises the stakes of a sales pitch).
    pub customer_upset: bool,
    /// The scenario's own wordings per criterion (`[phrases]` in its file).
    pub phrases: &'a [(Criterion, Pattern)],
}

impl<'a> Context<'a> {
    /// A context for a reply with no scenario around it, as the CLI uses.
    pub fn standalone(persona: Persona, customer_last: &'a str) -> Self {
        Context {
            persona,
            customer_last,
            previous: &[],
            facts: &[],
            may_admit_fault: false,
            customer_upset: persona == Persona::Irate,
            phrases: &[],
        }
    }

    /// 0 for the first reply of a conversation.
    pub fn turn(&self) -> usize {
        self.previous.len()
    }
}
