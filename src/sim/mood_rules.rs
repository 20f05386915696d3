//! How one reply moves the customer's mood. Integer arithmetic only, so the
//! result is the same on every platform. Every change is itemised with its
//! cause, so a trace can say why the meters moved.

use crate::mood::Mood;
use crate::persona::Persona;
use crate::scoring::{Assessment, Criterion, FlagId, Severity};

/// One of the three mood scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Anger,
    Patience,
    Trust,
}

impl Scale {
    pub fn id(self) -> &'static str {
        match self {
            Scale::Anger => "anger",
            Scale::Patience => "patience",
            Scale::Trust => "trust",
        }
    }
}

/// One itemised change: `delta` points on `scale`, because of `cause`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoodPart {
    pub scale: Scale,
    pub delta: i32,
    pub cause: &'static str,
}

/// The itemised changes one reply makes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoodChange {
    pub parts: Vec<MoodPart>,
}

impl MoodChange {
    /// Adds a change (zero changes are left out).
    pub fn add(&mut self, scale: Scale, delta: i32, cause: &'static str) {
        if delta != 0 {
            self.parts.push(MoodPart {
                scale,
                delta,
                cause,
            });
        }
    }

    /// `mood` with every change applied, clamped to the scales.
    pub fn apply(&self, mood: Mood) -> Mood {
        let mut m = mood;
        for p in &self.parts {
            match p.scale {
                Scale::Anger => m.anger += p.delta,
                Scale::Patience => m.patience += p.delta,
                Scale::Trust => m.trust += p.delta,
            }
        }
        m.clamped()
    }
}

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
    mood_change(persona, a, elapsed_ms, over_limit, false).apply(mood)
}

/// The itemised mood change of one reply (see `scenarios/README.md` for the
/// numbers). `heard_before`: an earlier reply already showed empathy, so a fix
/// on its own is no longer rushing past the customer's feelings.
pub fn mood_change(
    persona: Persona,
    a: &Assessment,
    elapsed_ms: u64,
    over_limit: bool,
    heard_before: bool,
) -> MoodChange {
    let mut ch = MoodChange::default();
    anger(&mut ch, persona, a, heard_before);
    patience(&mut ch, persona, a, elapsed_ms);
    trust(&mut ch, persona, a, over_limit);
    ch
}

/// Anger: soothed by empathy, listening, respect and ownership; inflamed by mistakes.
fn anger(ch: &mut MoodChange, persona: Persona, a: &Assessment, heard_before: bool) {
    let mut empathy = pts(a, Criterion::Empathize, 14) + pts(a, Criterion::Sincere, 5);
    let listening = pts(a, Criterion::Listen, 6) + pts(a, Criterion::Respect, 5);
    let mut ownership = pts(a, Criterion::Resolve, 10);
    if persona == Persona::Personal {
        empathy += pts(a, Criterion::Eager, 5);
    }
    let mut mistakes: i32 = a
        .flags
        .iter()
        .map(|f| match f.severity {
            Severity::Severe => 15,
            Severity::Moderate => 10,
            Severity::Minor => 3,
        })
        .sum();
    // An unhelpful reply is its own provocation.
    let unhelpful = if a.total < 0.15 { 6 } else { 0 };
    if persona == Persona::Irate {
        mistakes = mistakes * 6 / 5;
        // A fix without any feeling for an angry customer soothes half as much.
        if a.hit(Criterion::Resolve) && !a.hit(Criterion::Empathize) && !heard_before {
            empathy /= 2;
            ownership /= 2;
            ch.add(Scale::Anger, -(listening / 2), "listening and respect");
            ch.add(Scale::Anger, -empathy, "empathy");
            ch.add(Scale::Anger, -ownership, "a fix (without empathy, half)");
            ch.add(Scale::Anger, mistakes, "mistakes flagged");
            ch.add(Scale::Anger, unhelpful, "an unhelpful reply");
            return;
        }
    }
    ch.add(Scale::Anger, -empathy, "empathy");
    ch.add(Scale::Anger, -listening, "listening and respect");
    ch.add(Scale::Anger, -ownership, "taking ownership of a fix");
    ch.add(Scale::Anger, mistakes, "mistakes flagged");
    ch.add(Scale::Anger, unhelpful, "an unhelpful reply");
}

/// Patience: every turn costs some; long replies, piles of questions and slow
/// answers cost more, progress gives some back.
fn patience(ch: &mut MoodChange, persona: Persona, a: &Assessment, elapsed_ms: u64) {
    let rushed = persona == Persona::Rushed;
    ch.add(
        Scale::Patience,
        if rushed { -10 } else { -4 },
        "another turn",
    );
    let limit = if rushed { 60 } else { 150 };
    if a.words > limit {
        ch.add(
            Scale::Patience,
            -(((a.words - limit) as i32 / 3).min(25)),
            "a long reply",
        );
    }
    let questions = a.get(Criterion::Question).evidence.len() as i32;
    if rushed && questions > 1 {
        ch.add(
            Scale::Patience,
            -6 * (questions - 1).min(3),
            "several questions",
        );
    }
    let seconds = (elapsed_ms / 1000) as i32;
    let slow = if rushed { 45 } else { 120 };
    if seconds > slow {
        let cost = ((seconds - slow) / if rushed { 5 } else { 10 }).min(20);
        ch.add(Scale::Patience, -cost, "a slow answer");
    }
    if a.worst() == Some(Severity::Severe) {
        ch.add(Scale::Patience, -10, "a severe mistake");
    }
    ch.add(
        Scale::Patience,
        pts(a, Criterion::Resolve, 8) + pts(a, Criterion::Check, 3),
        "progress",
    );
}

/// Trust: correct facts, firm ownership and follow-through build it; wrong
/// facts, vagueness and deflection erode it. An analytical customer weighs
/// both half as much again.
fn trust(ch: &mut MoodChange, persona: Persona, a: &Assessment, over_limit: bool) {
    let scale = |v: i32| {
        if persona == Persona::Analytical {
            v * 3 / 2
        } else {
            v
        }
    };
    let right = a.facts.iter().filter(|f| f.correct).count().min(2) as i32;
    let wrong = a.facts.iter().filter(|f| !f.correct).count() as i32;
    ch.add(Scale::Trust, scale(12 * right), "correct facts");
    ch.add(
        Scale::Trust,
        scale(
            pts(a, Criterion::Empowered, 6)
                + pts(a, Criterion::FollowUp, 6)
                + pts(a, Criterion::Resolve, 4),
        ),
        "ownership and follow-through",
    );
    ch.add(Scale::Trust, -scale(25 * wrong), "wrong facts");
    let vague = a.notes.iter().filter(|n| n.delta < 0.0).count() as i32 * 4;
    ch.add(Scale::Trust, -scale(vague), "vagueness noted by the scorer");
    if a.flagged(FlagId::NotMyJob) || a.flagged(FlagId::PolicyShield) {
        ch.add(Scale::Trust, -scale(10), "deflecting");
    }
    if over_limit {
        ch.add(Scale::Trust, -scale(5), "an offer beyond authority");
    }
}
