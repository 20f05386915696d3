//! What progress says: trends per criterion, streaks, personal bests, and
//! which scenario to practise next.

use super::envelope::Progress;
use crate::scenario::Scenario;
use crate::scoring::Criterion;
use std::collections::BTreeMap;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// The score of `c` in each attempt, oldest first.
pub fn criterion_series(p: &Progress, c: Criterion) -> Vec<f32> {
    p.attempts.iter().map(|a| a.score(c)).collect()
}

/// Best conversation total per scenario id.
pub fn personal_bests(p: &Progress) -> BTreeMap<String, f32> {
    let mut best: BTreeMap<String, f32> = BTreeMap::new();
    for a in &p.attempts {
        let e = best.entry(a.scenario.clone()).or_insert(0.0);
        *e = e.max(a.total);
    }
    best
}

/// Consecutive days (UTC) with at least one attempt, ending today or
/// yesterday; 0 otherwise.
pub fn streak_days(p: &Progress, now_ms: u64) -> u32 {
    let mut days: Vec<u64> = p.attempts.iter().map(|a| a.started_ms / DAY_MS).collect();
    days.sort_unstable();
    days.dedup();
    let today = now_ms / DAY_MS;
    let Some(&last) = days.last() else { return 0 };
    if last + 1 < today {
        return 0;
    }
    let mut streak = 1;
    for w in days.windows(2).rev() {
        if w[1] == w[0] + 1 {
            streak += 1;
        } else {
            break;
        }
    }
    streak
}

/// A suggestion for the next conversation, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub scenario: String,
    pub criterion: Option<Criterion>,
    pub reason: String,
}

/// Mean of each criterion over the last `window` attempts.
fn recent_means(p: &Progress, window: usize) -> Vec<(Criterion, f32)> {
    let recent = &p.attempts[p.attempts.len().saturating_sub(window)..];
    Criterion::ALL
        .iter()
        .map(|&c| {
            let sum: f32 = recent.iter().map(|a| a.score(c)).sum();
            (c, sum / recent.len().max(1) as f32)
        })
        .collect()
}

/// The scenario that best trains the trainee's weakest recent criterion:
/// one whose golden runs expect it, played least, easiest first.
pub fn recommend(p: &Progress, library: &[&Scenario]) -> Option<Recommendation> {
    let plays = |id: &str| p.attempts.iter().filter(|a| a.scenario == id).count();
    if p.attempts.is_empty() {
        let first = library
            .iter()
            .min_by_key(|s| (s.difficulty, s.title.clone()))?;
        return Some(Recommendation {
            scenario: first.id.0.clone(),
            criterion: None,
            reason: "A gentle first conversation to get a feel for how replies are scored.".into(),
        });
    }
    let mut weakest = recent_means(p, 10);
    weakest.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (c, mean) in weakest {
        let trains = |s: &&&Scenario| s.golden.iter().any(|g| g.expect_hit.contains(&c));
        let best = library
            .iter()
            .filter(trains)
            .min_by_key(|s| (plays(&s.id.0), s.difficulty, s.title.clone()));
        if let Some(s) = best {
            return Some(Recommendation {
                scenario: s.id.0.clone(),
                criterion: Some(c),
                reason: format!(
                    "Your weakest area lately is \u{201c}{}\u{201d} ({}% over your last attempts). This conversation gives you practice at it.",
                    c.label(),
                    (mean * 100.0).round() as i32
                ),
            });
        }
    }
    None
}
