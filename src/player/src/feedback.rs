//! Feedback on one reply: the score, what went well, what it cost, and one
//! thing to try next.

use super::percent;
use rapport::scoring::{Assessment, Criterion};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub assessment: Assessment,
    /// Open by default (the latest reply).
    #[prop_or(true)]
    pub open: bool,
    /// 1-based number of the reply.
    #[prop_or(1)]
    pub number: usize,
    /// Criteria already shown earlier in the conversation: the next tip skips them.
    #[prop_or_default]
    pub shown_before: Vec<Criterion>,
}

/// The one tip to try next: the first missed criterion, in step order, that
/// the conversation has not shown yet (else the first missed one).
pub fn next_tip(a: &Assessment, shown_before: &[Criterion]) -> Option<(Criterion, String)> {
    let missed: Vec<(Criterion, String)> = a
        .criteria
        .iter()
        .filter_map(|c| c.hint.clone().map(|h| (c.criterion, h)))
        .collect();
    missed
        .iter()
        .find(|(c, _)| !shown_before.contains(c))
        .or(missed.first())
        .cloned()
}

/// What went well, in words: the criteria this reply earned.
pub fn praise(a: &Assessment) -> Option<String> {
    let good: Vec<&str> = a
        .criteria
        .iter()
        .filter(|c| c.score >= 0.5)
        .map(|c| c.criterion.label())
        .collect();
    match good.as_slice() {
        [] => None,
        [one] => Some(format!("Good: this reply shows {one}.")),
        [init @ .., last] => Some(format!(
            "Good: this reply shows {} and {last}.",
            init.join(", ")
        )),
    }
}

#[function_component(Feedback)]
pub fn feedback(props: &FeedbackProps) -> Html {
    let a = &props.assessment;
    let tip = next_tip(a, &props.shown_before);
    let level = if a.total >= 0.7 {
        "high"
    } else if a.total >= 0.4 {
        "mid"
    } else {
        "low"
    };
    html! {
        <details class="feedback" open={props.open} data-testid="feedback">
            <summary>
                <span class={classes!("score", level)} data-testid="reply-score">{ percent(a.total) }</span>
                <span class="summary-text">{ format!("Feedback on reply {}", props.number) }</span>
            </summary>
            <div class="feedback-body">
                {
                    match praise(a) {
                        Some(p) => html! { <p class="praise" data-testid="praise"><span aria-hidden="true">{ "✓ " }</span>{ p }</p> },
                        None => html! { <p class="muted" data-testid="praise">{ "No step or quality showed clearly in this reply yet: the tip below is the quickest way to earn one." }</p> },
                    }
                }
                if !a.flags.is_empty() {
                    <ul class="flags" aria-label="Mistakes">
                        for f in a.flags.iter() {
                            <li class={classes!("flag", f.severity.id())} data-testid={format!("flag-{}", f.id.id())}>
                                <span aria-hidden="true">{ "✗ " }</span>
                                <strong>{ f.id.label() }</strong>
                                <span class="severity">{ format!(" ({})", f.severity.id()) }</span>
                                { format!(": {}", f.id.advice()) }
                            </li>
                        }
                    </ul>
                }
                if !a.notes.is_empty() {
                    <ul class="notes" aria-label="About this customer">
                        for n in a.notes.iter() {
                            <li class={if n.delta < 0.0 { "note minus" } else { "note plus" }}>
                                <span aria-hidden="true">{ if n.delta < 0.0 { "− " } else { "+ " } }</span>{ &n.text }
                            </li>
                        }
                    </ul>
                }
                if a.questions.basic || a.questions.detail || a.questions.assessment {
                    <p class="questions">
                        { "Questions asked: " }
                        { [(a.questions.basic, "basic"), (a.questions.detail, "detail"), (a.questions.assessment, "assessment")]
                            .iter().filter(|(on, _)| *on).map(|(_, n)| *n).collect::<Vec<_>>().join(", ") }
                    </p>
                }
                if a.truncated {
                    <p class="notice">{ "Only the first part of this very long reply was scored." }</p>
                }
                if let Some((c, h)) = tip {
                    <p class="next-tip" data-testid="next-tip"><strong>{ format!("Try next, {}: ", c.label()) }</strong>{ h }</p>
                }
            </div>
        </details>
    }
}
