//! Tells the trainer when their saved scenarios could not be read: what
//! happened, where a copy is kept, the data for download, and a new library
//! only when they ask for one.

use super::library::{LibraryAction, LibraryContext};
use super::storage;
use yew::prelude::*;

#[function_component(LibraryNotice)]
pub fn library_notice() -> Html {
    let Some(library) = use_context::<LibraryContext>() else {
        return html! {};
    };
    let Some(held) = library.held.clone() else {
        return waiting(&library.stale);
    };
    let download = {
        let raw = held.raw.clone();
        Callback::from(move |_| {
            storage::download("rapport-saved-scenarios.json", "application/json", &raw)
        })
    };
    let fresh = {
        let library = library.clone();
        Callback::from(move |_| library.dispatch(LibraryAction::StartNewLibrary))
    };
    html! {
        <div class="notice error" role="alert" data-testid="library-recovery">
            <h2>{ "Your saved scenarios could not be read" }</h2>
            <p>{ format!("The scenarios you added to this browser's library are damaged or were saved by a newer version of Rapport ({}). Nothing has been deleted.", held.reason) }</p>
            if let Some(key) = &held.backup {
                <p>{ format!("A copy is kept in this browser under \u{201c}{key}\u{201d}.") }</p>
            }
            <p>{ "Download the saved data to keep it. Scenarios you add now are kept only until you close this tab; choose \u{201c}Start a new library\u{201d} to save new ones in place of the unreadable data." }</p>
            <div class="actions">
                <button type="button" class="button" onclick={download} data-testid="library-download-raw">{ "Download the saved scenarios" }</button>
                <button type="button" class="button primary" onclick={fresh} data-testid="library-start-new">{ "Start a new library" }</button>
            </div>
        </div>
    }
}

/// Saved scenarios the player cannot play until the studio compiles them
/// for this version (it does so when it opens).
fn waiting(stale: &[String]) -> Html {
    if stale.is_empty() {
        return html! {};
    }
    let what = match stale.len() {
        1 => format!("Your scenario \u{201c}{}\u{201d} was", stale[0]),
        n => format!("{n} of your scenarios were"),
    };
    html! {
        <div class="notice" role="status" data-testid="library-waiting">
            <p>
                { format!("{what} saved by an earlier version of Rapport and will be back in this list once the Trainers page has opened. Nothing is lost. ") }
                <a href={super::shell::STUDIO_PATH}>{ "Open the Trainers page" }</a>
            </p>
        </div>
    }
}
