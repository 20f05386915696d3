//! Feedback on one reply: the score, what it earned, what it cost, and what to
//! try next.

use super::percent;
use crate::scoring::{Assessment, Criterion, Rubric};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub assessment: Assessment,
    /// Open by default (the latest reply).
    #[prop_or(true)]
    pub open: bool,
}

/// Hints for up to three applicable criteria that were missed, in step order.
pub fn top_hints(a: &Assessment) -> Vec<(Criterion, String)> {
    a.criteria
        .iter()
        .filter_map(|c| c.hint.clone().map(|h| (c.criterion, h)))
        .take(3)
        .collect()
}

#[function_component(Feedback)]
pub fn feedback(props: &FeedbackProps) -> Html {
    let a = &props.assessment;
    let earned = |rubric: Rubric| -> Html {
        let hits: Vec<&crate::scoring::CriterionScore> = a
            .criteria
            .iter()
            .filter(|c| c.criterion.rubric() == rubric && c.score >= 0.5)
            .collect();
        if hits.is_empty() {
            return html! { <span class="muted">{ "none" }</span> };
        }
        html! {
            for c in hits {
                <span class="chip good" title={c.evidence.iter().map(|e| e.note.clone()).collect::<Vec<_>>().join("; ")}>
                    { c.criterion.label() }
                </span>
            }
        }
    };
    let hints = top_hints(a);
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
                <span class="summary-text">{ "Feedback on this reply" }</span>
            </summary>
            <div class="feedback-body">
                <div class="feedback-row"><span class="row-label">{ "Steps" }</span>{ earned(Rubric::Steps) }</div>
                <div class="feedback-row"><span class="row-label">{ "BE SURE" }</span>{ earned(Rubric::BeSure) }</div>
                if !a.flags.is_empty() {
                    <ul class="flags" aria-label="Mistakes">
                        for f in a.flags.iter() {
                            <li class={classes!("flag", f.severity.id())} data-testid={format!("flag-{}", f.id.id())}>
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
                            <li class={if n.delta < 0.0 { "note minus" } else { "note plus" }}>{ &n.text }</li>
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
                if !hints.is_empty() {
                    <div class="hints">
                        <span class="row-label">{ "Try next" }</span>
                        <ul>
                            for (c, h) in hints.iter() {
                                <li><strong>{ format!("{}: ", c.label()) }</strong>{ h }</li>
                            }
                        </ul>
                    </div>
                }
            </div>
        </details>
    }
}
