//! Scenarios: the TOML files trainers write, parsed into immutable content,
//! with diagnostics (file, line, column, code, hint) for every problem.

mod archive;
mod bundled;
mod condition;
mod custom;
mod diagnostic;
mod model;
mod needs;
mod parse;
mod reader;
mod validate;

pub use archive::{read_zip, ArchiveError, MAX_PACK_BYTES};
pub use bundled::{bundled, BUNDLED_FILES};
pub use custom::{
    add_custom, check_custom, decode_custom, encode_custom, valid_custom, CustomFile, LibraryFull,
    CUSTOM_BACKUP_PREFIX, CUSTOM_FORMAT, MAX_CUSTOM_FILES,
};
pub use diagnostic::{Code, Diagnostic, Level};
pub use model::*;
pub use parse::{parse, Parsed, DEFAULT_MAX_TURNS, MAX_NODES, MAX_SOURCE_BYTES, OUTCOME_IDS};
