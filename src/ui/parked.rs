//! A conversation left for another page of the app (Progress, Trainers) is
//! kept here, in memory, and picked up again when the trainee returns to it.
//! Only UI state: nothing is written to storage.

use super::play::PlayState;
use std::cell::RefCell;
use std::rc::Rc;

/// The app's one parked conversation, shared through a context.
#[derive(Clone, Default)]
pub struct Parked(Rc<RefCell<Option<Rc<PlayState>>>>);

impl PartialEq for Parked {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Parked {
    /// Keeps `state` if the conversation is under way; a finished one
    /// clears the slot, an untouched one leaves it as it was.
    pub fn park(&self, state: Rc<PlayState>) {
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
