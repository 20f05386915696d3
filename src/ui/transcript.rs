//! The conversation as chat bubbles. Every text is rendered as text, never
//! as HTML, so neither replies nor scenario files can inject markup.

use super::highlight::{segments, Mark};
use super::Feedback;
use crate::scoring::Assessment;
use crate::sim::{Event, Speaker};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub events: Rc<Vec<Event>>,
    pub customer: String,
}

fn reply_bubble(text: &str, a: &Assessment, latest: bool) -> Html {
    html! {
        <li class="msg trainee" data-testid="trainee-message">
            <span class="who">{ "You" }</span>
            <p class="bubble">
                for seg in segments(text, a) {
                    {
                        match seg.mark {
                            Mark::Plain => html! { { seg.text } },
                            Mark::Good => html! { <mark class="good" title={seg.notes.join("\n")}>{ seg.text }</mark> },
                            Mark::Bad => html! { <mark class="bad" title={seg.notes.join("\n")}>{ seg.text }</mark> },
                        }
                    }
                }
            </p>
            <Feedback assessment={a.clone()} open={latest} />
        </li>
    }
}

fn delta(label: &str, d: i32) -> Option<String> {
    (d != 0).then(|| format!("{label} {}{d}", if d > 0 { "+" } else { "" }))
}

#[function_component(Transcript)]
pub fn transcript(props: &TranscriptProps) -> Html {
    let last_turn = props
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Assessed { turn, .. } => Some(*turn),
            _ => None,
        })
        .max();
    let mut items: Vec<Html> = Vec::new();
    let mut pending: Option<&str> = None;
    for e in props.events.iter() {
        match e {
            Event::Said { speaker: Speaker::Customer, text } => items.push(html! {
                <li class="msg customer" data-testid="customer-message">
                    <span class="who">{ &props.customer }</span>
                    <p class="bubble">{ text }</p>
                </li>
            }),
            Event::Said { speaker: Speaker::Trainee, text } => pending = Some(text),
            Event::Assessed { turn, assessment } => {
                let text = pending.take().unwrap_or_default();
                items.push(reply_bubble(text, assessment, Some(*turn) == last_turn));
            }
            Event::MoodChanged { before, after } => {
                let parts: Vec<String> = [
                    delta("Anger", after.anger - before.anger),
                    delta("Patience", after.patience - before.patience),
                    delta("Trust", after.trust - before.trust),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !parts.is_empty() {
                    items.push(html! { <li class="msg system" aria-label="Mood change">{ parts.join(" · ") }</li> });
                }
            }
            Event::BeyondAuthority { amount, limit } => items.push(html! {
                <li class="msg system warn" data-testid="beyond-authority">
                    { format!("You offered {amount:.2}, above your limit of {limit:.2}. Offer what you are empowered to give, or get approval first.") }
                </li>
            }),
            Event::Revealed { .. } | Event::Ended { .. } => {}
        }
    }
    {
        // Keep the newest message in view after each reply.
        let count = props.events.len();
        use_effect_with(count, move |_| {
            #[cfg(target_arch = "wasm32")]
            if count > 1 {
                let doc = gloo::utils::document();
                if let Ok(Some(last)) = doc.query_selector(".transcript > li:last-child") {
                    last.scroll_into_view_with_bool(false);
                }
            }
        });
    }
    html! {
        <ol class="transcript" role="log" aria-live="polite" aria-label="Conversation" data-testid="transcript">
            { for items }
        </ol>
    }
}
