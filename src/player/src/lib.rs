//! The trainee's app: thin Yew components over the pure core (`rapport`).
//! Components are pure functions of their props; the only browser access is
//! in `env`. The frame, the routes and the scenario list come from the list
//! page (`rapport-home`), which a browser runs first; this crate is the full
//! player that takes over from it. The studio (`rapport-studio`) builds on
//! the same components.

pub mod announce;
mod app;
pub mod banner;
pub mod charts;
mod composer;
pub mod env;
mod feedback;
pub mod highlight;
pub mod library;
pub mod library_notice;
pub mod lms;
pub mod model_run;
mod mood;
pub mod outbox;
pub mod parked;
mod play;
pub mod progress_page;
pub mod progress_state;
mod result;
pub mod retry;
mod steps;
pub mod storage;
pub mod trace_view;
mod transcript;

pub use app::App;
pub use banner::StorageBanner;
pub use composer::length_warning;
pub use feedback::Feedback;
pub use mood::MoodMeter;
pub use play::{PlayAction, PlayPage, PlayProps, PlayState};
pub use progress_page::{ProgressPage, ProgressPageProps};
#[cfg(target_arch = "wasm32")]
pub use rapport_home::mount;
pub use rapport_home::{route, shell, ScenarioList, ScenarioListProps};
pub use result::{ResultProps, ResultView};
pub use trace_view::{TraceView, TraceViewProps};
pub use transcript::{Transcript, TranscriptProps};

/// Mounts the player in place of `<div id="app">` (the list page, when it
/// was shown) and marks the page ready.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    mount::<App>();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The Rapport app runs in a browser: run scripts/start. For the command line, use `cargo run --bin rapport -- --help`.");
}

/// Props for [`Feedback`] on an assessment (open, as for the latest reply).
pub fn feedback_props(assessment: rapport::scoring::Assessment) -> feedback::FeedbackProps {
    feedback::FeedbackProps {
        assessment,
        open: true,
        number: 1,
        shown_before: Vec::new(),
    }
}

/// Props for [`MoodMeter`].
pub fn mood_props(mood: rapport::mood::Mood) -> mood::MoodProps {
    mood::MoodProps { mood }
}

/// A score in `[0, 1]` as a whole percentage.
pub fn percent(x: f32) -> String {
    format!("{}%", (x.clamp(0.0, 1.0) * 100.0).round() as i32)
}
