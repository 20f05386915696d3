//! Hash routes (`#/`, `#/play/<id>`), so links work from any static host and
//! sub-path, and the browser's back button does what people expect.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Play(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("play", id)) if !id.is_empty() => {
                Route::Play(id.trim_end_matches('/').to_string())
            }
            _ => Route::Home,
        }
    }

    /// The hash for this route, with the leading `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Play(id) => format!("#/play/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_defaults_home() {
        for r in [Route::Home, Route::Play("billing-double-charge".into())] {
            assert_eq!(Route::from_hash(&r.to_hash()), r);
        }
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#/play/"), Route::Home);
        assert_eq!(Route::from_hash("#/nonsense/x"), Route::Home);
    }
}
