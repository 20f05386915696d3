//! Rapport: a customer-service role-play trainer.
//!
//! The pure core (`text`, `persona`, `mood`, `scoring`, `scenario`, `sim`) knows
//! nothing of the browser and is tested natively; `ui` renders it with Yew.

pub mod mood;
pub mod persona;
pub mod progress;
pub mod scenario;
pub mod scoring;
pub mod sim;
pub mod text;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
