//! "Try this reply again": after a conversation, any reply can be tried
//! another way. The engine replays the replies before it with the same seed
//! (so the customer is in the same place), then scores the new one and shows
//! the customer's answer. A branch only: the recorded attempt is untouched.

use super::feedback::{next_tip, praise};
use super::percent;
use super::transcript::mood_change;
use rapport::scenario::Scenario;
use rapport::scoring::{Assessment, Criterion};
use rapport::sim::{Event, Outcome, Session, SimError, Speaker};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What a conversation needs to be branched: its scenario, seed, start time
/// and every reply with the time it was sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Branchable {
    pub scenario: Rc<Scenario>,
    pub seed: u64,
    pub started_ms: u64,
    pub replies: Rc<Vec<(String, u64)>>,
}

impl Branchable {
    pub fn of(session: &Session) -> Branchable {
        Branchable {
            scenario: Rc::clone(session.scenario()),
            seed: session.seed(),
            started_ms: session.started_ms(),
            replies: Rc::new(
                session
                    .turns()
                    .iter()
                    .map(|t| (t.reply.clone(), t.at_ms))
                    .collect(),
            ),
        }
    }
}

/// What the customer would have made of a reply said another way.
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    pub assessment: Assessment,
    /// The customer's answer ("" if the conversation would end silently).
    pub answer: String,
    /// How the mood would move: "Anger -25 · Trust +4".
    pub mood: Option<String>,
    /// How the conversation would end, if this reply ended it.
    pub ending: Option<Outcome>,
}

/// Reply `turn` (0-based) replaced by `reply`, as the engine plays it.
pub fn branch(b: &Branchable, turn: usize, reply: &str) -> Result<Branch, SimError> {
    let mut session = Session::new(Rc::clone(&b.scenario), b.seed, b.started_ms);
    for (text, at) in b.replies.iter().take(turn) {
        session.respond(text, *at)?;
    }
    let at = b.replies.get(turn).map_or(b.started_ms, |r| r.1);
    let events = session.respond(reply, at)?;
    let mut assessment = None;
    let (mut answer, mut mood, mut ending) = (String::new(), None, None);
    for e in events {
        match e {
            Event::Assessed { assessment: a, .. } => assessment = Some(*a),
            Event::Said {
                speaker: Speaker::Customer,
                text,
            } => answer = text,
            Event::MoodChanged { before, after } => mood = mood_change(&before, &after),
            Event::Ended { outcome, .. } => ending = Some(outcome),
            _ => {}
        }
    }
    assessment
        .map(|assessment| Branch {
            assessment,
            answer,
            mood,
            ending,
        })
        .ok_or(SimError::EmptyReply)
}

#[derive(Properties, PartialEq)]
pub struct RetryProps {
    pub conversation: Branchable,
    /// 0-based reply to try again.
    pub turn: usize,
    pub customer: String,
    /// The recorded reply's score, to compare with.
    pub was: f32,
    /// Steps shown in the replies before this one, so the tip moves on.
    pub shown_before: Vec<Criterion>,
}

#[function_component(RetryPanel)]
pub fn retry_panel(props: &RetryProps) -> Html {
    let text = use_state(String::new);
    let outcome = use_state(|| None::<Result<Branch, String>>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let score = {
        let (text, outcome) = (text.clone(), outcome.clone());
        let (conversation, turn) = (props.conversation.clone(), props.turn);
        Callback::from(move |()| {
            outcome.set(Some(
                branch(&conversation, turn, &text).map_err(|e| e.to_string()),
            ));
        })
    };
    let onsubmit = {
        let score = score.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            score.emit(());
        })
    };
    // As in the reply box: Enter scores it, Shift+Enter starts a new line.
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
            e.prevent_default();
            score.emit(());
        }
    });
    let n = props.turn + 1;
    let id = format!("retry-{n}");
    html! {
        <details class="retry" data-testid={format!("retry-{n}")}>
            <summary>{ "Try this reply again" }</summary>
            <form class="retry-form" {onsubmit}>
                <label for={id.clone()}>{ format!("Another way to say reply {n} (practice only, not recorded)") }</label>
                <textarea id={id} rows="3" value={(*text).clone()} {oninput} {onkeydown}
                    placeholder="Enter scores it, Shift+Enter starts a new line." data-testid="retry-input" />
                <button type="submit" class="button" data-testid="retry-send">{ "Score it" }</button>
            </form>
            <div class="retry-result" role="status" data-testid="retry-result">
                {
                    match &*outcome {
                        None => html! {},
                        Some(Err(e)) => html! { <p class="error-text">{ e }</p> },
                        Some(Ok(b)) => html! {
                            <>
                                <p><strong>{ format!("This reply scores {} (the one you sent: {}).", percent(b.assessment.total), percent(props.was)) }</strong></p>
                                if let Some(p) = praise(&b.assessment) { <p class="praise">{ p }</p> }
                                if let Some((c, h)) = next_tip(&b.assessment, &props.shown_before) {
                                    <p class="next-tip"><strong>{ format!("Try next, {}: ", c.label()) }</strong>{ h }</p>
                                }
                                if !b.answer.is_empty() {
                                    <p><strong>{ format!("{} would answer: ", props.customer) }</strong>{ &b.answer }</p>
                                }
                                if let Some(m) = &b.mood {
                                    <p class="retry-mood">{ format!("Mood: {m}") }</p>
                                }
                                if let Some(o) = b.ending {
                                    <p class="retry-ending">{ format!("The conversation would end here: {}", o.title()) }</p>
                                }
                            </>
                        },
                    }
                }
            </div>
        </details>
    }
}
