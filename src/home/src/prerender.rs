//! Prints the list page as HTML, rendered by the same components the list
//! page's WebAssembly renders. `scripts/prerender.mjs` writes it into
//! index.html, so a browser shows the scenarios (their links already work:
//! they are plain links to `#/play/<id>`, which `static/loader.js` follows)
//! before any WebAssembly has arrived; the list page then mounts over it.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let html = futures::executor::block_on(
            yew::ServerRenderer::<rapport_home::ListPage>::new()
                .hydratable(false)
                .render(),
        );
        print!("{html}");
    }
}
