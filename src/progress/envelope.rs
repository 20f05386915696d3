//! The saved format: a versioned envelope with a migration path.
//!
//! ```json
//! {"format": "rapport-progress", "version": 1, "min_compatible": 1,
//!  "trainee": "Sam", "attempts": [ ... ]}
//! ```
//! A reader accepts any envelope whose `min_compatible` is at most the
//! version it knows; older versions are migrated step by step.

use super::attempt::{Attempt, TRANSCRIPT_KEEP};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Marks a Rapport progress file.
pub const FORMAT: &str = "rapport-progress";
/// The version this build writes.
pub const VERSION: u32 = 1;
/// The oldest reader that can still read what this build writes.
pub const MIN_COMPATIBLE: u32 = 1;

/// Everything a trainee has done.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Optional display name, used in a trainer's team view.
    #[serde(default)]
    pub trainee: String,
    /// Oldest first.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
}

/// Just the header, read first to decide how to read the rest.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
    #[serde(default = "one")]
    min_compatible: u32,
}

fn one() -> u32 {
    1
}

/// Version 1 as written.
#[derive(Serialize, Deserialize)]
struct V1 {
    format: String,
    version: u32,
    min_compatible: u32,
    #[serde(default)]
    trainee: String,
    #[serde(default)]
    attempts: Vec<Attempt>,
}

/// Why a saved blob could not be read. The raw text is never lost: the
/// caller still has it.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON, or not a Rapport progress file.
    Corrupt { reason: String },
    /// Written by a newer Rapport that this one cannot read.
    Newer { version: u32, min_compatible: u32 },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt { reason } => write!(f, "the saved progress is damaged ({reason})"),
            DecodeError::Newer { version, .. } => write!(
                f,
                "the saved progress was written by a newer version of Rapport (format {version}); this one reads format {VERSION}"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Serialises progress, dropping transcripts of all but the newest attempts.
pub fn encode(p: &Progress) -> String {
    let mut p = p.clone();
    let keep_from = p.attempts.len().saturating_sub(TRANSCRIPT_KEEP);
    for a in &mut p.attempts[..keep_from] {
        a.transcript = None;
    }
    let env = V1 {
        format: FORMAT.to_string(),
        version: VERSION,
        min_compatible: MIN_COMPATIBLE,
        trainee: p.trainee,
        attempts: p.attempts,
    };
    serde_json::to_string(&env).unwrap_or_default()
}

/// Reads a saved blob, migrating older versions.
pub fn decode(raw: &str) -> Result<Progress, DecodeError> {
    let corrupt = |reason: String| DecodeError::Corrupt { reason };
    let head: Header = serde_json::from_str(raw).map_err(|e| corrupt(e.to_string()))?;
    if head.format != FORMAT {
        return Err(corrupt(format!(
            "expected format `{FORMAT}`, found `{}`",
            head.format
        )));
    }
    if head.min_compatible > VERSION {
        return Err(DecodeError::Newer {
            version: head.version,
            min_compatible: head.min_compatible,
        });
    }
    // Each older version gets its own struct and a step up to the next one;
    // version 1 is the first, so there is nothing to migrate yet.
    let v1: V1 = serde_json::from_str(raw).map_err(|e| corrupt(e.to_string()))?;
    Ok(Progress {
        trainee: v1.trainee,
        attempts: v1.attempts,
    })
}

/// Adds `incoming` attempts to `base`, skipping ids already there; keeps
/// attempts ordered by start time.
pub fn merge(base: &mut Progress, incoming: &Progress) -> usize {
    let mut added = 0;
    for a in &incoming.attempts {
        if !base.attempts.iter().any(|b| b.id == a.id) {
            base.attempts.push(a.clone());
            added += 1;
        }
    }
    base.attempts.sort_by_key(|a| a.started_ms);
    if base.trainee.is_empty() {
        base.trainee = incoming.trainee.clone();
    }
    added
}
