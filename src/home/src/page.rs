//! The list page: the frame and the bundled scenarios, which is all a
//! trainee sees before choosing one. Everything else (a conversation under
//! way, a trainer's own scenarios, an LMS launch, the other pages) is the
//! full player's, which `static/loader.js` starts instead when needed.

use super::card;
use super::route::Route;
use super::shell::{use_view_title_and_focus, Home, Shell};
use super::ScenarioList;
use yew::prelude::*;

#[function_component(ListPage)]
pub fn list_page() -> Html {
    let cards = use_memo((), |_| card::bundled());
    use_view_title_and_focus(format!("{} · Rapport", Route::Home.title()));
    html! {
        <Shell home={Home::Player} current={Some(Route::Home)}>
            <ScenarioList scenarios={(*cards).clone()} />
        </Shell>
    }
}
