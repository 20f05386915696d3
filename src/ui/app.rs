//! The app shell: header, routing between the scenario list and a conversation.

use super::env;
use super::library::{use_library_autosave, LibraryContext, LibraryState};
use super::lms::{use_lms, LmsBanner};
use super::parked::Parked;
use super::progress_state::{use_autosave, ProgressState};
use super::route::Route;
use super::{PlayPage, ProgressPage, ScenarioList, StorageBanner, TrainerPage};
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
            <ScenarioList scenarios={scenarios.clone()} problems={library.problems.clone()} custom={library.custom_ids()}
                resume={parked.peek()} />
        },
        Route::Progress => html! {
            <ProgressPage scenarios={scenarios.clone()} now_ms={env::now_ms()} />
        },
        Route::Trainer => html! { <TrainerPage /> },
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
    // The skip link must not change the hash: the hash is the route.
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        env::focus("#content");
    });
    let current = |r: Route| if *route == r { Some("page") } else { None };
    html! {
        <ContextProvider<LibraryContext> context={library.clone()}>
        <ContextProvider<super::progress_state::ProgressContext> context={progress.clone()}>
        <ContextProvider<Parked> context={(*parked).clone()}>
            <a class="skip-link" href="#content" onclick={skip} data-testid="skip-link">{ "Skip to main content" }</a>
            <header class="topbar">
                <a class="brand" href={Route::Home.to_hash()}>
                    <span class="brand-mark" aria-hidden="true">{ "R" }</span>
                    <span class="brand-name">{ "Rapport" }</span>
                </a>
                <span class="tagline">{ "Customer-service practice, scored as you type" }</span>
                <nav class="nav" aria-label="Main">
                    <a href={Route::Home.to_hash()} aria-current={current(Route::Home)} data-testid="nav-scenarios">{ "Scenarios" }</a>
                    <a href={Route::Progress.to_hash()} aria-current={current(Route::Progress)} data-testid="nav-progress">{ "Progress" }</a>
                    <a href={Route::Trainer.to_hash()} aria-current={current(Route::Trainer)} data-testid="nav-trainer">{ "Trainers" }</a>
                </nav>
            </header>
            <main id="content" class="page" tabindex="-1">
                <LmsBanner view={lms} />
                <StorageBanner />
                <super::library_notice::LibraryNotice />
                { page }
            </main>
            <footer class="footer">
                { "Everything stays in this browser. Scored against the seven complaint-handling steps and BE SURE." }
            </footer>
        </ContextProvider<Parked>>
        </ContextProvider<super::progress_state::ProgressContext>>
        </ContextProvider<LibraryContext>>
    }
}

/// Sets the document title for the view and, after a change of view (not on
/// arrival), moves focus to the view's heading so a screen reader says
/// where the trainee landed.
#[hook]
fn use_view_title_and_focus(title: String) {
    let first = use_mut_ref(|| true);
    use_effect_with(title, move |title| {
        env::set_title(title);
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            env::focus("main h1");
        }
    });
}
