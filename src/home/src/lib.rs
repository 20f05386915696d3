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
pub mod shell;

pub use card::Card;
pub use list::{ScenarioList, ScenarioListProps};
pub use page::ListPage;

/// Mounts the list page, unless the full player has already been asked to
/// start (a deep link, a conversation under way...): then it owns the page.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    if !engine_requested() {
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

/// Mounts `C` in place of `<div id="app">` (or into the body), replacing the
/// loading message or the page another module rendered there, and marks the
/// page ready. The element is replaced, not emptied, so an app mounted
/// there before keeps no listener on the page.
#[cfg(target_arch = "wasm32")]
pub fn mount<C: yew::BaseComponent<Properties = ()>>() {
    let document = gloo::utils::document();
    let renderer = match document.get_element_by_id("app") {
        Some(old) => {
            let root = document.create_element("div").expect("a div");
            root.set_id("app");
            let _ = old.replace_with_with_node_1(&root);
            yew::Renderer::<C>::with_root(root)
        }
        None => yew::Renderer::<C>::new(),
    };
    renderer.render();
    if let Some(el) = document.document_element() {
        let _ = el.set_attribute("data-ready", "1");
    }
}
