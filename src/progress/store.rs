//! Storage behind a trait: LocalStorage in the browser, memory in tests.

use super::attempt::Attempt;
use super::envelope::{decode, encode, DecodeError, Progress};
use std::collections::BTreeMap;
use std::fmt;

/// The key the progress blob lives under.
pub const KEY: &str = "rapport.progress";
/// Unreadable blobs are copied under this prefix plus a timestamp before
/// anything else is written.
pub const BACKUP_PREFIX: &str = "rapport.progress.backup.";

/// Why storage refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is full.
    Full,
    /// Storage is switched off or refused (private mode, policy).
    Unavailable(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Full => write!(f, "this browser's storage for Rapport is full"),
            StoreError::Unavailable(why) => {
                write!(f, "this browser is not letting Rapport save ({why})")
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store (LocalStorage's shape).
pub trait KeyValue {
    /// `Ok(None)` when the key is missing.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Replaces the value in one step: either the old or the new value is
    /// stored afterwards, never a mix.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes the key; a missing key is fine.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Vec<String>;
}

/// In-memory store for tests, with switches to simulate failures.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub data: BTreeMap<String, String>,
    /// Values longer than this fail with [`StoreError::Full`].
    pub capacity: Option<usize>,
    pub refuse: bool,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.refuse {
            return Err(StoreError::Unavailable("refused".into()));
        }
        Ok(self.data.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.refuse {
            return Err(StoreError::Unavailable("refused".into()));
        }
        if self.capacity.is_some_and(|c| value.len() > c) {
            return Err(StoreError::Full);
        }
        self.data.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.refuse {
            return Err(StoreError::Unavailable("refused".into()));
        }
        self.data.remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.data.keys().cloned().collect()
    }
}

/// What loading found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Fresh,
    Found(Progress),
    /// Saved data exists but cannot be read; `raw` is it, untouched.
    Unreadable {
        raw: String,
        error: DecodeError,
    },
}

/// Progress on top of a [`KeyValue`] store.
pub struct ProgressStore<S: KeyValue> {
    pub store: S,
}

impl<S: KeyValue> ProgressStore<S> {
    pub fn new(store: S) -> Self {
        ProgressStore { store }
    }

    /// Reads the saved progress; never changes what is stored.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        match self.store.get(KEY)? {
            None => Ok(Loaded::Fresh),
            Some(raw) => match decode(&raw) {
                Ok(p) => Ok(Loaded::Found(p)),
                Err(error) => Ok(Loaded::Unreadable { raw, error }),
            },
        }
    }

    /// Copies an unreadable blob under a backup key; returns that key.
    pub fn back_up(&mut self, raw: &str, now_ms: u64) -> Result<String, StoreError> {
        let key = format!("{BACKUP_PREFIX}{now_ms}");
        self.store.set(&key, raw)?;
        Ok(key)
    }

    /// Saves the whole progress in one write.
    pub fn save(&mut self, p: &Progress) -> Result<(), StoreError> {
        self.store.set(KEY, &encode(p))
    }

    /// Adds one attempt to `p` and saves. On failure `p` still holds it, so
    /// nothing is lost while the app keeps going in memory.
    pub fn record(&mut self, p: &mut Progress, attempt: Attempt) -> Result<(), StoreError> {
        if !p.attempts.iter().any(|a| a.id == attempt.id) {
            p.attempts.push(attempt);
        }
        self.save(p)
    }
}
