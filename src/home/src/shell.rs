//! The frame every page shares, in the player and in the studio: a skip
//! link, the header with the main navigation, and the footer.

use super::env;
use super::route::Route;
use yew::prelude::*;

/// Where the studio (the Trainers page) lives, relative to the player.
pub const STUDIO_PATH: &str = "studio/";

/// The app a page belongs to, for its links: the player is the site's root,
/// the studio sits one folder below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    Player,
    Studio,
}

impl Home {
    /// A link to a player route from this app.
    pub fn link(self, route: &Route) -> String {
        match (self, route) {
            (Home::Player, Route::Trainer) => STUDIO_PATH.to_string(),
            (Home::Player, r) => r.to_hash(),
            (Home::Studio, Route::Trainer) => "./".to_string(),
            (Home::Studio, r) => format!("../{}", r.to_hash()),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub home: Home,
    /// The section the page belongs to (marked `aria-current`).
    pub current: Option<Route>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    // The skip link must not change the hash: the hash is the route.
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        env::focus("#content");
    });
    let home = props.home;
    let current = |r: Route| (props.current.as_ref() == Some(&r)).then_some("page");
    html! {
        <>
            <a class="skip-link" href="#content" onclick={skip} data-testid="skip-link">{ "Skip to main content" }</a>
            <header class="topbar">
                <a class="brand" href={home.link(&Route::Home)}>
                    <span class="brand-mark" aria-hidden="true">{ "R" }</span>
                    <span class="brand-name">{ "Rapport" }</span>
                </a>
                <span class="tagline">{ "Customer-service practice, scored as you type" }</span>
                <nav class="nav" aria-label="Main">
                    <a href={home.link(&Route::Home)} aria-current={current(Route::Home)} data-testid="nav-scenarios">{ "Scenarios" }</a>
                    <a href={home.link(&Route::Progress)} aria-current={current(Route::Progress)} data-testid="nav-progress">{ "Progress" }</a>
                    <a href={home.link(&Route::Trainer)} aria-current={current(Route::Trainer)} data-testid="nav-trainer">{ "Trainers" }</a>
                </nav>
            </header>
            <main id="content" class="page" tabindex="-1">
                { props.children.clone() }
            </main>
            <footer class="footer">
                { "Everything stays in this browser. Scored against the seven complaint-handling steps and BE SURE." }
            </footer>
        </>
    }
}

/// Sets the document title for the view and, after a change of view (not on
/// arrival; taking over from the list page is a change of view), moves focus
/// to the view's heading so a screen reader says where the trainee landed.
#[hook]
pub fn use_view_title_and_focus(title: String) {
    let first = use_mut_ref(|| !super::takes_over());
    use_effect_with(title, move |title| {
        env::set_title(title);
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            env::focus("main h1");
        }
    });
}
