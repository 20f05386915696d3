//! An unfinished conversation, saved after every reply so a reload or a
//! closed tab loses nothing. Only the inputs are kept (scenario id and
//! version, seed, start time, each reply and its time): the engine is
//! deterministic, so replaying them rebuilds the same conversation.

use crate::scenario::Scenario;
use crate::sim::{Session, MAX_REPLY_CHARS};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::rc::Rc;

/// Each unfinished conversation lives under this prefix plus its scenario id.
pub const UNFINISHED_PREFIX: &str = "rapport.unfinished.";
/// Marks a saved unfinished conversation.
pub const UNFINISHED_FORMAT: &str = "rapport-unfinished";
/// A saved conversation longer than this is not a real one.
pub const MAX_SAVED_REPLIES: usize = 500;

/// One reply as typed, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedReply {
    pub text: String,
    pub at_ms: u64,
}

/// What it takes to rebuild a conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unfinished {
    pub format: String,
    pub version: u32,
    pub scenario: String,
    pub scenario_version: u32,
    pub seed: u64,
    pub started_ms: u64,
    pub replies: Vec<SavedReply>,
}

/// Why a saved conversation cannot be resumed.
#[derive(Clone, Debug, PartialEq)]
pub enum ResumeError {
    /// Not a saved conversation, or out of range.
    Unreadable(String),
    /// Saved for another scenario, or for another version of it.
    Changed { scenario: String },
    /// Replaying did not give a conversation still under way.
    Replay(String),
}

impl fmt::Display for ResumeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResumeError::Unreadable(why) => write!(f, "the saved conversation is damaged ({why})"),
            ResumeError::Changed { scenario } => write!(
                f,
                "the scenario `{scenario}` has changed since the conversation was saved"
            ),
            ResumeError::Replay(why) => {
                write!(f, "the saved conversation could not be replayed ({why})")
            }
        }
    }
}

impl Unfinished {
    /// The inputs of `session` so far.
    pub fn of(session: &Session) -> Unfinished {
        let s = session.scenario();
        Unfinished {
            format: UNFINISHED_FORMAT.into(),
            version: 1,
            scenario: s.id.0.clone(),
            scenario_version: s.version,
            seed: session.seed(),
            started_ms: session.started_ms(),
            replies: session
                .turns()
                .iter()
                .map(|t| SavedReply {
                    text: t.reply.clone(),
                    at_ms: t.at_ms,
                })
                .collect(),
        }
    }

    /// The storage key for this conversation.
    pub fn key(&self) -> String {
        format!("{UNFINISHED_PREFIX}{}", self.scenario)
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a saved conversation, checking every value is in range.
    pub fn decode(raw: &str) -> Result<Unfinished, ResumeError> {
        let bad = |why: String| ResumeError::Unreadable(why);
        let u: Unfinished = serde_json::from_str(raw).map_err(|e| bad(e.to_string()))?;
        if u.format != UNFINISHED_FORMAT || u.version != 1 {
            return Err(bad(format!("format `{}` version {}", u.format, u.version)));
        }
        if u.replies.len() > MAX_SAVED_REPLIES {
            return Err(bad(format!("{} replies", u.replies.len())));
        }
        let mut last = u.started_ms;
        for r in &u.replies {
            if r.text.chars().count() > MAX_REPLY_CHARS || r.at_ms < last {
                return Err(bad("a reply is too long or out of order".into()));
            }
            last = r.at_ms;
        }
        Ok(u)
    }

    /// Rebuilds the conversation on `scenario`: the same one, of the same version.
    pub fn replay(&self, scenario: Rc<Scenario>) -> Result<Session, ResumeError> {
        if scenario.id.0 != self.scenario || scenario.version != self.scenario_version {
            return Err(ResumeError::Changed {
                scenario: self.scenario.clone(),
            });
        }
        let mut session = Session::new(scenario, self.seed, self.started_ms);
        for r in &self.replies {
            session
                .respond(&r.text, r.at_ms)
                .map_err(|e| ResumeError::Replay(e.to_string()))?;
        }
        if session.is_over() {
            return Err(ResumeError::Replay("it had already ended".into()));
        }
        Ok(session)
    }
}
