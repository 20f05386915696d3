//! One finished attempt, as recorded.

use crate::scoring::Criterion;
use crate::sim::{Event, Session, Speaker};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Transcripts are kept for this many most recent attempts; scores always.
pub const TRANSCRIPT_KEEP: usize = 50;

/// A line of a recorded transcript.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// `"customer"` or `"trainee"`.
    pub who: String,
    pub text: String,
}

/// A finished attempt: what was played, how it went, and (for recent ones)
/// what was said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Unique: scenario, start time and seed. Used to merge without duplicates.
    pub id: String,
    pub scenario: String,
    pub scenario_version: u32,
    pub persona: String,
    /// Milliseconds since the epoch when the conversation started.
    pub started_ms: u64,
    pub duration_ms: u64,
    pub seed: u64,
    pub outcome: String,
    /// Conversation total in `[0, 1]`.
    pub total: f32,
    /// Criterion id to score in `[0, 1]`, all thirteen.
    pub scores: BTreeMap<String, f32>,
    /// Flag id to how many times it was raised.
    pub flags: BTreeMap<String, u32>,
    pub faults: Vec<String>,
    pub replies: u32,
    /// Dropped for old attempts to bound the size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<Vec<Line>>,
}

impl Attempt {
    /// Records a finished session. `None` while it is still going.
    pub fn from_session(session: &Session) -> Option<Attempt> {
        let outcome = session.outcome()?;
        let started_ms = session.started_ms();
        let scenario = session.scenario();
        let card = session.scorecard();
        let transcript = session
            .log()
            .iter()
            .filter_map(|e| match e {
                Event::Said { speaker, text } => Some(Line {
                    who: match speaker {
                        Speaker::Customer => "customer",
                        Speaker::Trainee => "trainee",
                    }
                    .to_string(),
                    text: text.clone(),
                }),
                _ => None,
            })
            .collect();
        Some(Attempt {
            id: format!("{}-{}-{}", scenario.id, started_ms, session.seed()),
            scenario: scenario.id.0.clone(),
            scenario_version: scenario.version,
            persona: scenario.persona.id().to_string(),
            started_ms,
            duration_ms: session.duration_ms(),
            seed: session.seed(),
            outcome: outcome.id().to_string(),
            total: card.total,
            scores: card
                .criteria
                .iter()
                .map(|c| (c.criterion.id().to_string(), c.score))
                .collect(),
            flags: card
                .flags
                .iter()
                .map(|(f, n)| (f.id().to_string(), *n as u32))
                .collect(),
            faults: card.faults.iter().map(|f| f.id().to_string()).collect(),
            replies: session.turns().len() as u32,
            transcript: Some(transcript),
        })
    }

    /// The score for one criterion (0 when missing from an old record).
    pub fn score(&self, c: Criterion) -> f32 {
        self.scores.get(c.id()).copied().unwrap_or(0.0)
    }
}
