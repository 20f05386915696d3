//! How each persona shifts a reply's total: brevity for the rushed, precision
//! for the analytical, empathy before the fix for the irate, and so on.

use super::lexicon as lx;
use super::matching::Reply;
use super::{Assessment, Context, Criterion, Note};
use crate::persona::Persona;

/// Replies longer than this many words start to cost a rushed customer's patience.
pub const RUSHED_WORD_LIMIT: usize = 60;

fn note(text: &str, delta: f32) -> Note {
    Note {
        text: text.to_string(),
        delta,
    }
}

/// The persona's adjustments for this reply.
pub fn notes(r: &Reply, ctx: &Context, a: &Assessment) -> Vec<Note> {
    let mut out = Vec::new();
    let small_talk = !r.find(lx::small_talk()).is_empty();
    let questions = a
        .criteria
        .iter()
        .find(|c| c.criterion == Criterion::Question)
        .map_or(0, |c| c.evidence.len());
    match ctx.persona {
        Persona::Rushed => {
            if a.words > RUSHED_WORD_LIMIT {
                let over = (a.words - RUSHED_WORD_LIMIT) as f32;
                out.push(note(
                    "Long reply: this customer wants the result, not the story.",
                    -(over / 150.0).min(0.3),
                ));
            } else if a.words <= 40
                && a.hit(Criterion::Resolve)
                && !small_talk
                && padding_before_the_point(r) < 2
            {
                out.push(note("Short and straight to the fix.", 0.1));
            }
            if questions > 1 {
                out.push(note(
                    "Several questions at once: ask only what you need to fix it.",
                    -0.1 * (questions - 1).min(3) as f32,
                ));
            }
            if small_talk {
                out.push(note("Small talk slows a customer in a hurry.", -0.1));
            }
            let padding = padding_before_the_point(r);
            if padding >= 2 {
                out.push(note(
                    "Padding before the point: lead with the answer.",
                    -0.05 * padding.min(4) as f32,
                ));
            }
        }
        Persona::Analytical => {
            let vague = r.find(lx::vague_info()).len();
            if vague > 0 {
                out.push(note(
                    "Vague wording: this customer wants exact facts.",
                    -0.1 * vague.min(2) as f32,
                ));
            }
            if small_talk {
                out.push(note(
                    "Small talk: this customer prefers to stay on the facts.",
                    -0.1,
                ));
            }
            if a.facts.iter().any(|f| f.correct) && a.facts.iter().all(|f| f.correct) {
                out.push(note("Precise, correct information.", 0.1));
            } else if a.facts.is_empty()
                && exact_figures(r) > 0
                && (a.hit(Criterion::Resolve) || a.hit(Criterion::FollowUp))
            {
                out.push(note(
                    "Exact figures (amounts, dates, times) this customer can check.",
                    0.05,
                ));
            }
        }
        Persona::Irate => {
            let empathised_before = ctx.previous.iter().any(|p| p.hit(Criterion::Empathize));
            if a.hit(Criterion::Resolve) && !a.hit(Criterion::Empathize) && !empathised_before {
                out.push(note(
                    "Fix offered before acknowledging how they feel.",
                    -0.15,
                ));
            }
        }
        Persona::Personal => {
            if !r.find(lx::warm_personal()).is_empty() {
                out.push(note("Warm and personal.", 0.05));
            }
            let warm =
                a.hit(Criterion::Eager) || a.hit(Criterion::Empathize) || a.hit(Criterion::Sincere);
            if !warm {
                out.push(note(
                    "Sounds cold: this customer values a human connection.",
                    -0.1,
                ));
            }
        }
        Persona::Functional => {
            if r.find(lx::procedure()).len() >= 2 {
                out.push(note("Clear, step-by-step explanation.", 0.1));
            }
        }
    }
    out
}

/// Sentences before the first one that does something (a fix, a question, a
/// figure, a next step) that only courtesy fills: "Thank you so much for
/// reaching out. I completely understand. I'd be more than happy to help."
fn padding_before_the_point(r: &Reply) -> usize {
    let toks = &r.tokens.tokens;
    let mut count = 0;
    for s in &r.tokens.sentences {
        let words = &toks[s.first..s.end];
        let acts = s.question
            || words
                .iter()
                .any(|t| lx::is_act_word(&t.norm) || t.norm.chars().any(|c| c.is_ascii_digit()));
        if acts {
            break;
        }
        count += 1;
    }
    count
}

/// Numbers, amounts, dates and times: words with digits, month and day names.
fn exact_figures(r: &Reply) -> usize {
    const NAMED: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    r.tokens
        .tokens
        .iter()
        .filter(|t| t.norm.chars().any(|c| c.is_ascii_digit()) || NAMED.contains(&t.norm.as_str()))
        .count()
}
