//! The scenario library as app-wide state: the bundled pack plus the
//! trainer's own files, which persist in LocalStorage.

use super::env;
use super::storage::LocalStore;
use rapport::progress::{KeyValue, StoreError};
use rapport::scenario::{
    add_custom, decode_custom, encode_custom, playable_custom, CustomFile, Diagnostic, LibraryFull,
    Scenario, CUSTOM_BACKUP_PREFIX,
};
use std::rc::Rc;
use yew::prelude::*;

pub use rapport_home::bundled::BUNDLED;

/// Where custom scenario files are kept.
pub use rapport_home::saved::CUSTOM_KEY;

#[derive(Clone, Debug, PartialEq)]
pub struct LibraryState {
    pub bundled: Vec<Rc<Scenario>>,
    /// Errors in bundled files (shown so nothing fails silently).
    pub problems: Vec<Diagnostic>,
    pub custom_files: Vec<CustomFile>,
    pub custom: Vec<Rc<Scenario>>,
    /// Saved files not compiled for this version yet: the studio compiles
    /// them when it opens (until then they are not in the list).
    pub stale: Vec<String>,
    /// Why custom files could not be loaded or saved, if they could not.
    pub storage_error: Option<String>,
    /// Saved files that could not be read: nothing is written over them
    /// until the trainer asks for a new library.
    pub held: Option<HeldLibrary>,
    pub revision: u64,
}

/// An unreadable saved library, kept as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldLibrary {
    pub raw: Rc<String>,
    pub reason: String,
    /// The key a copy was written to, when that worked.
    pub backup: Option<String>,
}

pub enum LibraryAction {
    /// Adds a file, replacing one with the same name.
    Add(CustomFile),
    Remove(String),
    SaveFailed(String),
    /// The studio compiled the saved files again (same names, same sources).
    Recompiled(Vec<CustomFile>),
    /// After an unreadable saved library: the trainer chose to start a new one
    /// (the old data stays under its backup key).
    StartNewLibrary,
}

impl LibraryState {
    pub fn load() -> LibraryState {
        Self::load_from(&mut LocalStore, env::now_ms())
    }

    /// Reads the saved files from `store`; an unreadable list is copied to a
    /// backup key and held, never overwritten.
    pub fn load_from(store: &mut impl KeyValue, now_ms: u64) -> LibraryState {
        let (scenarios, problems) = rapport_home::bundled::load();
        let mut held = None;
        let (custom_files, storage_error) = match store.get(CUSTOM_KEY) {
            Ok(None) => (Vec::new(), None),
            Ok(Some(raw)) => match decode_custom(&raw) {
                Ok(files) => (files, None),
                Err(reason) => {
                    let key = format!("{CUSTOM_BACKUP_PREFIX}{now_ms}");
                    let backup = store.set(&key, &raw).ok().map(|()| key);
                    held = Some(HeldLibrary {
                        raw: Rc::new(raw),
                        reason,
                        backup,
                    });
                    (Vec::new(), None)
                }
            },
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let mut state = LibraryState {
            bundled: scenarios,
            problems,
            custom_files,
            custom: Vec::new(),
            stale: Vec::new(),
            storage_error,
            held,
            revision: 0,
        };
        state.revalidate();
        state
    }

    fn revalidate(&mut self) {
        let ids: Vec<&str> = self.bundled.iter().map(|s| s.id.as_str()).collect();
        let (custom, stale) = playable_custom(&self.custom_files, &ids);
        self.custom = custom.into_iter().map(Rc::new).collect();
        self.stale = stale;
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

    /// Why a file called `name` cannot be added now, if it cannot.
    pub fn refuses(&self, name: &str) -> Option<LibraryFull> {
        let mut files = self.custom_files.clone();
        add_custom(&mut files, CustomFile::new(name, String::new())).err()
    }

    /// Writes the files to `store`, unless an unreadable library is held
    /// (then nothing is written and this returns `Ok(false)`).
    pub fn save_to(&self, store: &mut impl KeyValue) -> Result<bool, StoreError> {
        if self.held.is_some() {
            return Ok(false);
        }
        store.set(CUSTOM_KEY, &encode_custom(&self.custom_files))?;
        Ok(true)
    }
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            LibraryAction::Add(file) => {
                // A full library refuses; the page says so before dispatching.
                if add_custom(&mut next.custom_files, file).is_err() {
                    return self;
                }
                next.revision += 1;
            }
            LibraryAction::Recompiled(files) => {
                // Only the compiled form may change: a file edited meanwhile
                // keeps its newer version.
                for f in files {
                    if let Some(old) = next
                        .custom_files
                        .iter_mut()
                        .find(|o| o.name == f.name && o.source == f.source)
                    {
                        *old = f;
                    }
                }
                next.revision += 1;
            }
            LibraryAction::StartNewLibrary => {
                next.held = None;
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
            if let Err(e) = handle.save_to(&mut LocalStore) {
                handle.dispatch(LibraryAction::SaveFailed(format!(
                    "your scenarios are not being saved: {e}"
                )));
            }
        }
    });
}
