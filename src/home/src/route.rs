//! Hash routes (`#/`, `#/play/<id>`, `#/play/<id>?seed=42`), so links work from
//! any static host and sub-path, and the browser's back button does what people
//! expect. A seed in the link replays exactly the same conversation.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Progress,
    Trainer,
    Play { id: String, seed: Option<u64> },
}

impl Route {
    /// A conversation with a fresh seed.
    pub fn play(id: &str) -> Route {
        Route::Play {
            id: id.to_string(),
            seed: None,
        }
    }

    /// The view's name, for the document title (a conversation uses its
    /// scenario's title instead).
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Pick a customer",
            Route::Progress => "Your progress",
            Route::Trainer => "Write and try scenarios",
            Route::Play { .. } => "Conversation",
        }
    }

    /// Parses `location.hash` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let seed = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("seed="))
            .and_then(|s| s.parse().ok());
        match path.split_once('/') {
            Some(("play", id)) if !id.trim_end_matches('/').is_empty() => Route::Play {
                id: id.trim_end_matches('/').to_string(),
                seed,
            },
            _ if path.trim_end_matches('/') == "progress" => Route::Progress,
            _ if path.trim_end_matches('/') == "trainer" => Route::Trainer,
            _ => Route::Home,
        }
    }

    /// The hash for this route, with the leading `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Progress => "#/progress".to_string(),
            Route::Trainer => "#/trainer".to_string(),
            Route::Play { id, seed: None } => format!("#/play/{id}"),
            Route::Play { id, seed: Some(s) } => format!("#/play/{id}?seed={s}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_defaults_home() {
        for r in [
            Route::Home,
            Route::Progress,
            Route::Trainer,
            Route::play("billing-double-charge"),
            Route::Play {
                id: "x".into(),
                seed: Some(42),
            },
        ] {
            assert_eq!(Route::from_hash(&r.to_hash()), r);
        }
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#/play/"), Route::Home);
        assert_eq!(Route::from_hash("#/nonsense/x"), Route::Home);
        assert_eq!(Route::from_hash("#/play/x?seed=abc"), Route::play("x"));
    }
}
