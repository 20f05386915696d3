//! Rapport: a customer-service role-play trainer.
//!
//! The core of Rapport: reading scenarios, scoring replies, simulating the
//! customer and keeping progress. It has no web dependency (the compiler keeps
//! it so: see the workspace in Cargo.toml); the player, the studio and the CLI
//! are crates built on it.

pub mod mood;
pub mod persona;
pub mod progress;
pub mod scenario;
pub mod scoring;
pub mod sim;
pub mod text;
