//! The studio: the Trainers page as its own WebAssembly module, so a trainee
//! never downloads the scenario editor, the TOML reader, pack loading, the
//! zip inflater or the calibration panel. It shares the player's
//! components, its storage and its library of scenarios.

mod app;
mod calibration;
mod diagnostics;
mod pack;
mod trainer;

pub use app::StudioApp;
pub use trainer::{TrainerPage, DRAFT_KEY};

/// Mounts the studio into `<div id="app">` and marks the page ready.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    rapport_player::mount::<StudioApp>();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "The Rapport studio runs in a browser: run scripts/start and open the Trainers page."
    );
}
