//! The little the list page takes from the browser: the title and focus.
//! Natively (SSR tests) these do nothing.

/// Sets the document's title (one per view, so tabs and screen readers say
/// where the trainee is).
pub fn set_title(title: &str) {
    #[cfg(target_arch = "wasm32")]
    gloo::utils::document().set_title(title);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = title;
}

/// Moves keyboard focus to the first element matching `selector` without
/// scrolling (the caller decides what is in view).
pub fn focus(selector: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = el.focus_with_options(&opts);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}
