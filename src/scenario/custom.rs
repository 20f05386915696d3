//! Trainers' own scenario files, kept in the browser: the saved list and the
//! checks that decide whether a file may join the library.

#[cfg(feature = "authoring")]
use super::{compile, parse, Code, Diagnostic, Parsed};
use super::{load_compiled, Scenario};
use serde::{Deserialize, Serialize};

/// At most this many custom files are kept.
pub const MAX_CUSTOM_FILES: usize = 50;
/// Marks a saved list of custom scenario files.
pub const CUSTOM_FORMAT: &str = "rapport-custom-scenarios";
/// An unreadable saved list is copied under this prefix plus a timestamp
/// before anything else can be written.
pub const CUSTOM_BACKUP_PREFIX: &str = "rapport.custom-scenarios.backup.";

/// The library already holds [`MAX_CUSTOM_FILES`] files: nothing is dropped
/// to make room; the trainer removes one first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryFull {
    /// The file that was not added.
    pub name: String,
}

impl std::fmt::Display for LibraryFull {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: not added. Your library already holds {MAX_CUSTOM_FILES} scenarios, the most this browser keeps. Remove one under \u{201c}Your scenarios\u{201d} to make room, then add it again.",
            self.name
        )
    }
}

/// Adds `file` to the list, replacing one with the same name (a new version
/// of it always fits); refuses a new file when the list is full.
pub fn add_custom(files: &mut Vec<CustomFile>, file: CustomFile) -> Result<(), LibraryFull> {
    if let Some(old) = files.iter_mut().find(|f| f.name == file.name) {
        *old = file;
        return Ok(());
    }
    if files.len() >= MAX_CUSTOM_FILES {
        return Err(LibraryFull { name: file.name });
    }
    files.push(file);
    Ok(())
}

/// One trainer file, as typed or loaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomFile {
    pub name: String,
    pub source: String,
    /// The scenario in compiled form, which is what the player plays:
    /// `None` when it has not been compiled (saved by an older version: the
    /// studio compiles it when it next opens), empty when the file has errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compiled: Option<String>,
}

impl CustomFile {
    /// A file not compiled yet.
    pub fn new(name: impl Into<String>, source: impl Into<String>) -> CustomFile {
        CustomFile {
            name: name.into(),
            source: source.into(),
            compiled: None,
        }
    }
}

/// A trainer's file, checked and compiled (the library keeps it either way:
/// one with errors stays editable in the studio, and is not played).
#[cfg(feature = "authoring")]
pub fn compile_custom(name: &str, source: &str) -> CustomFile {
    let compiled = parse(name, source)
        .scenario
        .map_or_else(String::new, |s| compile(std::slice::from_ref(&s)));
    CustomFile {
        name: name.to_string(),
        source: source.to_string(),
        compiled: Some(compiled),
    }
}

#[derive(Serialize, Deserialize)]
struct Saved {
    format: String,
    version: u32,
    files: Vec<CustomFile>,
}

/// Serialises the list for storage.
pub fn encode_custom(files: &[CustomFile]) -> String {
    let saved = Saved {
        format: CUSTOM_FORMAT.into(),
        version: 1,
        files: files.to_vec(),
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Reads a saved list; `Err` carries a reason (the raw text stays with the caller).
pub fn decode_custom(raw: &str) -> Result<Vec<CustomFile>, String> {
    let saved: Saved = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if saved.format != CUSTOM_FORMAT {
        return Err(format!(
            "expected `{CUSTOM_FORMAT}`, found `{}`",
            saved.format
        ));
    }
    Ok(saved.files)
}

/// The scenarios among `files` the player can play, in order (compiled,
/// readable, and not clashing with an id already taken), and the names of
/// files that are not compiled for this version yet.
pub fn playable_custom(files: &[CustomFile], bundled_ids: &[&str]) -> (Vec<Scenario>, Vec<String>) {
    let mut taken: Vec<String> = bundled_ids.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    let mut stale = Vec::new();
    for f in files {
        match f.compiled.as_deref() {
            Some("") => {}
            Some(text) => match load_compiled(text)
                .map(Vec::into_iter)
                .map(|mut s| s.next())
            {
                Ok(Some(s)) if !taken.contains(&s.id.0) => {
                    taken.push(s.id.0.clone());
                    out.push(s);
                }
                Ok(_) => {}
                Err(_) => stale.push(f.name.clone()),
            },
            None => stale.push(f.name.clone()),
        }
    }
    (out, stale)
}

/// Parses a trainer file and checks it against the ids already in the
/// library (`taken`): a clash is an error, so a custom file never hides a
/// bundled scenario.
#[cfg(feature = "authoring")]
pub fn check_custom(file: &CustomFile, taken: &[&str]) -> Parsed {
    let mut parsed = parse(&file.name, &file.source);
    if let Some(s) = &parsed.scenario {
        if taken.contains(&s.id.as_str()) {
            let at = file.source.find(&format!("\"{}\"", s.id)).unwrap_or(0);
            let d = Diagnostic::new(
                Code::E006,
                format!("scenario id `{}` is already in the library", s.id),
                &file.name,
                &file.source,
                (at, at),
            )
            .with_hint("give your scenario its own id, or remove the other one first");
            parsed.diagnostics.insert(0, d);
            parsed.scenario = None;
        }
    }
    parsed
}

/// The scenarios among `files` that are valid and do not clash, in order.
#[cfg(feature = "authoring")]
pub fn valid_custom(files: &[CustomFile], bundled_ids: &[&str]) -> Vec<Scenario> {
    let mut taken: Vec<String> = bundled_ids.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    for f in files {
        let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        if let Some(s) = check_custom(f, &refs).scenario {
            taken.push(s.id.0.clone());
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(n: usize) -> CustomFile {
        CustomFile::new(format!("f{n}.toml"), format!("# {n}"))
    }

    #[test]
    fn the_file_after_the_limit_is_refused_and_nothing_is_dropped() {
        let mut files: Vec<CustomFile> = (0..MAX_CUSTOM_FILES).map(file).collect();
        let err = add_custom(&mut files, file(MAX_CUSTOM_FILES)).unwrap_err();
        assert_eq!(err.name, format!("f{MAX_CUSTOM_FILES}.toml"));
        assert!(err.to_string().contains("already holds 50 scenarios"));
        assert_eq!(files.len(), MAX_CUSTOM_FILES);
        assert_eq!(files[0], file(0), "the oldest is still there");
    }

    #[test]
    fn a_new_version_of_a_file_replaces_it_in_place_even_when_full() {
        let mut files: Vec<CustomFile> = (0..MAX_CUSTOM_FILES).map(file).collect();
        let mut v2 = file(3);
        v2.source = "# new".into();
        add_custom(&mut files, v2.clone()).unwrap();
        assert_eq!(files[3], v2);
        assert_eq!(files.len(), MAX_CUSTOM_FILES);
    }
}
