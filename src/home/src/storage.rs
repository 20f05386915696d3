//! The browser's LocalStorage as a [`KeyValue`] store, for the list page and
//! the full player alike.

use rapport::progress::{KeyValue, StoreError};

/// `window.localStorage`; every failure becomes a [`StoreError`].
pub struct LocalStore;

#[cfg(target_arch = "wasm32")]
fn storage() -> Result<web_sys::Storage, StoreError> {
    match gloo::utils::window().local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StoreError::Unavailable("storage is switched off".into())),
        Err(_) => Err(StoreError::Unavailable("storage access was refused".into())),
    }
}

#[cfg(target_arch = "wasm32")]
fn store_error(e: wasm_bindgen::JsValue) -> StoreError {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" || d.code() == 22 => StoreError::Full,
        Some(d) => StoreError::Unavailable(d.message()),
        None => StoreError::Unavailable("unknown storage error".into()),
    }
}

#[cfg(target_arch = "wasm32")]
impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(store_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(store_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(store_error)
    }

    fn keys(&self) -> Vec<String> {
        let Ok(s) = storage() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}

// Natively (SSR tests) there is no browser storage: behave like a fresh one
// that refuses to save.
#[cfg(not(target_arch = "wasm32"))]
impl KeyValue for LocalStore {
    fn get(&self, _key: &str) -> Result<Option<String>, StoreError> {
        Ok(None)
    }

    fn set(&mut self, _key: &str, _value: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable("no browser storage here".into()))
    }

    fn remove(&mut self, _key: &str) -> Result<(), StoreError> {
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        Vec::new()
    }
}
