//! The seven complaint steps as a checklist during the call: which ones the
//! trainee has shown so far (from the engine's running scorecard).

use rapport::scoring::{Criterion, Scorecard};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub card: Scorecard,
    pub replies: usize,
}

/// How many of the seven steps the conversation has shown so far.
pub fn steps_shown(card: &Scorecard) -> usize {
    Criterion::STEPS
        .iter()
        .filter(|c| card.get(**c).score >= 0.5)
        .count()
}

#[function_component(StepTracker)]
pub fn step_tracker(props: &StepsProps) -> Html {
    let done = |c: Criterion| props.card.get(c).score >= 0.5;
    let count = steps_shown(&props.card);
    html! {
        <div class="steps-box" data-testid="step-tracker">
            <p class="steps-count">{ format!("{count} of 7 shown after {} {}", props.replies, if props.replies == 1 { "reply" } else { "replies" }) }</p>
            <ol class="steps">
                for c in Criterion::STEPS.iter() {
                    <li class={classes!(done(*c).then_some("done"))} data-testid={format!("step-{}", c.id())}>
                        <span class="step-icon" aria-hidden="true">{ if done(*c) { "✓" } else { "○" } }</span>
                        { c.label() }
                        <span class="visually-hidden">{ if done(*c) { ": shown" } else { ": not yet" } }</span>
                    </li>
                }
            </ol>
        </div>
    }
}
