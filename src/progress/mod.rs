//! Progress: every finished attempt, kept in a versioned envelope behind a
//! storage trait. Pure: the browser's LocalStorage lives in `ui/`.
//!
//! Nothing here deletes data silently: a corrupt or newer blob is reported
//! with the raw text, so the UI can back it up and offer it for download
//! before anything is overwritten.

mod attempt;
mod envelope;
mod import;
mod insights;
pub mod lms;
pub mod outbox;
mod store;
mod team;
pub mod xapi;

pub use attempt::{Attempt, Line, TRANSCRIPT_KEEP};
pub use envelope::{decode, encode, merge, DecodeError, Progress, FORMAT, MIN_COMPATIBLE, VERSION};
pub use import::{check_ranges, decode_import, MAX_IMPORT_BYTES};
pub use insights::{criterion_series, personal_bests, recommend, streak_days, Recommendation};
pub use lms::{
    decode_summary, encode_summary, merge_attempts, merge_summary, SummaryError, SUSPEND_DATA_MAX,
};
pub use store::{KeyValue, Loaded, MemoryStore, ProgressStore, StoreError, BACKUP_PREFIX, KEY};
pub use team::{team_table, TeamRow};
