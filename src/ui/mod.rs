//! The browser UI: thin Yew components over the pure core. Components are pure
//! functions of their props; the only browser access is in `env`.

pub mod announce;
mod app;
mod banner;
mod calibration;
pub mod charts;
mod composer;
mod diagnostics;
pub mod env;
mod feedback;
pub mod highlight;
mod home;
pub mod library;
mod library_notice;
pub mod lms;
mod model_run;
mod mood;
pub mod outbox;
mod pack;
pub mod parked;
mod play;
pub mod progress_page;
pub mod progress_state;
mod result;
pub mod retry;
pub mod route;
mod steps;
pub mod storage;
mod trace_view;
mod trainer;
mod transcript;

pub use app::App;
pub use banner::StorageBanner;
pub use composer::length_warning;
pub use feedback::Feedback;
pub use home::{ScenarioList, ScenarioListProps};
pub use mood::MoodMeter;
pub use play::{PlayAction, PlayPage, PlayProps, PlayState};
pub use progress_page::{ProgressPage, ProgressPageProps};
pub use result::{ResultProps, ResultView};
pub use trace_view::{TraceView, TraceViewProps};
pub use trainer::TrainerPage;
pub use transcript::{Transcript, TranscriptProps};

/// Mounts the app into `<main id="app">` (or the body) and marks the page ready.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    {
        let document = gloo::utils::document();
        let renderer = match document.get_element_by_id("app") {
            Some(root) => {
                root.set_inner_html("");
                yew::Renderer::<App>::with_root(root)
            }
            None => yew::Renderer::<App>::new(),
        };
        renderer.render();
        if let Some(el) = document.document_element() {
            let _ = el.set_attribute("data-ready", "1");
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The Rapport app runs in a browser: run scripts/start. For the command line, use `cargo run --bin rapport -- --help`.");
}

/// Props for [`Feedback`] on an assessment (open, as for the latest reply).
pub fn feedback_props(assessment: crate::scoring::Assessment) -> feedback::FeedbackProps {
    feedback::FeedbackProps {
        assessment,
        open: true,
        number: 1,
        shown_before: Vec::new(),
    }
}

/// Props for [`MoodMeter`].
pub fn mood_props(mood: crate::mood::Mood) -> mood::MoodProps {
    mood::MoodProps { mood }
}

/// A score in `[0, 1]` as a whole percentage.
pub fn percent(x: f32) -> String {
    format!("{}%", (x.clamp(0.0, 1.0) * 100.0).round() as i32)
}
