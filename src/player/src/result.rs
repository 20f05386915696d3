//! The end of a conversation: outcome, score per criterion, faults and facts.

use super::model_run::{lines, ModelConversation};
use super::percent;
use super::route::Route;
use rapport::scenario::Scenario;
use rapport::scoring::{Criterion, FlagId, Scorecard};
use rapport::sim::{Event, Outcome};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub scorecard: Scorecard,
    pub outcome: Outcome,
    pub scenario: Rc<Scenario>,
    pub seed: u64,
    pub on_restart: Callback<()>,
    /// The conversation as played, for the side-by-side with the model one.
    #[prop_or_default]
    pub log: std::rc::Rc<Vec<Event>>,
}

/// What went well over the whole conversation, strongest first (up to three).
pub fn went_well(card: &Scorecard) -> Vec<&'static str> {
    let mut good: Vec<(Criterion, f32)> = Criterion::ALL
        .iter()
        .map(|c| (*c, card.get(*c).score))
        .filter(|(_, s)| *s >= 0.5)
        .collect();
    good.sort_by(|a, b| b.1.total_cmp(&a.1));
    good.into_iter().take(3).map(|(c, _)| c.label()).collect()
}

fn headline(outcome: Outcome, card: &Scorecard) -> Html {
    let well = went_well(card);
    let praise = match well.as_slice() {
        [] => String::new(),
        [one] => format!("What went well: {one}."),
        [init @ .., last] => format!("What went well: {} and {last}.", init.join(", ")),
    };
    html! {
        <>
            if outcome.is_good() {
                <p class="celebrate" data-testid="celebrate">
                    <svg class="celebrate-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M12 2l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 16.9 5.9 20.4l1.5-6.8L2.2 9l6.9-.7z" />
                    </svg>
                    { "Well done: that is the ending to aim for." }
                </p>
            }
            if !praise.is_empty() {
                <p class="praise" data-testid="went-well">{ praise }</p>
            }
        </>
    }
}

fn points(p: f32) -> String {
    format!("{:+.1}", p * 100.0)
}

/// The total's arithmetic, term by term, as the scorer computed it.
fn breakdown(card: &Scorecard) -> Html {
    if card.replies == 0 {
        return html! {
            <p class="breakdown-none" data-testid="breakdown">
                { "You ended the conversation before sending a reply, so there was nothing to score. Try it again: one reply is enough to get feedback." }
            </p>
        };
    }
    let b = &card.breakdown;
    let term = |t: &rapport::scoring::Term| {
        let how = if t.weight < 0.0 {
            format!("{} points off", (-t.weight * 100.0).round())
        } else {
            format!("{} × {}", percent(t.value), percent(t.weight))
        };
        html! {
            <tr>
                <th scope="row">{ &t.label }</th>
                <td>{ how }</td>
                <td class="num">{ points(t.points()) }</td>
            </tr>
        }
    };
    html! {
        <table class="results breakdown" data-testid="breakdown">
            <caption>{ "How your score adds up" }</caption>
            <thead><tr><th scope="col">{ "Part" }</th><th scope="col">{ "How" }</th><th scope="col" class="num">{ "Points" }</th></tr></thead>
            <tbody>
                { for b.terms.iter().map(term) }
                <tr class="sum">
                    <th scope="row">{ "The conversation" }</th>
                    <td>{ "the sum, kept between 0 and 100" }</td>
                    <td class="num">{ format!("{:.0}", b.subtotal * 100.0) }</td>
                </tr>
                if let Some(e) = &b.ending {
                    <tr>
                        <th scope="row">{ "The conversation, weighted" }</th>
                        <td>{ format!("{} × {}", percent(b.subtotal), percent(1.0 - e.weight)) }</td>
                        <td class="num">{ points(b.subtotal * (1.0 - e.weight)) }</td>
                    </tr>
                    { term(e) }
                }
                <tr class="sum">
                    <th scope="row">{ "Conversation score" }</th>
                    <td>{ "rounded" }</td>
                    <td class="num" data-testid="breakdown-total">{ percent(card.total) }</td>
                </tr>
            </tbody>
        </table>
    }
}

fn row(card: &Scorecard, c: Criterion) -> Html {
    let s = card.get(c);
    let turns = if s.turns.is_empty() {
        "not shown".to_string()
    } else {
        let n: Vec<String> = s.turns.iter().map(|t| (t + 1).to_string()).collect();
        format!(
            "{} {}",
            if n.len() == 1 { "reply" } else { "replies" },
            n.join(", ")
        )
    };
    html! {
        <tr data-testid={format!("result-{}", c.id())}>
            <th scope="row">{ c.label() }</th>
            <td class="bar-cell">
                <span class="bar" aria-hidden="true"><span class="fill" style={format!("width:{}%", (s.score * 100.0).round())}></span></span>
                <span class="bar-value">{ percent(s.score) }</span>
            </td>
            <td class="where">{ turns }</td>
            <td class="tip">{ if s.score < 0.5 { c.hint() } else { "" } }</td>
        </tr>
    }
}

#[function_component(ResultView)]
pub fn result_view(props: &ResultProps) -> Html {
    let card = &props.scorecard;
    let restart = props.on_restart.clone();
    let table = |caption: &str, list: &[Criterion]| {
        html! {
            <table class="results">
                <caption>{ caption }</caption>
                <thead><tr><th scope="col">{ "Criterion" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Where" }</th><th scope="col">{ "Tip" }</th></tr></thead>
                <tbody>{ for list.iter().map(|c| row(card, *c)) }</tbody>
            </table>
        }
    };
    html! {
        <section id="result" class={classes!("result", props.outcome.is_good().then_some("good"))} aria-labelledby="result-title" data-testid="result">
            <h2 id="result-title" tabindex="-1">{ props.outcome.title() }</h2>
            { headline(props.outcome, card) }
            <p class="big-score">
                <span class="label">{ "Conversation score" }</span>
                <span class="value" data-testid="result-total">{ percent(card.total) }</span>
            </p>
            if !card.faults.is_empty() {
                <ul class="faults" aria-label="Step order">
                    for f in card.faults.iter() { <li data-testid={format!("fault-{}", f.id())}>{ f.explain() }</li> }
                </ul>
            }
            { breakdown(card) }
            { table("The seven complaint steps", &Criterion::STEPS) }
            { table("BE SURE", &Criterion::BE_SURE) }
            if !card.flags.is_empty() {
                <h3>{ "Mistakes to avoid" }</h3>
                <ul class="flags">
                    for (id, n) in card.flags.iter() {
                        <li>
                            <strong>{ id.label() }</strong>
                            { if *n > 1 { format!(" ×{n}") } else { String::new() } }
                            { format!(": {}", FlagId::advice(*id)) }
                        </li>
                    }
                </ul>
            }
            if !props.scenario.facts.is_empty() {
                <h3>{ "What you could have told them" }</h3>
                <ul class="facts">
                    for f in props.scenario.facts.iter() { <li>{ &f.text }</li> }
                </ul>
            }
            <ModelConversation scenario={props.scenario.clone()} mine={lines(&props.log)} />
            <div class="actions">
                <button type="button" class="button primary" data-testid="restart"
                    onclick={Callback::from(move |_| restart.emit(()))}>{ "Try this scenario again" }</button>
                <a class="button ghost" href={Route::Home.to_hash()} data-testid="back-home">{ "Choose another scenario" }</a>
            </div>
            <p class="seed">
                { format!("Seed {}: the same seed and replies always give the same conversation. ", props.seed) }
                <a href={Route::Play { id: props.scenario.id.0.clone(), seed: Some(props.seed) }.to_hash()} data-testid="replay-link">
                    { "Link to replay it" }
                </a>
            </p>
        </section>
    }
}
