//! How one reply moves the customer's mood. Integer arithmetic only, so the
//! result is the same on every platform.

use crate::mood::Mood;
use crate::persona::Persona;
use crate::scoring::{Assessment, Criterion, FlagId, Severity};

/// Whole points for a score in `[0, 1]` times `weight`.
fn pts(a: &Assessment, c: Criterion, weight: i32) -> i32 {
    (a.score(c) * weight as f32).round() as i32
}

/// The mood after `a`, given the time since the customer's last line.
pub fn next_mood(
    persona: Persona,
    mood: Mood,
    a: &Assessment,
    elapsed_ms: u64,
    over_limit: bool,
) -> Mood {
    let mut m = mood;
    // Anger: soothed by empathy, listening, respect and ownership; inflamed by mistakes.
    let mut soothe = pts(a, Criterion::Empathize, 14)
        + pts(a, Criterion::Listen, 6)
        + pts(a, Criterion::Respect, 5)
        + pts(a, Criterion::Resolve, 10)
        + pts(a, Criterion::Sincere, 5);
    let mut inflame: i32 = a
        .flags
        .iter()
        .map(|f| match f.severity {
            Severity::Severe => 15,
            Severity::Moderate => 10,
            Severity::Minor => 3,
        })
        .sum();
    if a.total < 0.15 {
        // An unhelpful reply is its own provocation.
        inflame += 6;
    }
    match persona {
        Persona::Irate => {
            inflame = inflame * 6 / 5;
            if a.hit(Criterion::Resolve) && !a.hit(Criterion::Empathize) {
                soothe /= 2;
            }
        }
        Persona::Personal => soothe += pts(a, Criterion::Eager, 5),
        _ => {}
    }
    m.anger += inflame - soothe;

    // Patience: every turn costs some; long replies, piles of questions and slow
    // answers cost more, progress gives some back.
    let rushed = persona == Persona::Rushed;
    let mut drain = if rushed { 10 } else { 4 };
    let limit = if rushed { 60 } else { 150 };
    if a.words > limit {
        drain += ((a.words - limit) as i32 / 3).min(25);
    }
    let questions = a.criteria[Criterion::Question as usize].evidence.len() as i32;
    if rushed && questions > 1 {
        drain += 6 * (questions - 1).min(3);
    }
    let seconds = (elapsed_ms / 1000) as i32;
    let slow = if rushed { 45 } else { 120 };
    if seconds > slow {
        drain += ((seconds - slow) / if rushed { 5 } else { 10 }).min(20);
    }
    if a.worst() == Some(Severity::Severe) {
        drain += 10;
    }
    let progress = pts(a, Criterion::Resolve, 8) + pts(a, Criterion::Check, 3);
    m.patience += progress - drain;

    // Trust: correct facts, firm ownership and follow-through build it; wrong
    // facts, vagueness and deflection erode it.
    let right = a.facts.iter().filter(|f| f.correct).count().min(2) as i32;
    let wrong = a.facts.iter().filter(|f| !f.correct).count() as i32;
    let mut build = 12 * right
        + pts(a, Criterion::Empowered, 6)
        + pts(a, Criterion::FollowUp, 6)
        + pts(a, Criterion::Resolve, 4);
    let mut erode = 25 * wrong;
    erode += a.notes.iter().filter(|n| n.delta < 0.0).count() as i32 * 4;
    if a.flagged(FlagId::NotMyJob) || a.flagged(FlagId::PolicyShield) {
        erode += 10;
    }
    if over_limit {
        erode += 5;
    }
    if persona == Persona::Analytical {
        build = build * 3 / 2;
        erode = erode * 3 / 2;
    }
    m.trust += build - erode;
    m.clamped()
}
