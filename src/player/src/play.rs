//! A conversation: the brief, the customer's mood, the transcript, the reply
//! box and, at the end, the result. State lives in a pure reducer over the
//! engine's `Session`; time and seeds come in with the actions.

use super::announce::announcement;
use super::composer::Composer;
use super::env;
use super::parked::Parked;
use super::progress_state::{ProgressAction, ProgressContext};
use super::steps::StepTracker;
use super::{MoodMeter, ResultView, TraceView, Transcript};
use rapport::progress::Attempt;
use rapport::scenario::Scenario;
use rapport::sim::{Event, Session};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlayProps {
    pub scenario: Rc<Scenario>,
    pub seed: u64,
    /// Whether finished attempts go into progress. A trainer's preview is not
    /// recorded and shows the engine's trace under the transcript instead.
    #[prop_or(true)]
    pub record: bool,
    /// True when the address named the seed (a replay link).
    #[prop_or_default]
    pub seed_given: bool,
}

#[derive(Clone, PartialEq)]
pub struct PlayState {
    pub session: Session,
    pub events: Rc<Vec<Event>>,
    pub error: Option<String>,
    /// "End conversation" was pressed and waits for a yes or no.
    pub confirming_end: bool,
    /// Picked up again after the trainee visited another page.
    pub resumed: bool,
}

pub enum PlayAction {
    Send { text: String, now_ms: u64 },
    AskEnd,
    CancelEnd,
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
            confirming_end: false,
            resumed: false,
        }
    }

    /// A conversation picked up where it was left.
    pub fn resume(session: Session) -> PlayState {
        PlayState {
            events: Rc::new(session.log().to_vec()),
            session,
            error: None,
            confirming_end: false,
            resumed: true,
        }
    }
}

impl Reducible for PlayState {
    type Action = PlayAction;

    fn reduce(self: Rc<Self>, action: PlayAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.resumed = false;
        let result = match action {
            PlayAction::Send { text, now_ms } => next.session.respond(&text, now_ms),
            PlayAction::AskEnd => {
                next.confirming_end = true;
                return Rc::new(next);
            }
            PlayAction::CancelEnd => {
                next.confirming_end = false;
                return Rc::new(next);
            }
            PlayAction::End { now_ms } => next.session.end(now_ms),
            PlayAction::Restart { seed, now_ms } => {
                return Rc::new(PlayState::new(
                    Rc::clone(self.session.scenario()),
                    seed,
                    now_ms,
                ));
            }
        };
        next.confirming_end = false;
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

/// Keeps the newest customer line above the reply box after each reply, and
/// brings the result into view, focused, when the conversation ends.
#[hook]
fn use_follow_conversation(turns: usize, over: bool) {
    use_effect_with((turns, over), |(turns, over)| {
        if *over {
            env::scroll_to_top_of("#result");
            env::focus("#result-title");
        } else if *turns > 0 {
            env::reveal_above("[data-testid=\"customer-message\"]", ".dock");
        }
    });
}

/// Keeps the parked copy of the conversation up to date, so leaving for
/// another page (and coming back, or continuing from the home page) loses
/// nothing.
#[hook]
fn use_keep_parked(state: &UseReducerHandle<PlayState>, record: bool) {
    let parked = use_context::<Parked>().filter(|_| record);
    let current = Rc::new((**state).clone());
    use_effect_with(current, move |current| {
        if let Some(p) = parked {
            p.park(Rc::clone(current));
        }
    });
}

#[function_component(PlayPage)]
pub fn play_page(props: &PlayProps) -> Html {
    let parked = use_context::<Parked>();
    let state = {
        let (scenario, seed, record, given) = (
            props.scenario.clone(),
            props.seed,
            props.record,
            props.seed_given,
        );
        use_reducer(move || {
            let resume = parked
                .filter(|_| record)
                .and_then(|p| p.find(&scenario.id.0, given.then_some(seed)));
            match resume {
                Some(s) => PlayState {
                    resumed: true,
                    ..(*s).clone()
                },
                None => PlayState::new(scenario, seed, env::now_ms()),
            }
        })
    };
    use_keep_parked(&state, props.record);
    let s = &props.scenario;
    let session = &state.session;
    use_follow_conversation(session.turns().len(), session.is_over());
    let dispatch = |make: fn(String) -> PlayAction| {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(make(text)))
    };
    let on_send = dispatch(|text| PlayAction::Send {
        text,
        now_ms: env::now_ms(),
    });
    let on_ask_end = dispatch(|_| PlayAction::AskEnd);
    let on_cancel_end = dispatch(|_| PlayAction::CancelEnd);
    let on_end = dispatch(|_| PlayAction::End {
        now_ms: env::now_ms(),
    });
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
                let statement = rapport::progress::xapi::statement(&a, &session.scenario().title);
                env::announce_statement(&statement.to_string());
                ctx.dispatch(ProgressAction::Record(Box::new(a)));
            }
        });
    }
    let ended = state.events.iter().rev().find_map(|e| match e {
        Event::Ended { outcome, scorecard } => Some((*outcome, (**scorecard).clone())),
        _ => None,
    });
    let card = session.scorecard();
    let replies = session.turns().len();
    html! {
        <div class="play" data-testid="play">
            <aside class="brief" aria-labelledby="brief-title">
                <p class="crumbs"><a href="#/">{ "← All scenarios" }</a></p>
                <h1 id="brief-title" tabindex="-1">{ &s.title }</h1>
                <div class="card-tags">
                    <span class={classes!("badge", format!("persona-{}", s.persona.id()))}>{ s.persona.label() }</span>
                    <span class={classes!("badge", "difficulty", s.difficulty.id())}>{ s.difficulty.id() }</span>
                    <span class="domain">{ &s.domain }</span>
                </div>
                <p class="goal" data-testid="goal">
                    <strong>{ "Your goal: " }</strong>
                    { s.goal.clone().unwrap_or_else(|| format!("settle {}'s problem so they leave satisfied.", s.customer_name)) }
                    { format!(" You have up to {} replies.", s.max_turns) }
                </p>
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
                <h2 class="brief-heading">{ "The seven steps so far" }</h2>
                <StepTracker card={card.clone()} replies={replies} />
            </aside>
            <section class="chat" aria-label="Conversation">
                if state.resumed {
                    <p class="notice" data-testid="resumed">{ format!("Welcome back: your conversation is as you left it, after {replies} {}.", if replies == 1 { "reply" } else { "replies" }) }</p>
                }
                <Transcript events={state.events.clone()} customer={s.customer_name.clone()}
                    retry={session.is_over().then(|| super::retry::Branchable::of(session))} />
                <p class="visually-hidden" role="status" data-testid="announcer">
                    { announcement(&state.events, &s.customer_name) }
                </p>
                if !props.record {
                    <TraceView traces={session.turns().iter().map(|t| t.trace.clone()).collect::<Vec<_>>()} />
                }
                {
                    match ended {
                        Some((outcome, scorecard)) => html! {
                            <ResultView {scorecard} {outcome} scenario={s.clone()} seed={session.seed()} {on_restart} log={state.events.clone()} />
                        },
                        None => html! {
                            <div class="dock" data-testid="dock">
                                <super::mood::MoodStrip mood={session.mood()} steps={super::steps::steps_shown(&card)} />
                                <Composer {on_send} on_end={on_ask_end} {on_cancel_end} on_confirm_end={on_end}
                                    confirming={state.confirming_end} sent={replies} budget={s.max_turns}
                                    error={state.error.clone()} />
                            </div>
                        },
                    }
                }
            </section>
        </div>
    }
}
