//! Scenarios: the TOML files trainers write, parsed into immutable content,
//! with diagnostics (file, line, column, code, hint) for every problem.
//!
//! Reading TOML and zip packs is the `authoring` feature (the studio, the CLI
//! and the list page's build use it); the player itself plays scenarios in
//! their compiled form ([`load_compiled`]).

#[cfg(feature = "authoring")]
mod archive;
#[cfg(feature = "authoring")]
mod bundled;
mod compiled;
#[cfg(feature = "authoring")]
mod condition;
mod custom;
mod diagnostic;
mod model;
#[cfg(feature = "authoring")]
mod needs;
#[cfg(feature = "authoring")]
mod parse;
#[cfg(feature = "authoring")]
mod reader;
#[cfg(feature = "authoring")]
mod validate;

#[cfg(feature = "authoring")]
pub use archive::{read_zip, ArchiveError, MAX_PACK_BYTES};
#[cfg(feature = "authoring")]
pub use bundled::{bundled, BUNDLED_FILES};
pub use compiled::{compile, load_compiled, COMPILED_FORMAT, COMPILED_VERSION};
pub use custom::{
    add_custom, decode_custom, encode_custom, playable_custom, CustomFile, LibraryFull,
    CUSTOM_BACKUP_PREFIX, CUSTOM_FORMAT, MAX_CUSTOM_FILES,
};
#[cfg(feature = "authoring")]
pub use custom::{check_custom, compile_custom, valid_custom};
pub use diagnostic::{Code, Diagnostic, Level};
pub use model::*;
#[cfg(feature = "authoring")]
pub use parse::{parse, Parsed, DEFAULT_MAX_TURNS, MAX_NODES, MAX_SOURCE_BYTES, OUTCOME_IDS};
