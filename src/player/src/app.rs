//! The app shell: header, routing between the scenario list and a conversation.

use super::env;
use super::library::{use_library_autosave, LibraryContext, LibraryState};
use super::lms::{use_lms, LmsBanner};
use super::parked::Parked;
use super::progress_state::{use_autosave, ProgressState};
use super::route::Route;
use super::shell::{use_view_title_and_focus, Home, Shell, STUDIO_PATH};
use super::{PlayPage, ProgressPage, ScenarioList, StorageBanner};
use rapport_home::Card;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let library = use_reducer(LibraryState::load);
    use_library_autosave(&library);
    let scenarios = library.all();
    let progress = use_reducer(ProgressState::load);
    use_autosave(&progress);
    let lms = use_lms(&progress);
    let route = use_state(|| Route::from_hash(&env::hash()));
    let parked = {
        let scenarios = scenarios.clone();
        use_state(move || Parked::restore(&scenarios))
    };
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    route.set(Route::from_hash(&env::hash()));
                    env::scroll_top();
                });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = route;
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    let title = match &*route {
        Route::Play { id, .. } => scenarios
            .iter()
            .find(|s| s.id.0 == *id)
            .map_or("Scenario not found".to_string(), |s| s.title.clone()),
        other => other.title().to_string(),
    };
    use_view_title_and_focus(format!("{title} · Rapport"));
    let page = match &*route {
        Route::Home => html! {
            <ScenarioList scenarios={scenarios.iter().map(|s| Card::from(&**s)).collect::<Vec<_>>()} problems={library.problems.clone()} custom={library.custom_ids()}
                resume={parked.peek()} />
        },
        Route::Progress => html! {
            <ProgressPage scenarios={scenarios.clone()} now_ms={env::now_ms()} />
        },
        // Old links to the Trainers page: it is the studio now.
        Route::Trainer => {
            env::replace_location(STUDIO_PATH);
            html! {
                <section class="notice" data-testid="studio-moved">
                    <h1 tabindex="-1">{ "Opening the Trainers page" }</h1>
                    <p><a href={STUDIO_PATH}>{ "Open the Trainers page" }</a></p>
                </section>
            }
        }
        Route::Play { id, seed } => match scenarios.iter().find(|s| s.id.0 == *id) {
            Some(s) => html! {
                <PlayPage key={route.to_hash()} scenario={s.clone()} seed={seed.unwrap_or_else(env::fresh_seed)} seed_given={seed.is_some()} />
            },
            None => html! {
                <section class="notice" role="alert" data-testid="not-found">
                    <h1 tabindex="-1">{ "Scenario not found" }</h1>
                    <p>{ format!("There is no scenario called \u{201c}{id}\u{201d} in this library.") }</p>
                    <a class="button" href={Route::Home.to_hash()}>{ "Back to all scenarios" }</a>
                </section>
            },
        },
    };
    let current = match &*route {
        Route::Play { .. } => None,
        r => Some(r.clone()),
    };
    html! {
        <ContextProvider<LibraryContext> context={library.clone()}>
        <ContextProvider<super::progress_state::ProgressContext> context={progress.clone()}>
        <ContextProvider<Parked> context={(*parked).clone()}>
            <Shell home={Home::Player} {current}>
                <LmsBanner view={lms} />
                <StorageBanner />
                <super::library_notice::LibraryNotice />
                { page }
            </Shell>
        </ContextProvider<Parked>>
        </ContextProvider<super::progress_state::ProgressContext>>
        </ContextProvider<LibraryContext>>
    }
}
