//! The conversation engine: a session plays a scenario, grades each reply,
//! moves the customer's mood, picks the customer's next line and decides how
//! the conversation ends. It speaks in [`Event`]s; the UI only renders them.
//!
//! Deterministic: the randomness is a seeded ChaCha stream kept in the session
//! and time is passed in, so the same seed and replies give the same transcript
//! on every platform.

mod compose;
mod events;
mod golden;
mod holds;
mod memory;
mod money;
mod mood_rules;
mod offers;
mod react;
mod session;
mod trace;
mod voice;

pub use events::{Event, Outcome, SimError, Speaker};
pub use golden::run_golden;
pub use memory::{Contradiction, Memory, Statement};
pub use money::amounts_offered;
pub use mood_rules::{mood_change, next_mood, MoodChange, MoodPart, Scale};
pub use offers::offers_made;
pub use react::{CONTRADICTION, NEED_MET};
pub use session::{Session, Turn, MAX_REPLY_CHARS};
pub use trace::Trace;
