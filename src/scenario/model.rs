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
    /// Lower-case fragments one of which must occur in a reply's raw text for
    /// any of `mentions` to match it (`None`: no safe shortcut), so most
    /// replies are ruled out without tokenizing them.
    pub mention_hints: Option<Vec<String>>,
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
    /// Needs (indexes into [`Scenario::needs`]) met by now, this reply included.
    pub met: Vec<usize>,
    /// Needs still open after this reply.
    pub unmet: Vec<usize>,
    /// Facts (indexes into [`Scenario::facts`]) stated correctly by now.
    pub stated: Vec<usize>,
    /// Kinds of offer made by now (any of them).
    pub offered: Vec<Offer>,
    /// Facts whose latest statement was wrong (any of them).
    pub wrong: Vec<usize>,
}

impl Condition {
    /// A short description for traces: `hit empathize; mentions "refund"`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let ids = |v: &[crate::scoring::Criterion]| {
            v.iter().map(|c| c.id()).collect::<Vec<_>>().join(", ")
        };
        if !self.hit.is_empty() {
            parts.push(format!("hit {}", ids(&self.hit)));
        }
        if !self.hit_any.is_empty() {
            parts.push(format!("hit_any {}", ids(&self.hit_any)));
        }
        if !self.miss.is_empty() {
            parts.push(format!("miss {}", ids(&self.miss)));
        }
        if !self.flag.is_empty() {
            let f: Vec<&str> = self.flag.iter().map(|f| f.id()).collect();
            parts.push(format!("flag {}", f.join(", ")));
        }
        if !self.mentions.is_empty() {
            parts.push("mentions".into());
        }
        for (set, what) in [
            (!self.met.is_empty(), "met"),
            (!self.unmet.is_empty(), "unmet"),
            (!self.stated.is_empty(), "stated"),
            (!self.offered.is_empty(), "offered"),
            (!self.wrong.is_empty(), "wrong"),
            (!self.revealed.is_empty(), "revealed"),
            (self.clean.is_some(), "clean"),
            (self.warm_transfer.is_some(), "warm_transfer"),
            (self.over_limit.is_some(), "over_limit"),
            (self.turn_at_least.is_some(), "turn_at_least"),
        ] {
            if set {
                parts.push(what.into());
            }
        }
        let moods = [
            self.anger_at_least,
            self.anger_below,
            self.patience_at_least,
            self.patience_below,
            self.trust_at_least,
            self.trust_below,
        ];
        if moods.iter().any(Option::is_some) {
            parts.push("mood".into());
        }
        if parts.is_empty() {
            "always".into()
        } else {
            parts.join("; ")
        }
    }
}

/// Something a trainee can offer, recognised in their words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Offer {
    /// Money back ("I'll refund the duplicate charge").
    Refund,
    /// A credit, voucher or discount.
    Credit,
    /// A call back at a later time.
    CallBack,
    /// A replacement or re-sent item.
    Replacement,
}

impl Offer {
    pub const ALL: [Offer; 4] = [
        Offer::Refund,
        Offer::Credit,
        Offer::CallBack,
        Offer::Replacement,
    ];

    /// The id used in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            Offer::Refund => "refund",
            Offer::Credit => "credit",
            Offer::CallBack => "call_back",
            Offer::Replacement => "replacement",
        }
    }

    pub fn from_id(id: &str) -> Option<Offer> {
        Offer::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// Something the customer needs from the conversation, and how it is met.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub id: String,
    /// 1 is the most important; the customer asks for open needs in this order.
    pub priority: u8,
    /// Whether the conversation can end well without it.
    pub optional: bool,
    /// The need is met by a reply for which any of these holds.
    pub met: Vec<Condition>,
    /// How the customer asks for it (variants).
    pub ask: Vec<String>,
    /// How they ask again when the last reply did not meet it (optional).
    pub again: Vec<String>,
    /// A brief acknowledgement when it is met (optional; the persona has defaults).
    pub thanks: Vec<String>,
}

/// Go to `goto` when `when` holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub when: Condition,
    /// Index into [`Scenario::nodes`]; `None` hands the turn back to the
    /// customer's needs (format 2).
    pub goto: Option<usize>,
    /// 1-based line of the rule in the file, for traces.
    pub line: usize,
}

/// How the customer feels, for picking a line that matches the meters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    /// Anger below 40.
    Calm,
    /// Anger 40 to 69.
    Tense,
    /// Anger 70 or more.
    Angry,
}

impl Band {
    /// The band for an anger value.
    pub fn of(anger: i32) -> Band {
        match anger {
            ..40 => Band::Calm,
            40..70 => Band::Tense,
            _ => Band::Angry,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Band::Calm => "calm",
            Band::Tense => "tense",
            Band::Angry => "angry",
        }
    }
}

/// A point in the conversation: what the customer says, and where a reply leads.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: NodeId,
    /// Line variants; one is picked by the session's seeded randomness.
    pub say: Vec<String>,
    /// Variants for when the customer is calm, tense or angry (may be empty).
    pub say_calm: Vec<String>,
    pub say_tense: Vec<String>,
    pub say_angry: Vec<String>,
    pub end: Option<EndKind>,
    pub next: Vec<Rule>,
    /// The need this node asks for: once it is met, the node is skipped.
    pub need: Option<usize>,
}

impl Node {
    /// The variants for a mood band, or the plain ones when the band has none.
    pub fn lines(&self, band: Band) -> &[String] {
        let banded = match band {
            Band::Calm => &self.say_calm,
            Band::Tense => &self.say_tense,
            Band::Angry => &self.say_angry,
        };
        if banded.is_empty() {
            &self.say
        } else {
            banded
        }
    }
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
    /// How good the run is meant to be, for the tests that compare runs.
    pub level: Option<RunLevel>,
    /// 1-based line of the `[[golden]]` table, for failure messages.
    pub line: usize,
}

/// How good a golden run is meant to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RunLevel {
    Poor,
    Average,
    Expert,
}

impl RunLevel {
    pub const ALL: [RunLevel; 3] = [RunLevel::Poor, RunLevel::Average, RunLevel::Expert];

    pub fn id(self) -> &'static str {
        match self {
            RunLevel::Poor => "poor",
            RunLevel::Average => "average",
            RunLevel::Expert => "expert",
        }
    }

    pub fn from_id(id: &str) -> Option<RunLevel> {
        RunLevel::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// The newest scenario format this build reads (the `format` key).
pub const FORMAT: u32 = 2;

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
    /// The file's format: 1 (graph only) or 2 (needs and memory).
    pub format: u32,
    /// What the customer needs, in file order (format 2).
    pub needs: Vec<Need>,
    /// Rules tried on every reply the current node's rules do not decide.
    pub anytime: Vec<Rule>,
    /// Closing lines when every need that matters is met and the customer is content.
    pub satisfied: Vec<String>,
    /// Closing lines when the needs are met but the customer is still sore.
    pub grudging: Vec<String>,
    /// Index of the opening node.
    pub start: usize,
    pub max_turns: usize,
    pub may_admit_fault: bool,
    /// The scenario's own wordings that show a criterion (`[phrases]`):
    /// domain actions such as "reinstate your booking" for `resolve`.
    pub phrases: Vec<(Criterion, Pattern)>,
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
