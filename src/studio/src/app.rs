//! The studio's frame: the same header as the player, the library and
//! progress the player keeps, and the Trainers page.

use crate::trainer::TrainerPage;
use rapport::scenario::{compile_custom, CustomFile};
use rapport_player::library::{use_library_autosave, LibraryAction, LibraryContext, LibraryState};
use rapport_player::library_notice::LibraryNotice;
use rapport_player::parked::Parked;
use rapport_player::progress_state::{use_autosave, ProgressContext, ProgressState};
use rapport_player::route::Route;
use rapport_player::shell::{use_view_title_and_focus, Home, Shell};
use rapport_player::StorageBanner;
use yew::prelude::*;

#[function_component(StudioApp)]
pub fn studio_app() -> Html {
    let library = use_reducer(LibraryState::load);
    use_library_autosave(&library);
    // Files saved before this version, or compiled by another one, are
    // compiled again so the player can play them.
    {
        let library = library.clone();
        use_effect_with((), move |_| {
            let stale: Vec<CustomFile> = library
                .custom_files
                .iter()
                .filter(|f| library.stale.contains(&f.name))
                .map(|f| compile_custom(&f.name, &f.source))
                .collect();
            if !stale.is_empty() && library.held.is_none() {
                library.dispatch(LibraryAction::Recompiled(stale));
            }
        });
    }
    let progress = use_reducer(ProgressState::load);
    use_autosave(&progress);
    let parked = {
        let library = library.clone();
        use_state(move || Parked::restore(&library.all()))
    };
    use_view_title_and_focus(format!("{} · Rapport", Route::Trainer.title()));
    html! {
        <ContextProvider<LibraryContext> context={library.clone()}>
        <ContextProvider<ProgressContext> context={progress.clone()}>
        <ContextProvider<Parked> context={(*parked).clone()}>
            <Shell home={Home::Studio} current={Some(Route::Trainer)}>
                <StorageBanner />
                <LibraryNotice />
                <TrainerPage />
            </Shell>
        </ContextProvider<Parked>>
        </ContextProvider<ProgressContext>>
        </ContextProvider<LibraryContext>>
    }
}
