//! The app shell: header, routing between the scenario list and a conversation.

use super::env;
use super::progress_state::{use_autosave, ProgressState};
use super::route::Route;
use super::{PlayPage, ProgressPage, ScenarioList, StorageBanner};
use crate::scenario::{bundled, Diagnostic, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// The bundled library, parsed once.
#[derive(PartialEq)]
pub struct Library {
    pub scenarios: Vec<Rc<Scenario>>,
    pub problems: Vec<Diagnostic>,
}

impl Library {
    pub fn load() -> Library {
        let mut scenarios = Vec::new();
        let mut problems = Vec::new();
        for p in bundled() {
            problems.extend(p.diagnostics.into_iter().filter(Diagnostic::is_error));
            scenarios.extend(p.scenario.map(Rc::new));
        }
        Library {
            scenarios,
            problems,
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let library = use_memo((), |_| Library::load());
    let progress = use_reducer(ProgressState::load);
    use_autosave(&progress);
    let route = use_state(|| Route::from_hash(&env::hash()));
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
    let page = match &*route {
        Route::Home => html! {
            <ScenarioList scenarios={library.scenarios.clone()} problems={library.problems.clone()} />
        },
        Route::Progress => html! {
            <ProgressPage scenarios={library.scenarios.clone()} now_ms={env::now_ms()} />
        },
        Route::Play { id, seed } => match library.scenarios.iter().find(|s| s.id.0 == *id) {
            Some(s) => html! {
                <PlayPage key={route.to_hash()} scenario={s.clone()} seed={seed.unwrap_or_else(env::fresh_seed)} />
            },
            None => html! {
                <section class="notice" role="alert" data-testid="not-found">
                    <h1>{ "Scenario not found" }</h1>
                    <p>{ format!("There is no scenario called \u{201c}{id}\u{201d} in this library.") }</p>
                    <a class="button" href={Route::Home.to_hash()}>{ "Back to all scenarios" }</a>
                </section>
            },
        },
    };
    let current = |r: Route| if *route == r { Some("page") } else { None };
    html! {
        <ContextProvider<super::progress_state::ProgressContext> context={progress.clone()}>
            <header class="topbar">
                <a class="brand" href={Route::Home.to_hash()} aria-label="Rapport, all scenarios">
                    <span class="brand-mark" aria-hidden="true">{ "R" }</span>
                    <span class="brand-name">{ "Rapport" }</span>
                </a>
                <span class="tagline">{ "Customer-service practice, scored as you type" }</span>
                <nav class="nav" aria-label="Main">
                    <a href={Route::Home.to_hash()} aria-current={current(Route::Home)} data-testid="nav-scenarios">{ "Scenarios" }</a>
                    <a href={Route::Progress.to_hash()} aria-current={current(Route::Progress)} data-testid="nav-progress">{ "Progress" }</a>
                </nav>
            </header>
            <main id="content" class="page">
                <StorageBanner />
                { page }
            </main>
            <footer class="footer">
                { "Everything stays in this browser. Scored against the seven complaint-handling steps and BE SURE." }
            </footer>
        </ContextProvider<super::progress_state::ProgressContext>>
    }
}
