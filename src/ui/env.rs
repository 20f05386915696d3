//! The few things the UI takes from the browser: the clock, a fresh seed and
//! the location hash. Natively (SSR tests) they are fixed, so renders are
//! deterministic.

/// Milliseconds since the epoch.
pub fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// A new seed for a session.
pub fn fresh_seed() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Math::random() * 4_294_967_296.0) as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        1
    }
}

/// The current `location.hash`.
pub fn hash() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::window().location().hash().unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Navigates to `hash` (adds a history entry).
pub fn set_hash(hash: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().location().set_hash(hash);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = hash;
    }
}

/// Scrolls the page to the top (after a route change).
pub fn scroll_top() {
    #[cfg(target_arch = "wasm32")]
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Tells the page's integration scripts (xAPI, SCORM) that an attempt
/// finished: a `rapport:statement` event on `window` whose detail is the
/// statement as JSON text. Nothing is sent unless a trainer configured it.
pub fn announce_statement(json: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&wasm_bindgen::JsValue::from_str(json));
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict("rapport:statement", &init)
        {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = json;
}
