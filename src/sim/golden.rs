//! Golden replies: scripted runs stored in a scenario with their expected
//! result. Trainers use them to pin down how a scenario should play; the
//! tests and `rapport check` run them.

use super::{Outcome, Session};
use crate::scenario::{Golden, Scenario};
use std::rc::Rc;

/// Plays `golden` against `scenario`; returns every mismatch (empty when it passes).
pub fn run_golden(scenario: &Rc<Scenario>, golden: &Golden) -> Vec<String> {
    let mut problems = Vec::new();
    let mut session = Session::new(Rc::clone(scenario), golden.seed, 0);
    for (i, reply) in golden.replies.iter().enumerate() {
        if session.is_over() {
            problems.push(format!(
                "the conversation ended after reply {} of {}; remove the replies after it",
                i,
                golden.replies.len()
            ));
            break;
        }
        if let Err(e) = session.respond(reply, (i as u64 + 1) * 20_000) {
            problems.push(format!("reply {} was refused: {e}", i + 1));
            return problems;
        }
    }
    let outcome = session.outcome().unwrap_or(Outcome::TraineeEnded);
    if let Some(want) = &golden.expect_outcome {
        if outcome.id() != want {
            problems.push(format!(
                "expected outcome `{want}`, got `{}`: {}",
                outcome.id(),
                divergence(&session)
            ));
        }
    }
    let card = session.scorecard();
    for c in &golden.expect_hit {
        if card.get(*c).score < 0.5 {
            problems.push(format!(
                "expected `{}` to be earned, scored {:.2}",
                c.id(),
                card.get(*c).score
            ));
        }
    }
    for f in &golden.expect_flag {
        if !card.flags.iter().any(|(id, _)| id == f) {
            problems.push(format!("expected the flag `{}` to be raised", f.id()));
        }
    }
    for c in &golden.expect_miss {
        if card.get(*c).score >= 0.5 {
            let turns: Vec<String> = card
                .get(*c)
                .turns
                .iter()
                .map(|t| (t + 1).to_string())
                .collect();
            problems.push(format!(
                "expected `{}` not to be earned, but reply {} earned it",
                c.id(),
                turns.join(", ")
            ));
        }
    }
    for f in &golden.expect_no_flag {
        let raised: Vec<String> = session
            .turns()
            .iter()
            .enumerate()
            .filter(|(_, t)| t.assessment.flagged(*f))
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        if !raised.is_empty() {
            problems.push(format!(
                "expected the flag `{}` never to be raised, but reply {} raised it",
                f.id(),
                raised.join(", ")
            ));
        }
    }
    problems
}

/// Where a run went: the turn where it ended (or stopped) with its node, rule
/// and open needs, then every turn's path in short.
fn divergence(session: &Session) -> String {
    let turns = session.turns();
    let Some(last) = turns.last() else {
        return "no reply was played".into();
    };
    let t = &last.trace;
    let node = |n: &Option<String>| {
        n.as_deref()
            .map_or("(needs)".to_string(), |n| format!("`{n}`"))
    };
    let mut out = format!(
        "at reply {} (node {} -> {}, rule: {}",
        turns.len(),
        node(&t.node_before),
        node(&t.node_after),
        t.rule.as_deref().unwrap_or("none fired")
    );
    if let Some(e) = &t.ending {
        out.push_str(&format!(", ended: {e}"));
    }
    if !t.open.is_empty() {
        out.push_str(&format!(", needs still open: {}", t.open.join(", ")));
    }
    let m = last.mood_after;
    out.push_str(&format!(
        ", mood anger {} patience {} trust {}); path: ",
        m.anger, m.patience, m.trust
    ));
    let path: Vec<String> = turns
        .iter()
        .enumerate()
        .map(|(i, turn)| {
            let met: Vec<&str> = turn
                .trace
                .needs_met
                .iter()
                .map(|(n, _)| n.as_str())
                .collect();
            format!(
                "{} {:.2} {}{}",
                i + 1,
                turn.assessment.total,
                node(&turn.trace.node_after),
                if met.is_empty() {
                    String::new()
                } else {
                    format!(" met {}", met.join("+"))
                }
            )
        })
        .collect();
    out.push_str(&path.join(" | "));
    out
}
