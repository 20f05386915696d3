//! The conversation-level scorecard: per-criterion results over every turn,
//! the flags raised, and the step-order faults.

use super::{Assessment, Criterion, FlagId};
use crate::persona::Persona;
use serde::Serialize;

/// A fault in the order of the seven steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "id", rename_all = "snake_case")]
pub enum Fault {
    /// The first reply had no greeting.
    NoGreeting,
    /// A fix was offered (at this 0-based turn) before any question or empathy
    /// on an emotional complaint.
    FixBeforeEmpathy { turn: usize },
    /// The conversation ended after a fix without checking it satisfied them.
    NoCheck,
    /// Reply `turn` offered more money than the trainee may give (in cents).
    BeyondAuthority {
        turn: usize,
        offered_cents: u64,
        limit_cents: u64,
    },
}

impl Fault {
    pub fn id(self) -> &'static str {
        match self {
            Fault::NoGreeting => "no_greeting",
            Fault::FixBeforeEmpathy { .. } => "fix_before_empathy",
            Fault::NoCheck => "no_check",
            Fault::BeyondAuthority { .. } => "beyond_authority",
        }
    }

    /// What went wrong and what to do instead.
    pub fn explain(self) -> String {
        match self {
            Fault::NoGreeting => "You skipped the greeting: open every conversation warmly.".into(),
            Fault::FixBeforeEmpathy { turn } => format!(
                "Reply {} offered a fix before any question or empathy: an upset customer needs to feel heard first.",
                turn + 1
            ),
            Fault::NoCheck => "You closed without checking the solution worked for them.".into(),
            Fault::BeyondAuthority { turn, offered_cents, limit_cents } => format!(
                "Reply {} offered {:.2}, more than your limit of {:.2}: offer what you are empowered to give, or get approval first.",
                turn + 1,
                offered_cents as f64 / 100.0,
                limit_cents as f64 / 100.0
            ),
        }
    }

    /// Points taken off the conversation total.
    pub fn penalty(self) -> f32 {
        0.1
    }
}

/// One criterion over the whole conversation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionSummary {
    pub criterion: Criterion,
    pub score: f32,
    /// 0-based turns where it scored at least one half.
    pub turns: Vec<usize>,
}

/// One term of the total: `value` (in `[0, 1]`) times `weight` (negative
/// for a penalty).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    pub label: String,
    pub value: f32,
    pub weight: f32,
}

impl Term {
    fn new(label: &str, value: f32, weight: f32) -> Term {
        Term {
            label: label.to_string(),
            value,
            weight,
        }
    }

    /// What the term adds to the total, in `[-1, 1]`.
    pub fn points(&self) -> f32 {
        self.value * self.weight
    }
}

/// How the total is made, so the result can show arithmetic that adds up:
/// `subtotal` is the terms' sum kept in `[0, 1]` and rounded; once the
/// conversation has ended, the total is `subtotal × (1 − ending.weight) +
/// ending.points()`, rounded.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Breakdown {
    pub terms: Vec<Term>,
    pub subtotal: f32,
    pub ending: Option<Term>,
}

/// A whole conversation's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scorecard {
    /// All thirteen criteria, in [`Criterion::ALL`] order.
    pub criteria: Vec<CriterionSummary>,
    /// Each flag raised, with how many times.
    pub flags: Vec<(FlagId, usize)>,
    pub faults: Vec<Fault>,
    /// In `[0, 1]`.
    pub total: f32,
    /// How many replies the trainee sent.
    pub replies: usize,
    /// The total's terms.
    pub breakdown: Breakdown,
}

impl Scorecard {
    /// Builds the scorecard from each reply's assessment. `emotional` says the
    /// complaint started upset; `closed` that the conversation has ended;
    /// `extra` are faults only the session can see (offers beyond authority).
    pub fn from_turns(
        turns: &[Assessment],
        persona: Persona,
        emotional: bool,
        closed: bool,
        extra: &[Fault],
    ) -> Scorecard {
        let criteria: Vec<CriterionSummary> = Criterion::ALL
            .iter()
            .map(|&c| summarise(turns, c))
            .collect();
        let mut flags: Vec<(FlagId, usize)> = Vec::new();
        for f in turns.iter().flat_map(|a| &a.flags) {
            match flags.iter_mut().find(|(id, _)| *id == f.id) {
                Some((_, n)) => *n += 1,
                None => flags.push((f.id, 1)),
            }
        }
        let mut faults = faults(turns, emotional, closed);
        faults.extend_from_slice(extra);
        let breakdown = if turns.is_empty() {
            Breakdown::default()
        } else {
            let replies = turns.iter().map(|a| a.total).sum::<f32>() / turns.len() as f32;
            // Each criterion the conversation called for at some turn (or
            // that was shown anyway), weighted by what this customer values.
            let mean = |list: &[Criterion]| {
                let relevant: Vec<(f32, f32)> = list
                    .iter()
                    .filter(|c| {
                        criteria[**c as usize].score > 0.0
                            || turns.iter().any(|a| a.get(**c).applicable)
                    })
                    .map(|c| (weight(persona, *c), criteria[*c as usize].score))
                    .collect();
                let total: f32 = relevant.iter().map(|(w, _)| w).sum();
                if total == 0.0 {
                    0.0
                } else {
                    relevant.iter().map(|(w, s)| w * s).sum::<f32>() / total
                }
            };
            let mut terms = vec![
                Term::new("Your replies, on average", replies, 0.5),
                Term::new(
                    "The seven steps, weighted for this customer",
                    mean(&Criterion::STEPS),
                    0.25,
                ),
                Term::new(
                    "BE SURE, weighted for this customer",
                    mean(&Criterion::BE_SURE),
                    0.25,
                ),
            ];
            for f in &faults {
                terms.push(Term::new(&f.explain(), 1.0, -f.penalty()));
            }
            let raw: f32 = terms.iter().map(Term::points).sum();
            Breakdown {
                terms,
                subtotal: (raw.clamp(0.0, 1.0) * 100.0).round() / 100.0,
                ending: None,
            }
        };
        Scorecard {
            criteria,
            flags,
            faults,
            total: breakdown.subtotal,
            replies: turns.len(),
            breakdown,
        }
    }

    /// Folds how the conversation ended into the total: a fifth of it is
    /// the outcome's `credit` in `[0, 1]` (a satisfied customer is the goal).
    /// A conversation ended before any reply scores 0, below any attempt.
    pub fn with_outcome(mut self, credit: f32) -> Scorecard {
        if self.replies == 0 {
            return self;
        }
        let ending = Term::new("How it ended", credit.clamp(0.0, 1.0), 0.2);
        let t = (1.0 - ending.weight) * self.total + ending.points();
        self.total = (t * 100.0).round() / 100.0;
        self.breakdown.ending = Some(ending);
        self
    }

    pub fn get(&self, c: Criterion) -> &CriterionSummary {
        &self.criteria[c as usize]
    }
}

/// How much a criterion counts over a whole conversation with this kind of
/// customer: a rushed caller is owed the fix and the check, an upset one the
/// empathy and the fix, an analytical one exact knowledge, a personal one
/// sincerity, a functional one clear questions and the procedure.
pub fn weight(persona: Persona, c: Criterion) -> f32 {
    use Criterion as C;
    match (persona, c) {
        (Persona::Rushed, C::Resolve) => 2.0,
        (Persona::Rushed, C::Empowered) => 1.5,
        (Persona::Rushed, C::Greet | C::Empathize | C::Sincere | C::Understand) => 0.5,
        (Persona::Rushed, C::Listen | C::Question) => 0.25,
        (Persona::Irate, C::Empathize | C::Resolve) => 1.5,
        (Persona::Irate, C::Listen | C::Respect) => 1.25,
        (Persona::Analytical, C::BroadKnowledge) => 2.0,
        (Persona::Analytical, C::Question | C::Understand | C::FollowUp) => 1.25,
        (Persona::Analytical, C::Empathize | C::Sincere) => 0.75,
        (Persona::Personal, C::Sincere) => 1.5,
        (Persona::Personal, C::Empathize | C::Listen | C::Eager) => 1.25,
        (Persona::Functional, C::BroadKnowledge) => 1.5,
        (Persona::Functional, C::Question | C::Resolve) => 1.25,
        (Persona::Functional, C::Empathize) => 0.75,
        _ => 1.0,
    }
}

fn summarise(turns: &[Assessment], c: Criterion) -> CriterionSummary {
    let hits: Vec<usize> = turns
        .iter()
        .enumerate()
        .filter(|(_, a)| a.hit(c))
        .map(|(i, _)| i)
        .collect();
    let scores = turns.iter().map(|a| a.score(c));
    let score = match c {
        Criterion::Greet => turns.first().map_or(0.0, |a| a.score(c)),
        // Qualities that should hold all the way through: half the best
        // moment, half the average.
        Criterion::Eager | Criterion::Sincere | Criterion::Respect if !turns.is_empty() => {
            let all: Vec<f32> = scores.collect();
            let best = all.iter().copied().fold(0.0, f32::max);
            0.5 * best + 0.5 * all.iter().sum::<f32>() / all.len() as f32
        }
        // A wrong fact anywhere halves the credit for right ones.
        Criterion::BroadKnowledge => {
            let best = scores.fold(0.0, f32::max);
            let wrong = turns.iter().any(|a| a.facts.iter().any(|f| !f.correct));
            if wrong {
                best * 0.5
            } else {
                best
            }
        }
        _ => scores.fold(0.0, f32::max),
    };
    CriterionSummary {
        criterion: c,
        score: (score * 100.0).round() / 100.0,
        turns: hits,
    }
}

fn faults(turns: &[Assessment], emotional: bool, closed: bool) -> Vec<Fault> {
    let mut out = Vec::new();
    if turns.first().is_some_and(|a| !a.hit(Criterion::Greet)) {
        out.push(Fault::NoGreeting);
    }
    let first_fix = turns.iter().position(|a| a.hit(Criterion::Resolve));
    if let (true, Some(t)) = (emotional, first_fix) {
        let heard = turns[..=t]
            .iter()
            .any(|a| a.hit(Criterion::Empathize) || a.hit(Criterion::Question));
        if !heard {
            out.push(Fault::FixBeforeEmpathy { turn: t });
        }
    }
    if let (true, Some(t)) = (closed, first_fix) {
        if !turns[t..].iter().any(|a| a.hit(Criterion::Check)) {
            out.push(Fault::NoCheck);
        }
    }
    out
}
