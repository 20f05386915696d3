//! Progress kept by an LMS: a compact summary of the attempts that fits in
//! SCORM 1.2's `cmi.suspend_data` (4,096 characters) and travels the same
//! way through cmi5's State API, so a learner who changes computers keeps
//! their record.
//!
//! The summary is plain ASCII:
//!
//! ```text
//! rapport-lms1|<scenarios>|<attempts>
//! ```
//!
//! `<scenarios>` lists, comma-separated, each scenario the attempts name as
//! `id*persona*version`; `<attempts>` lists, comma-separated, one attempt
//! each as dot-separated fields: the scenario's position in that list, the
//! start time in milliseconds, the seed, the outcome, the total, then either
//! the thirteen criterion scores in thousandths followed by the duration and
//! the number of replies (full detail) or the thirteen scores in 36 steps
//! (compact). Numbers are base 36; text outside `A-Za-z0-9_-` is written as
//! `%XX` per UTF-8 byte.
//!
//! What fits is chosen so the most useful survives: each scenario's best
//! and latest attempt first, then the others, newest first; every kept
//! attempt is compact, and the newest are given full detail while room is
//! left. Transcripts, flags and faults stay in the browser only.
//!
//! Reading a summary back never panics: anything else is a [`SummaryError`]
//! saying what is wrong. [`merge_summary`] adds what the summary holds to
//! local progress and never removes or changes what is there.

use super::attempt::Attempt;
use super::envelope::Progress;
use super::import::check_ranges;
use crate::scoring::Criterion;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

/// SCORM 1.2's limit for `cmi.suspend_data`, in characters.
pub const SUSPEND_DATA_MAX: usize = 4096;
/// Marks a Rapport summary, format 1.
pub const SUMMARY_HEADER: &str = "rapport-lms1";
/// A summary longer than this is not read (Rapport writes at most
/// [`SUSPEND_DATA_MAX`]; an LRS's State API could hold more).
pub const SUMMARY_READ_MAX: usize = 1024 * 1024;

const OUTCOMES: [&str; 8] = [
    "resolved_satisfied",
    "resolved_unhappy",
    "escalated_warm",
    "escalated_cold",
    "customer_hung_up",
    "agent_hung_up",
    "trainee_ended",
    "out_of_turns",
];

/// Why a summary could not be read. The text itself is not changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryError {
    /// Not a Rapport summary at all.
    NotASummary,
    /// A Rapport summary in a format this version does not know (a newer one).
    Newer(String),
    /// A Rapport summary with a damaged part.
    Damaged(String),
}

impl fmt::Display for SummaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SummaryError::NotASummary => {
                write!(
                    f,
                    "the progress saved by the LMS was not written by Rapport"
                )
            }
            SummaryError::Newer(h) => write!(
                f,
                "the progress saved by the LMS was written by a newer version of Rapport ({h})"
            ),
            SummaryError::Damaged(why) => {
                write!(f, "the progress saved by the LMS is damaged ({why})")
            }
        }
    }
}

impl std::error::Error for SummaryError {}

// ---- numbers and text --------------------------------------------------

fn b36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn b36_fixed(n: u64, width: usize) -> String {
    format!("{:0>width$}", b36(n))
}

fn digit(c: u8) -> Option<u64> {
    match c {
        b'0'..=b'9' => Some(u64::from(c - b'0')),
        b'a'..=b'z' => Some(u64::from(c - b'a') + 10),
        _ => None,
    }
}

fn parse36(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 13 {
        return None;
    }
    s.bytes()
        .try_fold(0u64, |n, c| n.checked_mul(36)?.checked_add(digit(c)?))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unescape(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(b);
            i += 1;
        } else {
            return None;
        }
    }
    String::from_utf8(out).ok()
}

/// A score in `[0, 1]` in `steps` steps (out of range or NaN is clamped).
fn quantise(x: f32, steps: u32) -> u64 {
    let x = if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) };
    (x * steps as f32).round() as u64
}

// ---- writing -----------------------------------------------------------

/// One attempt's parts, measured once.
struct Entry<'a> {
    attempt: &'a Attempt,
    scenario: (String, String, u32),
    compact: String,
    full: String,
}

fn outcome_code(o: &str) -> String {
    match OUTCOMES.iter().position(|x| *x == o) {
        Some(i) => i.to_string(),
        None => format!("_{}", escape(o)),
    }
}

fn entry(a: &Attempt) -> Entry<'_> {
    let head = format!(
        "{}.{}.{}.{}",
        b36(a.started_ms),
        b36(a.seed),
        outcome_code(&a.outcome),
        b36_fixed(quantise(a.total, 1000), 2)
    );
    let compact: String = Criterion::ALL
        .iter()
        .map(|&c| b36(quantise(a.score(c), 35)))
        .collect();
    let fine: String = Criterion::ALL
        .iter()
        .map(|&c| b36_fixed(quantise(a.score(c), 1000), 2))
        .collect();
    Entry {
        attempt: a,
        scenario: (a.scenario.clone(), a.persona.clone(), a.scenario_version),
        compact: format!("{head}.{compact}"),
        full: format!(
            "{head}.{fine}.{}.{}",
            b36(a.duration_ms),
            b36(u64::from(a.replies))
        ),
    }
}

/// Whether `a` reads back from a summary: what [`decode_summary`] would
/// refuse (a value out of the ranges an imported file must respect) is left
/// out, so one odd record never makes the LMS's copy unreadable. It stays in
/// the browser.
fn summarisable(a: &Attempt) -> bool {
    let probe = Attempt {
        id: format!("{}-{}-{}", a.scenario, a.started_ms, a.seed),
        scenario: a.scenario.clone(),
        scenario_version: a.scenario_version,
        persona: a.persona.clone(),
        started_ms: a.started_ms,
        duration_ms: a.duration_ms,
        seed: a.seed,
        outcome: a.outcome.clone(),
        total: 0.0,
        scores: BTreeMap::new(),
        flags: BTreeMap::new(),
        faults: Vec::new(),
        replies: a.replies,
        transcript: None,
    };
    check_ranges(&Progress {
        trainee: String::new(),
        attempts: vec![probe],
    })
    .is_ok()
}

fn dictionary_entry((id, persona, version): &(String, String, u32)) -> String {
    format!(
        "{}*{}*{}",
        escape(id),
        escape(persona),
        b36(u64::from(*version))
    )
}

/// The summary of `p`, at most `max` characters: each scenario's best and
/// latest attempt first, then the newest; the newest in full detail while
/// room is left. Deterministic: the same progress gives the same text.
pub fn encode_summary_within(p: &Progress, max: usize) -> String {
    // Newest first; an attempt listed twice (same id) counts once.
    let mut seen = HashSet::new();
    let mut order: Vec<&Attempt> = p.attempts.iter().collect();
    order.sort_by(|a, b| b.started_ms.cmp(&a.started_ms).then(a.id.cmp(&b.id)));
    order.retain(|a| seen.insert(a.id.as_str()) && summarisable(a));
    let entries: Vec<Entry> = order.iter().map(|a| entry(a)).collect();

    // Each scenario's latest (the first met) and best attempt come first.
    let mut protected = BTreeSet::new();
    let mut best: BTreeMap<&str, usize> = BTreeMap::new();
    let mut latest: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let id = e.attempt.scenario.as_str();
        latest.entry(id).or_insert(i);
        let b = best.entry(id).or_insert(i);
        if e.attempt.total > entries[*b].attempt.total {
            *b = i;
        }
    }
    protected.extend(best.values().copied());
    protected.extend(latest.values().copied());
    let priority = protected
        .iter()
        .copied()
        .chain((0..entries.len()).filter(|i| !protected.contains(i)));

    // Keep compact entries in priority order while they fit; an attempt of
    // a scenario not yet listed also pays for its scenario's entry.
    let mut used = SUMMARY_HEADER.len() + 2;
    let mut scenarios: Vec<(String, String, u32)> = Vec::new();
    let mut kept: BTreeSet<usize> = BTreeSet::new();
    for i in priority {
        let e = &entries[i];
        let at = scenarios.iter().position(|s| *s == e.scenario);
        let new_scenario = at.is_none();
        let scenario_cost = if new_scenario {
            dictionary_entry(&e.scenario).len() + usize::from(!scenarios.is_empty())
        } else {
            0
        };
        let index_len = b36(at.unwrap_or(scenarios.len()) as u64).len();
        let cost = scenario_cost + index_len + 1 + e.compact.len() + usize::from(!kept.is_empty());
        if used + cost > max {
            continue;
        }
        used += cost;
        if new_scenario {
            scenarios.push(e.scenario.clone());
        }
        kept.insert(i);
    }
    // Full detail for the newest kept attempts while room is left.
    let mut full: BTreeSet<usize> = BTreeSet::new();
    for &i in &kept {
        let extra = entries[i].full.len() - entries[i].compact.len();
        if used + extra <= max {
            used += extra;
            full.insert(i);
        }
    }
    let scenario_list: Vec<String> = scenarios.iter().map(dictionary_entry).collect();
    // Written oldest first, like the progress itself.
    let attempts: Vec<String> = kept
        .iter()
        .rev()
        .map(|&i| {
            let e = &entries[i];
            let at = scenarios.iter().position(|s| *s == e.scenario).unwrap_or(0);
            let body = if full.contains(&i) {
                &e.full
            } else {
                &e.compact
            };
            format!("{}.{body}", b36(at as u64))
        })
        .collect();
    let text = format!(
        "{SUMMARY_HEADER}|{}|{}",
        scenario_list.join(","),
        attempts.join(",")
    );
    if text.len() <= max {
        text
    } else {
        // Not reached (the costs above are exact), but a summary
        // over the limit would be refused by the LMS: an empty one is not.
        format!("{SUMMARY_HEADER}||")
    }
}

/// The summary of `p` for `cmi.suspend_data`: never more than
/// [`SUSPEND_DATA_MAX`] characters, all ASCII.
pub fn encode_summary(p: &Progress) -> String {
    encode_summary_within(p, SUSPEND_DATA_MAX)
}

// ---- reading -----------------------------------------------------------

fn scores_from(text: &str, width: usize, steps: f32) -> Option<BTreeMap<String, f32>> {
    if text.len() != width * Criterion::ALL.len() || !text.is_ascii() {
        return None;
    }
    Criterion::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let v = parse36(&text[i * width..(i + 1) * width])? as f32 / steps;
            (v <= 1.0).then(|| (c.id().to_string(), v))
        })
        .collect()
}

fn attempt_from(text: &str, scenarios: &[(String, String, u32)]) -> Result<Attempt, String> {
    let fields: Vec<&str> = text.split('.').collect();
    if fields.len() != 6 && fields.len() != 8 {
        return Err(format!("an attempt has {} parts", fields.len()));
    }
    let number = |s: &str, what: &str| parse36(s).ok_or_else(|| format!("{what} `{s}`"));
    let at = number(fields[0], "scenario position")? as usize;
    let (scenario, persona, version) = scenarios
        .get(at)
        .ok_or_else(|| format!("no scenario at position {at}"))?
        .clone();
    let started_ms = number(fields[1], "start time")?;
    let seed = number(fields[2], "seed")?;
    let outcome = match fields[3].strip_prefix('_') {
        Some(raw) => unescape(raw).ok_or("an outcome".to_string())?,
        None => OUTCOMES
            .get(number(fields[3], "outcome")? as usize)
            .ok_or_else(|| format!("outcome `{}`", fields[3]))?
            .to_string(),
    };
    let total = number(fields[4], "total")? as f32 / 1000.0;
    if fields[4].len() != 2 || total > 1.0 {
        return Err(format!("total `{}`", fields[4]));
    }
    let (scores, duration_ms, replies) = if fields.len() == 8 {
        let scores = scores_from(fields[5], 2, 1000.0).ok_or("the scores".to_string())?;
        let replies =
            u32::try_from(number(fields[7], "replies")?).map_err(|_| "replies".to_string())?;
        (scores, number(fields[6], "duration")?, replies)
    } else {
        let scores = scores_from(fields[5], 1, 35.0).ok_or("the scores".to_string())?;
        (scores, 0, 0)
    };
    Ok(Attempt {
        id: format!("{scenario}-{started_ms}-{seed}"),
        scenario,
        scenario_version: version,
        persona,
        started_ms,
        duration_ms,
        seed,
        outcome,
        total,
        scores,
        flags: BTreeMap::new(),
        faults: Vec::new(),
        replies,
        transcript: None,
    })
}

/// The attempts a summary holds, oldest first, each within the ranges an
/// imported progress file must respect. The empty string (an LMS that
/// holds nothing yet) is an empty list.
pub fn decode_summary(text: &str) -> Result<Vec<Attempt>, SummaryError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    if text.len() > SUMMARY_READ_MAX {
        return Err(SummaryError::Damaged(format!(
            "{} characters, more than Rapport ever writes",
            text.chars().count()
        )));
    }
    let mut parts = text.split('|');
    let header = parts.next().unwrap_or_default();
    if header != SUMMARY_HEADER {
        return if header.starts_with("rapport-lms") && header.is_ascii() && header.len() < 40 {
            Err(SummaryError::Newer(header.to_string()))
        } else {
            Err(SummaryError::NotASummary)
        };
    }
    let (Some(list), Some(body), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(SummaryError::Damaged("it does not have three parts".into()));
    };
    let damaged = SummaryError::Damaged;
    let mut scenarios = Vec::new();
    for item in list.split(',').filter(|s| !s.is_empty()) {
        let f: Vec<&str> = item.split('*').collect();
        let (Some(id), Some(persona), Some(version), 3) = (f.first(), f.get(1), f.get(2), f.len())
        else {
            return Err(damaged(format!("scenario entry `{}`", short(item))));
        };
        let id = unescape(id).filter(|s| !s.is_empty());
        let persona = unescape(persona);
        let version = parse36(version).and_then(|v| u32::try_from(v).ok());
        let (Some(id), Some(persona), Some(version)) = (id, persona, version) else {
            return Err(damaged(format!("scenario entry `{}`", short(item))));
        };
        scenarios.push((id, persona, version));
    }
    let mut attempts = Vec::new();
    for item in body.split(',').filter(|s| !s.is_empty()) {
        let a = attempt_from(item, &scenarios)
            .map_err(|why| damaged(format!("{why} in `{}`", short(item))))?;
        attempts.push(a);
    }
    attempts.sort_by_key(|a| a.started_ms);
    let p = Progress {
        trainee: String::new(),
        attempts,
    };
    check_ranges(&p).map_err(damaged)?;
    Ok(p.attempts)
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Adds the attempts of a summary that `base` does not have (the same id,
/// or the same scenario, start and seed) and returns how many; nothing in
/// `base` is removed or changed. On error `base` is untouched.
pub fn merge_summary(base: &mut Progress, text: &str) -> Result<usize, SummaryError> {
    Ok(merge_attempts(base, decode_summary(text)?))
}

/// Adds the `incoming` attempts (as [`decode_summary`] gives them) that
/// `base` does not have, and returns how many; nothing in `base` is removed
/// or changed.
pub fn merge_attempts(base: &mut Progress, incoming: Vec<Attempt>) -> usize {
    let mut added = 0;
    for a in incoming {
        let known = base.attempts.iter().any(|b| {
            b.id == a.id
                || (b.scenario == a.scenario && b.started_ms == a.started_ms && b.seed == a.seed)
        });
        if !known {
            base.attempts.push(a);
            added += 1;
        }
    }
    if added > 0 {
        base.attempts.sort_by_key(|a| a.started_ms);
    }
    added
}
