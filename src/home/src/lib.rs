//! The scenario list: the first WebAssembly module a browser loads (the
//! `rapport-home` binary, from index.html), small because it holds only the
//! frame, the routes and the list of bundled scenarios. The full player
//! (`rapport-player`) builds on the same components, so the list is written
//! once, and takes over the page when the trainee leaves the list
//! (`static/loader.js`).

pub mod bundled;
pub mod card;
pub mod env;
mod list;
mod page;
pub mod route;
pub mod saved;
pub mod shell;
pub mod storage;

pub use card::Card;
pub use list::{ScenarioList, ScenarioListProps};
pub use page::ListPage;

/// Mounts the list page, unless the full player has already been asked to
/// start (a deep link, an LMS launch): then it owns the page. When what the
/// browser holds needs the player's home ([`saved::needs_player`]), the list
/// page asks `static/loader.js` for the player instead.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    if engine_requested() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    if saved::needs_player(&storage::LocalStore, envelope) {
        if let Ok(event) = web_sys::Event::new("rapport:player") {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    } else {
        mount::<ListPage>();
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The Rapport app runs in a browser: run scripts/start. For the command line, use `cargo run --bin rapport -- --help`.");
}

/// Whether `static/loader.js` has started the full player (it marks the
/// document before importing it).
#[cfg(target_arch = "wasm32")]
fn engine_requested() -> bool {
    gloo::utils::document()
        .document_element()
        .is_some_and(|el| el.has_attribute("data-engine"))
}

static TAKES_OVER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the app mounted over a view another module was showing (the full
/// player over the list page): its first view is then a change of view, as
/// if both were one app (see [`shell::use_view_title_and_focus`]).
pub fn takes_over() -> bool {
    TAKES_OVER.load(std::sync::atomic::Ordering::Relaxed)
}

/// The envelope of saved progress, read with the browser's JSON reader.
#[cfg(target_arch = "wasm32")]
fn envelope(raw: &str) -> Option<saved::Envelope> {
    let saved = js_sys::JSON::parse(raw).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&saved, &name.into()).ok();
    Some(saved::Envelope {
        format: field("format").and_then(|f| f.as_string()),
        version: field("version").and_then(|v| v.as_f64()),
        min_compatible: field("min_compatible").and_then(|v| v.as_f64()),
    })
}

/// Mounts `C` in place of `<div id="app">` (or into the body), replacing the
/// loading message or the page another module rendered there, and marks the
/// page ready. The element is replaced, not emptied, so an app mounted
/// there before keeps no listener on the page.
#[cfg(target_arch = "wasm32")]
pub fn mount<C: yew::BaseComponent<Properties = ()>>() {
    let document = gloo::utils::document();
    let takes_over = document
        .document_element()
        .is_some_and(|el| el.has_attribute("data-ready"));
    if takes_over {
        TAKES_OVER.store(true, std::sync::atomic::Ordering::Relaxed);
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    }
    // On arrival, what has keyboard focus in the list index.html showed
    // (scripts/prerender.mjs), by its test id, to give it back once the same
    // list is rendered in its place. A change of view moves focus itself.
    let focused = document
        .active_element()
        .filter(|el| !takes_over && el.closest("#app").ok().flatten().is_some())
        .and_then(|el| el.get_attribute("data-testid"))
        .filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    // A fresh root in place of the old one, so no listener of what was
    // shown before (the list page) survives; the body if that fails.
    let fresh = document.get_element_by_id("app").and_then(|old| {
        let root = document.create_element("div").ok()?;
        root.set_id("app");
        old.replace_with_with_node_1(&root).ok()?;
        Some(root)
    });
    let renderer = match fresh {
        Some(root) => yew::Renderer::<C>::with_root(root),
        None => yew::Renderer::<C>::new(),
    };
    renderer.render();
    if let Some(id) = focused {
        // Yew renders in a microtask; this one runs after it.
        wasm_bindgen_futures::spawn_local(async move {
            env::focus(&format!("[data-testid=\"{id}\"]"));
        });
    }
    if let Some(el) = document.document_element() {
        let _ = el.set_attribute("data-ready", "1");
    }
}
