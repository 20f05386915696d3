//! What a screen reader hears after each turn: one line with the reply's
//! score and the customer's answer, or the outcome when the conversation
//! ends. Pure, so it is tested natively.

use super::percent;
use rapport::scoring::{Assessment, Rubric};
use rapport::sim::{Event, Outcome, Speaker};

/// One sentence on a reply: its number, score, what it earned and the worst
/// mistake, if any.
pub fn score_line(turn: usize, a: &Assessment) -> String {
    let earned: Vec<&str> = a
        .criteria
        .iter()
        .filter(|c| c.score >= 0.5 && c.criterion.rubric() == Rubric::Steps)
        .map(|c| c.criterion.label())
        .collect();
    let mut line = format!("Reply {} scored {}.", turn + 1, percent(a.total));
    if !earned.is_empty() {
        line.push_str(&format!(" Steps shown: {}.", earned.join(", ")));
    }
    if let Some(f) = a.flags.iter().max_by_key(|f| f.severity) {
        line.push_str(&format!(" Mistake: {}.", f.id.label()));
    }
    line
}

/// The announcement for the newest events: empty before the first reply.
pub fn announcement(events: &[Event], customer: &str) -> String {
    let ended = events.iter().rev().find_map(|e| match e {
        Event::Ended { outcome, scorecard } => Some((*outcome, scorecard.total)),
        _ => None,
    });
    let last_reply = events.iter().rposition(|e| {
        matches!(
            e,
            Event::Said {
                speaker: Speaker::Trainee,
                ..
            }
        )
    });
    let mut parts: Vec<String> = Vec::new();
    let fresh_turn = !matches!(ended, Some((Outcome::TraineeEnded, _)));
    if let (Some(i), true) = (last_reply, fresh_turn) {
        for e in &events[i..] {
            match e {
                Event::Assessed { turn, assessment } => parts.push(score_line(*turn, assessment)),
                Event::Said {
                    speaker: Speaker::Customer,
                    text,
                } => parts.push(format!("{customer} says: {text}")),
                _ => {}
            }
        }
    }
    if let Some((outcome, total)) = ended {
        parts.push(format!(
            "The conversation is over. {}. Conversation score {}. Your results follow.",
            outcome.title(),
            percent(total)
        ));
    }
    parts.join(" ")
}
