//! The browser's LocalStorage as a [`KeyValue`] store (the list page's
//! [`LocalStore`]), and file download.

pub use rapport_home::storage::LocalStore;

/// Offers `text` as a file download called `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let blob = gloo::file::Blob::new_with_options(text, Some(mime));
        let url = gloo::file::ObjectUrl::from(blob);
        let doc = gloo::utils::document();
        if let Ok(a) = doc.create_element("a") {
            if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                a.set_href(&url);
                a.set_download(name);
                let _ = doc.body().map(|b| b.append_child(&a));
                a.click();
                a.remove();
            }
        }
        // Some browsers read the object URL after the click returns, so it is
        // deliberately kept alive rather than revoked here.
        std::mem::forget(url);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, mime, text);
}
