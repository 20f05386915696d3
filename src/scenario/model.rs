//! The parsed, validated scenario: immutable content that sessions play.

use crate::mood::Mood;
use crate::persona::Persona;
use crate::scoring::{Criterion, Fact, FlagId};
use crate::text::Pattern;
use std::fmt;

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub String);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// A scenario's id, unique in a library (the `id` key).
    ScenarioId
);
id_type!(
    /// A node's id, unique in its scenario.
    NodeId
);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn id(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn from_id(id: &str) -> Option<Difficulty> {
        Difficulty::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// How a conversation may end when it reaches an ending node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndKind {
    /// Resolved; the customer's mood decides whether they leave satisfied.
    Resolved,
    /// Resolved, but the customer leaves unhappy.
    Unhappy,
    /// Handed to a supervisor.
    Escalated,
    /// The customer hangs up.
    HungUp,
}

impl EndKind {
    pub const ALL: [EndKind; 4] = [
        EndKind::Resolved,
        EndKind::Unhappy,
        EndKind::Escalated,
        EndKind::HungUp,
    ];

    pub fn id(self) -> &'static str {
        match self {
            EndKind::Resolved => "resolved",
            EndKind::Unhappy => "unhappy",
            EndKind::Escalated => "escalated",
            EndKind::HungUp => "hung_up",
        }
    }

    pub fn from_id(id: &str) -> Option<EndKind> {
        EndKind::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// What the trainee may offer on their own authority.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Authority {
    pub refund_limit: Option<f64>,
    pub credit_limit: Option<f64>,
    /// What the trainee may promise, in words (shown in the brief).
    pub notes: Vec<String>,
}

/// A fact the customer knows but only says when asked the right question.
#[derive(Clone, Debug, PartialEq)]
pub struct Hidden {
    pub id: String,
    /// A question mentioning any of these reveals the fact.
    pub ask: Vec<Pattern>,
    /// What the customer says when it is revealed (one variant is picked).
    pub say: Vec<String>,
}

/// A condition on one reply; every part that is set must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Condition {
    pub hit: Vec<Criterion>,
    pub hit_any: Vec<Criterion>,
    pub miss: Vec<Criterion>,
    pub flag: Vec<FlagId>,
    pub clean: Option<bool>,
    pub mentions: Vec<Pattern>,
    /// Hidden facts (indexes) revealed so far.
    pub revealed: Vec<usize>,
    pub anger_at_least: Option<i32>,
    pub anger_below: Option<i32>,
    pub patience_at_least: Option<i32>,
    pub patience_below: Option<i32>,
    pub trust_at_least: Option<i32>,
    pub trust_below: Option<i32>,
    pub turn_at_least: Option<usize>,
    pub over_limit: Option<bool>,
    pub warm_transfer: Option<bool>,
}

/// Go to `goto` when `when` holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub when: Condition,
    /// Index into [`Scenario::nodes`].
    pub goto: usize,
}

/// A point in the conversation: what the customer says, and where a reply leads.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: NodeId,
    /// Line variants; one is picked by the session's seeded randomness.
    pub say: Vec<String>,
    pub end: Option<EndKind>,
    pub next: Vec<Rule>,
}

/// A scripted run with its expected result, checked by the tests.
#[derive(Clone, Debug, PartialEq)]
pub struct Golden {
    pub name: String,
    pub replies: Vec<String>,
    pub seed: u64,
    /// Expected outcome id (see `sim::Outcome::id`).
    pub expect_outcome: Option<String>,
    /// Criteria the whole conversation should earn.
    pub expect_hit: Vec<Criterion>,
    /// Flags the conversation should raise.
    pub expect_flag: Vec<FlagId>,
    /// Criteria the conversation must not earn (a poor run stays poor).
    pub expect_miss: Vec<Criterion>,
    /// Flags the conversation must never raise (no false blame on a good run).
    pub expect_no_flag: Vec<FlagId>,
    /// 1-based line of the `[[golden]]` table, for failure messages.
    pub line: usize,
}

/// A complete, validated scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub id: ScenarioId,
    pub version: u32,
    pub title: String,
    pub persona: Persona,
    pub difficulty: Difficulty,
    pub domain: String,
    pub tags: Vec<String>,
    pub language: String,
    pub summary: String,
    /// What the trainee is aiming for, in one sentence (optional; shown in
    /// the brief).
    pub goal: Option<String>,
    pub customer_name: String,
    pub situation: String,
    pub mood: Mood,
    pub authority: Authority,
    pub facts: Vec<Fact>,
    pub hidden: Vec<Hidden>,
    pub nodes: Vec<Node>,
    /// Index of the opening node.
    pub start: usize,
    pub max_turns: usize,
    pub may_admit_fault: bool,
    /// What the customer says when they run out of patience or temper.
    pub hang_up: Vec<String>,
    pub golden: Vec<Golden>,
    /// The file it came from, for messages.
    pub file: String,
}

impl Scenario {
    pub fn node(&self, index: usize) -> &Node {
        &self.nodes[index]
    }
}
