//! Progress files from elsewhere (a trainee's export, a team member's file)
//! are untrusted: they are capped in size before they are read, and every
//! value is range-checked before anything is merged or shown.

use super::envelope::{decode, DecodeError, Progress};

/// A progress file larger than this is refused before it is read (a
/// 500-attempt record is about 0.5 MB).
pub const MAX_IMPORT_BYTES: u64 = 8 * 1024 * 1024;
/// At most this many attempts in one file.
pub const MAX_IMPORT_ATTEMPTS: usize = 50_000;
/// Milliseconds since the epoch of 3000-01-01: no attempt starts later.
const LATEST_MS: u64 = 32_503_680_000_000;
/// No conversation lasts longer than a day.
const LONGEST_MS: u64 = 86_400_000;

fn short(what: &str, s: &str, max: usize) -> Result<(), String> {
    if s.chars().count() > max {
        return Err(format!("{what} is longer than {max} characters"));
    }
    Ok(())
}

fn unit(what: &str, x: f32) -> Result<(), String> {
    if !(0.0..=1.0).contains(&x) {
        return Err(format!("{what} is {x}, expected a value from 0 to 1"));
    }
    Ok(())
}

/// Every value of `p` within the range Rapport itself writes.
pub fn check_ranges(p: &Progress) -> Result<(), String> {
    short("the trainee's name", &p.trainee, 200)?;
    if p.attempts.len() > MAX_IMPORT_ATTEMPTS {
        return Err(format!(
            "{} attempts, more than the {MAX_IMPORT_ATTEMPTS} a file may hold",
            p.attempts.len()
        ));
    }
    for (i, a) in p.attempts.iter().enumerate() {
        let at = |e: String| format!("attempt {}: {e}", i + 1);
        if a.id.is_empty() {
            return Err(at("it has no id".into()));
        }
        short("the id", &a.id, 200).map_err(at)?;
        short("the scenario id", &a.scenario, 200).map_err(at)?;
        short("the customer type", &a.persona, 40).map_err(at)?;
        short("the outcome", &a.outcome, 40).map_err(at)?;
        if a.started_ms > LATEST_MS || a.duration_ms > LONGEST_MS {
            return Err(at("its date or duration is out of range".into()));
        }
        unit("the total", a.total).map_err(at)?;
        if a.scores.len() > 64 || a.flags.len() > 64 || a.faults.len() > 64 {
            return Err(at("it lists too many scores, flags or faults".into()));
        }
        for (k, v) in &a.scores {
            short("a criterion id", k, 64).map_err(at)?;
            unit(&format!("the score for {k}"), *v).map_err(at)?;
        }
        for (k, n) in &a.flags {
            short("a flag id", k, 64).map_err(at)?;
            if *n > 10_000 {
                return Err(at(format!("flag {k} is counted {n} times")));
            }
        }
        for f in &a.faults {
            short("a fault id", f, 64).map_err(at)?;
        }
        if a.replies > 10_000 {
            return Err(at(format!("{} replies", a.replies)));
        }
        if let Some(t) = &a.transcript {
            if t.len() > 10_000 {
                return Err(at("its transcript is too long".into()));
            }
            for line in t {
                short("a transcript line", &line.text, 10_000).map_err(at)?;
                if line.who != "customer" && line.who != "trainee" {
                    return Err(at(format!("unknown speaker `{}`", line.who)));
                }
            }
        }
    }
    Ok(())
}

/// Reads an imported progress file: the size cap, the envelope, then every value.
pub fn decode_import(raw: &str) -> Result<Progress, DecodeError> {
    let corrupt = |reason: String| DecodeError::Corrupt { reason };
    if raw.len() as u64 > MAX_IMPORT_BYTES {
        return Err(corrupt(format!(
            "the file is larger than {} MB",
            MAX_IMPORT_BYTES / 1024 / 1024
        )));
    }
    let p = decode(raw)?;
    check_ranges(&p).map_err(corrupt)?;
    Ok(p)
}
