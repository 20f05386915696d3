//! The conversation as chat bubbles. Every text is rendered as text, never
//! as HTML, so neither replies nor scenario files can inject markup. Items
//! are keyed, so a new turn adds nodes and leaves the old ones alone; what a
//! screen reader hears is said by the play page's announcer instead.

use super::highlight::{segments, Mark, Segment};
use super::retry::{Branchable, RetryPanel};
use super::Feedback;
use rapport::mood::Mood;
use rapport::scoring::{Assessment, Criterion};
use rapport::sim::{Event, Speaker};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub events: Rc<Vec<Event>>,
    pub customer: String,
    /// Once the conversation is over: what any reply needs to be tried again.
    #[prop_or_default]
    pub retry: Option<Branchable>,
}

/// A reply with its evidence marked: each mark can be focused (or tapped)
/// to show why, and good, partial and bad marks differ in shape and icon as
/// well as colour.
fn marked(text: &str, a: &Assessment) -> Html {
    segments(text, a).into_iter().map(segment).collect()
}

fn segment(seg: Segment) -> Html {
    let class = match seg.mark {
        Mark::Plain => return html! { { seg.text } },
        Mark::Good => "good",
        Mark::Partial => "partial",
        Mark::Bad => "bad",
    };
    html! {
        <mark class={class} tabindex="0" data-testid="evidence">
            { seg.text }
            <span class="why">{ seg.notes.join(". ") }</span>
        </mark>
    }
}

struct Reply<'a> {
    key: usize,
    text: &'a str,
    turn: usize,
    assessment: &'a Assessment,
    latest: bool,
    before: Vec<Criterion>,
}

fn reply_item(r: Reply, props: &TranscriptProps) -> Html {
    let a = r.assessment;
    html! {
        <li key={r.key} class="msg trainee" data-testid="trainee-message">
            <span class="who">{ "You" }</span>
            <p class="bubble">{ marked(r.text, a) }</p>
            <Feedback assessment={a.clone()} open={r.latest} number={r.turn + 1} shown_before={r.before.clone()} />
            if let Some(c) = &props.retry {
                <RetryPanel conversation={c.clone()} turn={r.turn} customer={props.customer.clone()} was={a.total} shown_before={r.before} />
            }
        </li>
    }
}

fn delta(label: &str, d: i32) -> Option<String> {
    (d != 0).then(|| format!("{label} {}{d}", if d > 0 { "+" } else { "" }))
}

/// "Anger -25 · Trust +4": what moved between two moods, or `None`.
pub(super) fn mood_change(before: &Mood, after: &Mood) -> Option<String> {
    let parts: Vec<String> = [
        delta("Anger", after.anger - before.anger),
        delta("Patience", after.patience - before.patience),
        delta("Trust", after.trust - before.trust),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
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
    let mut shown: Vec<Criterion> = Vec::new();
    for (key, e) in props.events.iter().enumerate() {
        match e {
            Event::Said { speaker: Speaker::Customer, text } => items.push(html! {
                <li key={key} class="msg customer" data-testid="customer-message">
                    <span class="who">{ &props.customer }</span>
                    <p class="bubble">{ text }</p>
                </li>
            }),
            Event::Said { speaker: Speaker::Trainee, text } => pending = Some(text),
            Event::Assessed { turn, assessment } => {
                let text = pending.take().unwrap_or_default();
                let latest = Some(*turn) == last_turn;
                let reply = Reply {
                    key,
                    text,
                    turn: *turn,
                    assessment,
                    latest,
                    before: shown.clone(),
                };
                items.push(reply_item(reply, props));
                shown.extend(assessment.criteria.iter().filter(|c| c.score >= 0.5).map(|c| c.criterion));
            }
            Event::MoodChanged { before, after } => {
                if let Some(change) = mood_change(before, after) {
                    items.push(html! { <li key={key} class="msg system">{ format!("Mood: {change}") }</li> });
                }
            }
            Event::BeyondAuthority { amount, limit } => items.push(html! {
                <li key={key} class="msg system warn" data-testid="beyond-authority">
                    { format!("You offered {amount:.2}, above your limit of {limit:.2}. Offer what you are empowered to give, or get approval first.") }
                </li>
            }),
            Event::Revealed { .. } | Event::Ended { .. } => {}
        }
    }
    html! {
        <ol class="transcript" aria-label="Conversation so far" data-testid="transcript">
            { for items }
        </ol>
    }
}
