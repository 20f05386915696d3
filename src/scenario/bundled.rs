//! The scenarios shipped with the app: every `scenarios/*.toml`, embedded at
//! build time (see `build.rs`), so adding a file needs no code change.

use super::{parse, Parsed};

include!(concat!(env!("OUT_DIR"), "/bundled_scenarios.rs"));

/// Parses every bundled scenario, in file-name order.
pub fn bundled() -> Vec<Parsed> {
    BUNDLED_FILES
        .iter()
        .map(|(name, src)| parse(name, src))
        .collect()
}
