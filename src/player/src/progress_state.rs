//! The trainee's progress as app-wide state: a pure reducer, with the
//! LocalStorage reads and writes kept outside it (at start-up and in an effect).

use super::env;
use super::storage::LocalStore;
use rapport::progress::{merge, merge_attempts, Attempt, Loaded, Progress, ProgressStore};
use std::rc::Rc;
use yew::prelude::*;

/// Whether progress is reaching storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Saving {
    Saved,
    /// Storage refused or is full: practice goes on in memory.
    MemoryOnly(String),
    /// Saved data could not be read; nothing is written until the trainee
    /// agrees to start fresh. `raw` is the unreadable data, `backup` the key
    /// it was copied to (when that worked).
    Held {
        raw: Rc<String>,
        reason: String,
        backup: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProgressState {
    pub progress: Rc<Progress>,
    pub saving: Saving,
    /// Grows with every change that should be saved.
    pub revision: u64,
}

pub enum ProgressAction {
    Record(Box<Attempt>),
    Import(Progress),
    /// Attempts read back from the LMS's copy (`progress::lms`): added when
    /// new, never replacing what is here.
    MergeLms(Vec<Attempt>),
    SetTrainee(String),
    /// After an unreadable blob: the trainee agreed to start over.
    StartFresh,
    Saved,
    SaveFailed(String),
}

impl ProgressState {
    /// Reads what is stored; an unreadable blob is copied to a backup key first.
    pub fn load() -> ProgressState {
        let mut store = ProgressStore::new(LocalStore);
        let (progress, saving) = match store.load() {
            Ok(Loaded::Fresh) => (Progress::default(), Saving::Saved),
            Ok(Loaded::Found(p)) => (p, Saving::Saved),
            Ok(Loaded::Unreadable { raw, error }) => {
                let backup = store.back_up(&raw, env::now_ms()).ok();
                let saving = Saving::Held {
                    raw: Rc::new(raw),
                    reason: error.to_string(),
                    backup,
                };
                (Progress::default(), saving)
            }
            Err(e) => (Progress::default(), Saving::MemoryOnly(e.to_string())),
        };
        ProgressState {
            progress: Rc::new(progress),
            saving,
            revision: 0,
        }
    }
}

impl Reducible for ProgressState {
    type Action = ProgressAction;

    fn reduce(self: Rc<Self>, action: ProgressAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ProgressAction::Record(a) => {
                if self.progress.attempts.iter().any(|x| x.id == a.id) {
                    return self;
                }
                Rc::make_mut(&mut next.progress).attempts.push(*a);
                next.revision += 1;
            }
            ProgressAction::Import(p) => {
                merge(Rc::make_mut(&mut next.progress), &p);
                next.revision += 1;
            }
            ProgressAction::MergeLms(attempts) => {
                if merge_attempts(Rc::make_mut(&mut next.progress), attempts) == 0 {
                    return self;
                }
                next.revision += 1;
            }
            ProgressAction::SetTrainee(name) => {
                Rc::make_mut(&mut next.progress).trainee = name;
                next.revision += 1;
            }
            ProgressAction::StartFresh => {
                next.saving = Saving::Saved;
                next.revision += 1;
            }
            ProgressAction::Saved => {
                if matches!(next.saving, Saving::Held { .. }) || next.saving == Saving::Saved {
                    return self;
                }
                next.saving = Saving::Saved;
            }
            ProgressAction::SaveFailed(why) => {
                if matches!(next.saving, Saving::Held { .. }) {
                    return self;
                }
                next.saving = Saving::MemoryOnly(why);
            }
        }
        Rc::new(next)
    }
}

/// The context handle components use.
pub type ProgressContext = UseReducerHandle<ProgressState>;

/// Saves after every change, unless unreadable data is being held.
#[hook]
pub fn use_autosave(state: &ProgressContext) {
    let handle = state.clone();
    use_effect_with(state.revision, move |rev| {
        if *rev > 0 && !matches!(handle.saving, Saving::Held { .. }) {
            let mut store = ProgressStore::new(LocalStore);
            match store.save(&handle.progress) {
                Ok(()) => handle.dispatch(ProgressAction::Saved),
                Err(e) => handle.dispatch(ProgressAction::SaveFailed(e.to_string())),
            }
        }
    });
}
