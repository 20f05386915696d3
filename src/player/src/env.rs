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

/// Leaves for `url` (relative to the page) without a history entry.
pub fn replace_location(url: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo::utils::window().location().replace(url);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = url;
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

/// Tells the page's integration scripts something: an event `name` on
/// `window` whose detail is `text` (as for [`announce_statement`]).
pub fn tell(name: &str, text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&wasm_bindgen::JsValue::from_str(text));
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, text);
}

/// `window[name]` as JSON text, when an integration script set it.
pub fn published(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::Reflect::get(&gloo::utils::window(), &name.into()).ok()?;
        if value.is_undefined() || value.is_null() {
            return None;
        }
        js_sys::JSON::stringify(&value).ok()?.as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

pub use rapport_home::env::{focus, set_title};

/// Scrolls so the top of the first element matching `selector` is at the top
/// of the window (instantly: the trainee must not wait for an animation).
pub fn scroll_to_top_of(selector: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}

/// Scrolls the window so the last element matching `target` ends just above
/// the element matching `cover` (a sticky box at the bottom of the window),
/// or starts at the top of the window when it is too tall to fit.
pub fn reveal_above(target: &str, cover: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let doc = gloo::utils::document();
        let Ok(all) = doc.query_selector_all(target) else {
            return;
        };
        let Some(last) = all
            .item(all.length().saturating_sub(1))
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            return;
        };
        let window = gloo::utils::window();
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        // The cover may still sit below the window (its column starts below
        // the fold, as on a phone): once scrolled it sticks to the bottom,
        // so the limit is where it will be, not where it is.
        let bottom_limit = match doc.query_selector(cover) {
            Ok(Some(c)) => {
                let r = c.get_bounding_client_rect();
                r.top().min(height - r.height())
            }
            _ => height,
        };
        let r = last.get_bounding_client_rect();
        let margin = 12.0;
        let delta = if r.height() + 2.0 * margin > bottom_limit {
            r.top() - margin
        } else if r.bottom() + margin > bottom_limit {
            r.bottom() + margin - bottom_limit
        } else if r.top() < 0.0 {
            r.top() - margin
        } else {
            0.0
        };
        if delta != 0.0 {
            window.scroll_by_with_x_and_y(0.0, delta);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (target, cover);
}
