//! A conversation: the brief, the customer's mood, the transcript, the reply
//! box and, at the end, the result. State lives in a pure reducer over the
//! engine's `Session`; time and seeds come in with the actions.

use super::composer::Composer;
use super::env;
use super::progress_state::{ProgressAction, ProgressContext};
use super::{MoodMeter, ResultView, Transcript};
use crate::progress::Attempt;
use crate::scenario::Scenario;
use crate::sim::{Event, Session};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlayProps {
    pub scenario: Rc<Scenario>,
    pub seed: u64,
    /// Whether finished attempts go into progress (not for a trainer's preview).
    #[prop_or(true)]
    pub record: bool,
}

#[derive(Clone, PartialEq)]
pub struct PlayState {
    pub session: Session,
    pub events: Rc<Vec<Event>>,
    pub error: Option<String>,
}

pub enum PlayAction {
    Send { text: String, now_ms: u64 },
    End { now_ms: u64 },
    Restart { seed: u64, now_ms: u64 },
}

impl PlayState {
    pub fn new(scenario: Rc<Scenario>, seed: u64, now_ms: u64) -> PlayState {
        let session = Session::new(scenario, seed, now_ms);
        PlayState {
            events: Rc::new(session.log().to_vec()),
            session,
            error: None,
        }
    }
}

impl Reducible for PlayState {
    type Action = PlayAction;

    fn reduce(self: Rc<Self>, action: PlayAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let result = match action {
            PlayAction::Send { text, now_ms } => next.session.respond(&text, now_ms),
            PlayAction::End { now_ms } => next.session.end(now_ms),
            PlayAction::Restart { seed, now_ms } => {
                return Rc::new(PlayState::new(
                    Rc::clone(self.session.scenario()),
                    seed,
                    now_ms,
                ));
            }
        };
        match result {
            Ok(_) => {
                next.events = Rc::new(next.session.log().to_vec());
                next.error = None;
            }
            Err(e) => next.error = Some(e.to_string()),
        }
        Rc::new(next)
    }
}

#[function_component(PlayPage)]
pub fn play_page(props: &PlayProps) -> Html {
    let state = {
        let (scenario, seed) = (props.scenario.clone(), props.seed);
        use_reducer(move || PlayState::new(scenario, seed, env::now_ms()))
    };
    let s = &props.scenario;
    let session = &state.session;
    let on_send = {
        let state = state.clone();
        Callback::from(move |text: String| {
            state.dispatch(PlayAction::Send {
                text,
                now_ms: env::now_ms(),
            })
        })
    };
    let on_end = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(PlayAction::End {
                now_ms: env::now_ms(),
            })
        })
    };
    let on_restart = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(PlayAction::Restart {
                seed: env::fresh_seed(),
                now_ms: env::now_ms(),
            })
        })
    };
    // Record the attempt once, when the conversation ends.
    {
        let progress = use_context::<ProgressContext>().filter(|_| props.record);
        let session = state.session.clone();
        use_effect_with(state.session.is_over(), move |over| {
            if let (true, Some(ctx), Some(a)) = (*over, progress, Attempt::from_session(&session)) {
                let statement = crate::progress::xapi::statement(&a, &session.scenario().title);
                env::announce_statement(&statement.to_string());
                ctx.dispatch(ProgressAction::Record(Box::new(a)));
            }
        });
    }
    let ended = state.events.iter().rev().find_map(|e| match e {
        Event::Ended { outcome, scorecard } => Some((*outcome, (**scorecard).clone())),
        _ => None,
    });
    html! {
        <div class="play" data-testid="play">
            <aside class="brief" aria-labelledby="brief-title">
                <p class="crumbs"><a href="#/">{ "← All scenarios" }</a></p>
                <h1 id="brief-title">{ &s.title }</h1>
                <div class="card-tags">
                    <span class={classes!("badge", format!("persona-{}", s.persona.id()))}>{ s.persona.label() }</span>
                    <span class={classes!("badge", "difficulty", s.difficulty.id())}>{ s.difficulty.id() }</span>
                    <span class="domain">{ &s.domain }</span>
                </div>
                <h2 class="brief-heading">{ format!("The customer: {}", s.customer_name) }</h2>
                <p class="situation">{ &s.situation }</p>
                <p class="tip"><strong>{ "How to handle them: " }</strong>{ s.persona.tip() }</p>
                if !s.authority.notes.is_empty() {
                    <h2 class="brief-heading">{ "What you can do" }</h2>
                    <ul class="authority">
                        for n in s.authority.notes.iter() { <li>{ n }</li> }
                    </ul>
                }
                <h2 class="brief-heading">{ "Their mood" }</h2>
                <MoodMeter mood={session.mood()} />
            </aside>
            <section class="chat" aria-label="Conversation">
                <Transcript events={state.events.clone()} customer={s.customer_name.clone()} />
                {
                    match ended {
                        Some((outcome, scorecard)) => html! {
                            <ResultView {scorecard} {outcome} scenario={s.clone()} seed={session.seed()} {on_restart} />
                        },
                        None => html! {
                            <Composer {on_send} {on_end} sent={session.turns().len()} error={state.error.clone()} />
                        },
                    }
                }
            </section>
        </div>
    }
}
