//! The studio's pages rendered natively with Yew's server-side renderer.

use rapport::scenario::{bundled, Scenario};
use std::rc::Rc;
use yew::{BaseComponent, ServerRenderer};

fn render<C: BaseComponent>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String {
    futures::executor::block_on(
        ServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn library() -> Vec<Rc<Scenario>> {
    bundled()
        .into_iter()
        .filter_map(|p| p.scenario)
        .map(Rc::new)
        .collect()
}

use rapport_player::library::{LibraryContext, LibraryState};
use yew::prelude::*;

#[function_component(Host)]
fn host() -> Html {
    let state = use_reducer(LibraryState::load);
    html! {
        <ContextProvider<LibraryContext> context={state}>
            <rapport_studio::TrainerPage />
        </ContextProvider<LibraryContext>>
    }
}

#[test]
fn trainer_page_offers_an_editor_templates_and_file_loading() {
    let html = render::<Host>(|| ());
    assert!(html.contains("data-testid=\"editor\""));
    assert!(html.contains("data-testid=\"load-files\""));
    for s in library() {
        assert!(
            html.contains(&format!("{} ({})", s.title, s.persona.label())),
            "template {}",
            s.id
        );
    }
    assert!(html.contains("Type or load a scenario to check it."));
    assert!(html.contains("disabled"), "nothing to try or add yet");
    assert!(html.contains("Calibrate the scorer"));
    assert!(html.contains("data-testid=\"judge-empathize\""));
    assert!(
        !html.contains("data-testid=\"judge-broad_knowledge\""),
        "knowledge needs scenario facts"
    );
    assert!(html.contains("data-testid=\"pack-url\""));
}
