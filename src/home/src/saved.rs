//! What the list page reads of what the full player saved in the browser,
//! to know whether it can stand for the player's home. A conversation under
//! way (the home offers to continue it), a trainer's own scenarios (listed and
//! marked), storage that cannot be read (the home warns) and saved progress
//! the core would refuse (the home explains it and keeps a copy) all need
//! the full player.

use rapport::progress::{KeyValue, FORMAT, KEY as PROGRESS_KEY, VERSION};

/// Where the conversation under way is saved (the player's `parked`).
pub const CONVERSATION_KEY: &str = "rapport.conversation";
/// Where a trainer's own scenario files are kept (the player's `library`).
pub const CUSTOM_KEY: &str = "rapport.custom-scenarios";

/// The envelope of saved progress: its format, its version and the oldest
/// version that can read it (1 when absent), as read by a JSON reader.
pub struct Envelope {
    pub format: Option<String>,
    pub version: Option<f64>,
    pub min_compatible: Option<f64>,
}

impl Envelope {
    /// Whether the core would refuse the progress at once: another format,
    /// or written by a newer version (see `progress::decode`).
    fn refused(&self) -> bool {
        self.format.as_deref() != Some(FORMAT)
            || self.version.is_none()
            || self.min_compatible.unwrap_or(1.0) > f64::from(VERSION)
    }
}

/// Whether what `store` holds needs the full player's home. `envelope`
/// reads saved progress's envelope (`None` when it is not JSON); it is
/// passed in so the list page can use the browser's JSON reader: the core's
/// (`progress::decode`) would add a fifth to the list page. A damaged attempt
/// inside a sound envelope is found when the player starts (the list page
/// writes nothing, so nothing is lost meanwhile).
pub fn needs_player(store: &impl KeyValue, envelope: impl Fn(&str) -> Option<Envelope>) -> bool {
    let kept = |key| match store.get(key) {
        Ok(None) => false,
        Ok(Some(v)) => v != "null",
        Err(_) => true,
    };
    let progress_refused = match store.get(PROGRESS_KEY) {
        Ok(Some(raw)) => envelope(&raw).is_none_or(|e| e.refused()),
        Ok(None) => false,
        Err(_) => true,
    };
    kept(CONVERSATION_KEY) || kept(CUSTOM_KEY) || progress_refused
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport::progress::MemoryStore;

    fn envelope(raw: &str) -> Option<Envelope> {
        let v = raw.strip_prefix("v")?;
        let (format, version) = v.split_once(':')?;
        Some(Envelope {
            format: Some(format.to_string()),
            version: version.parse().ok(),
            min_compatible: None,
        })
    }

    fn with(items: &[(&str, &str)]) -> MemoryStore {
        let mut store = MemoryStore::default();
        for (k, v) in items {
            store.set(k, v).unwrap();
        }
        store
    }

    #[test]
    fn only_a_fresh_or_readable_store_is_the_list_pages() {
        let progress = format!("v{FORMAT}:1");
        assert!(!needs_player(&with(&[]), envelope));
        assert!(!needs_player(&with(&[(PROGRESS_KEY, &progress)]), envelope));
        assert!(!needs_player(
            &with(&[(CONVERSATION_KEY, "null")]),
            envelope
        ));
        assert!(needs_player(&with(&[(CONVERSATION_KEY, "{}")]), envelope));
        assert!(needs_player(&with(&[(CUSTOM_KEY, "{}")]), envelope));
        assert!(needs_player(&with(&[(PROGRESS_KEY, "junk")]), envelope));
        assert!(needs_player(&with(&[(PROGRESS_KEY, "vother:1")]), envelope));
        let newer = Envelope {
            format: Some(FORMAT.into()),
            version: Some(9.0),
            min_compatible: Some(f64::from(VERSION + 1)),
        };
        assert!(newer.refused());
    }
}
