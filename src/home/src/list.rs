//! The home page: the scenario library as cards, filterable by persona.

use super::card::Card;
use super::route::Route;
use rapport::persona::Persona;
use rapport::scenario::Diagnostic;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioListProps {
    pub scenarios: Vec<Card>,
    /// Problems in bundled files, shown so nothing fails silently.
    #[prop_or_default]
    pub problems: Vec<Diagnostic>,
    /// Ids of the trainer's own scenarios, marked on their cards.
    #[prop_or_default]
    pub custom: Vec<String>,
    /// A conversation left unfinished in this visit: (scenario id, title, replies).
    #[prop_or_default]
    pub resume: Option<(String, String, usize)>,
}

#[function_component(ScenarioList)]
pub fn scenario_list(props: &ScenarioListProps) -> Html {
    let filter = use_state(|| None::<Persona>);
    let personas: Vec<Persona> = Persona::ALL
        .into_iter()
        .filter(|p| props.scenarios.iter().any(|s| s.persona == *p))
        .collect();
    let shown: Vec<&Card> = props
        .scenarios
        .iter()
        .filter(|s| filter.is_none_or(|p| s.persona == p))
        .collect();
    let chip = |label: &str, value: Option<Persona>| {
        let f = filter.clone();
        let pressed = *filter == value;
        html! {
            <button type="button" class="chip" aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_| f.set(value))}>{ label }</button>
        }
    };
    html! {
        <section class="home" aria-labelledby="home-title">
            <div class="intro">
                <h1 id="home-title" tabindex="-1">{ "Pick a customer to practise with" }</h1>
                <p>{ "Each conversation is a role-play with a simulated customer. Type your replies as you would on a real call or chat: every reply is scored at once on the seven complaint-handling steps and the BE SURE qualities, with the words that earned or cost you points and a tip for next time." }</p>
            </div>
            if let Some((id, title, n)) = &props.resume {
                <div class="notice" data-testid="resume-notice">
                    <p>{ format!("You have a conversation in progress: {title}, {n} {} so far.", if *n == 1 { "reply" } else { "replies" }) }</p>
                    <a class="button primary" href={Route::play(id).to_hash()} data-testid="resume">{ "Continue the conversation" }</a>
                </div>
            }
            if !props.problems.is_empty() {
                <div class="notice error" role="alert" data-testid="library-problems">
                    <h2>{ "Some scenarios could not be loaded" }</h2>
                    <ul>
                        for d in props.problems.iter() {
                            <li><code>{ d.to_string() }</code></li>
                        }
                    </ul>
                </div>
            }
            <div class="filters" role="group" aria-label="Filter by customer type">
                { chip("All", None) }
                for p in personas.iter() {
                    { chip(p.label(), Some(*p)) }
                }
            </div>
            if shown.is_empty() {
                <p class="empty" data-testid="no-scenarios">{ "No scenarios match this filter." }</p>
            }
            <ul class="cards" data-testid="scenario-list">
                for s in shown.iter() {
                    <li class="card" data-testid={format!("scenario-{}", s.id)}>
                        <div class="card-tags">
                            <span class={classes!("badge", format!("persona-{}", s.persona.id()))}>{ s.persona.label() }</span>
                            <span class={classes!("badge", "difficulty", s.difficulty.id())}>{ s.difficulty.id() }</span>
                            <span class="domain">{ &s.domain }</span>
                            if props.custom.contains(&s.id) {
                                <span class="badge custom" data-testid="custom-badge">{ "custom" }</span>
                            }
                        </div>
                        <h2 class="card-title">{ &s.title }</h2>
                        <p class="card-summary">{ &s.summary }</p>
                        <a class="button primary" href={Route::play(&s.id).to_hash()}
                            data-testid={format!("start-{}", s.id)}>
                            { "Start conversation" }<span class="visually-hidden">{ format!(": {}", s.title) }</span>
                        </a>
                    </li>
                }
            </ul>
        </section>
    }
}
