//! The scenario library as app-wide state: the bundled pack plus the
//! trainer's own files, which persist in LocalStorage.

use super::storage::LocalStore;
use crate::progress::KeyValue;
use crate::scenario::{
    bundled, decode_custom, encode_custom, valid_custom, CustomFile, Diagnostic, Scenario,
    MAX_CUSTOM_FILES,
};
use std::rc::Rc;
use yew::prelude::*;

/// Where custom scenario files are kept.
pub const CUSTOM_KEY: &str = "rapport.custom-scenarios";

#[derive(Clone, Debug, PartialEq)]
pub struct LibraryState {
    pub bundled: Vec<Rc<Scenario>>,
    /// Errors in bundled files (shown so nothing fails silently).
    pub problems: Vec<Diagnostic>,
    pub custom_files: Vec<CustomFile>,
    pub custom: Vec<Rc<Scenario>>,
    /// Why custom files could not be loaded or saved, if they could not.
    pub storage_error: Option<String>,
    pub revision: u64,
}

pub enum LibraryAction {
    /// Adds a file, replacing one with the same name.
    Add(CustomFile),
    Remove(String),
    SaveFailed(String),
}

impl LibraryState {
    pub fn load() -> LibraryState {
        let mut scenarios = Vec::new();
        let mut problems = Vec::new();
        for p in bundled() {
            problems.extend(p.diagnostics.into_iter().filter(Diagnostic::is_error));
            scenarios.extend(p.scenario.map(Rc::new));
        }
        let (custom_files, storage_error) = match LocalStore.get(CUSTOM_KEY) {
            Ok(None) => (Vec::new(), None),
            Ok(Some(raw)) => match decode_custom(&raw) {
                Ok(files) => (files, None),
                Err(e) => (
                    Vec::new(),
                    Some(format!(
                        "your saved scenarios could not be read ({e}); they are left untouched"
                    )),
                ),
            },
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let mut state = LibraryState {
            bundled: scenarios,
            problems,
            custom_files,
            custom: Vec::new(),
            storage_error,
            revision: 0,
        };
        state.revalidate();
        state
    }

    fn revalidate(&mut self) {
        let ids: Vec<&str> = self.bundled.iter().map(|s| s.id.as_str()).collect();
        self.custom = valid_custom(&self.custom_files, &ids)
            .into_iter()
            .map(Rc::new)
            .collect();
    }

    /// Bundled and custom scenarios, easiest first.
    pub fn all(&self) -> Vec<Rc<Scenario>> {
        let mut all: Vec<Rc<Scenario>> = self.bundled.iter().chain(&self.custom).cloned().collect();
        all.sort_by(|a, b| (a.difficulty, &a.title).cmp(&(b.difficulty, &b.title)));
        all
    }

    pub fn custom_ids(&self) -> Vec<String> {
        self.custom.iter().map(|s| s.id.0.clone()).collect()
    }
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            LibraryAction::Add(file) => {
                next.custom_files.retain(|f| f.name != file.name);
                next.custom_files.push(file);
                if next.custom_files.len() > MAX_CUSTOM_FILES {
                    next.custom_files.remove(0);
                }
                next.revision += 1;
            }
            LibraryAction::Remove(name) => {
                next.custom_files.retain(|f| f.name != name);
                next.revision += 1;
            }
            LibraryAction::SaveFailed(why) => {
                next.storage_error = Some(why);
                return Rc::new(next);
            }
        }
        next.revalidate();
        Rc::new(next)
    }
}

pub type LibraryContext = UseReducerHandle<LibraryState>;

/// Saves the custom files after every change.
#[hook]
pub fn use_library_autosave(state: &LibraryContext) {
    let handle = state.clone();
    use_effect_with(state.revision, move |rev| {
        if *rev > 0 {
            if let Err(e) = LocalStore.set(CUSTOM_KEY, &encode_custom(&handle.custom_files)) {
                handle.dispatch(LibraryAction::SaveFailed(format!(
                    "your scenarios are not being saved: {e}"
                )));
            }
        }
    });
}
