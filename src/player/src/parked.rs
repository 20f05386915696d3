//! A conversation left for another page of the app (Progress, Trainers) is
//! kept here and picked up again when the trainee returns to it. It is also
//! saved in the browser as its seed and replies (the engine replays them to
//! the same place), so a reload or a closed tab loses nothing either.

use super::play::PlayState;
use rapport::progress::KeyValue;
use rapport::scenario::Scenario;
use rapport::sim::Session;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;

/// Where the conversation under way is saved.
pub use rapport_home::saved::CONVERSATION_KEY as KEY;

/// The saved form: enough for the engine to replay the conversation.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Saved {
    v: u32,
    scenario: String,
    /// The scenario's version: a conversation is replayed only against the
    /// version it was held with (saves from before it was kept have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    seed: u64,
    started_ms: u64,
    replies: Vec<(String, u64)>,
}

/// Saves the conversation under way, or clears the slot once it is over.
/// A refused write only loses the reload safety net: play goes on.
pub fn save(store: &mut impl KeyValue, session: &Session) {
    let blob = if session.is_over() {
        "null".to_string()
    } else {
        let saved = Saved {
            v: 1,
            scenario: session.scenario().id.0.clone(),
            version: Some(session.scenario().version),
            seed: session.seed(),
            started_ms: session.started_ms(),
            replies: session
                .turns()
                .iter()
                .map(|t| (t.reply.clone(), t.at_ms))
                .collect(),
        };
        serde_json::to_string(&saved).unwrap_or_else(|_| "null".into())
    };
    let _ = store.set(KEY, &blob);
}

/// The saved conversation replayed against `library`, if there is one whose
/// scenario is still there, in the same version, and whose replies still
/// replay. (Otherwise the save is left as it is until the next conversation.)
pub fn load(store: &impl KeyValue, library: &[Rc<Scenario>]) -> Option<Session> {
    let saved: Saved = serde_json::from_str(&store.get(KEY).ok()??).ok()?;
    let scenario = library.iter().find(|s| s.id.0 == saved.scenario)?;
    let changed = saved.version.is_some_and(|v| v != scenario.version);
    if saved.v != 1 || saved.replies.is_empty() || changed {
        return None;
    }
    let mut session = Session::new(Rc::clone(scenario), saved.seed, saved.started_ms);
    for (text, at) in &saved.replies {
        session.respond(text, *at).ok()?;
    }
    (!session.is_over()).then_some(session)
}

/// The app's one parked conversation, shared through a context.
#[derive(Clone, Default)]
pub struct Parked(Rc<RefCell<Option<Rc<PlayState>>>>);

impl PartialEq for Parked {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Parked {
    /// The conversation saved in this browser, if any, ready to resume.
    pub fn restore(library: &[Rc<Scenario>]) -> Parked {
        let state = load(&super::storage::LocalStore, library).map(PlayState::resume);
        Parked(Rc::new(RefCell::new(state.map(Rc::new))))
    }

    /// Keeps `state` if the conversation is under way; a finished one
    /// clears the slot, an untouched one leaves it as it was.
    pub fn park(&self, state: Rc<PlayState>) {
        if state.session.is_over() || !state.session.turns().is_empty() {
            save(&mut super::storage::LocalStore, &state.session);
        }
        if state.session.is_over() {
            *self.0.borrow_mut() = None;
        } else if !state.session.turns().is_empty() {
            *self.0.borrow_mut() = Some(state);
        }
    }

    /// The parked conversation for scenario `id` (and `seed`, when the
    /// address names one).
    pub fn find(&self, id: &str, seed: Option<u64>) -> Option<Rc<PlayState>> {
        self.0
            .borrow()
            .as_ref()
            .filter(|s| {
                s.session.scenario().id.0 == id && seed.is_none_or(|x| x == s.session.seed())
            })
            .cloned()
    }

    /// The parked conversation's scenario id, title and replies so far.
    pub fn peek(&self) -> Option<(String, String, usize)> {
        self.0.borrow().as_ref().map(|s| {
            let sc = s.session.scenario();
            (sc.id.0.clone(), sc.title.clone(), s.session.turns().len())
        })
    }
}
