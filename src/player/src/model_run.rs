//! A model conversation for the result page: the scenario's best golden run
//! (one that ends with a satisfied customer or a warm transfer) played
//! through the real engine, shown beside the trainee's own replies.

use super::percent;
use rapport::scenario::Scenario;
use rapport::sim::{Event, Outcome, Session, Speaker};
use std::rc::Rc;
use yew::prelude::*;

/// One line of a conversation, for the side-by-side view.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub customer: bool,
    pub text: String,
    /// The reply's score (replies only).
    pub score: Option<f32>,
}

/// The lines of a session's log.
pub fn lines(log: &[Event]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for e in log {
        match e {
            Event::Said { speaker, text } => out.push(Line {
                customer: *speaker == Speaker::Customer,
                text: text.clone(),
                score: None,
            }),
            Event::Assessed { assessment, .. } => {
                if let Some(l) = out.iter_mut().rev().find(|l| !l.customer) {
                    l.score = Some(assessment.total);
                }
            }
            _ => {}
        }
    }
    out
}

/// The model run: the first golden run that ends well, replayed.
pub fn model_run(scenario: &Rc<Scenario>) -> Option<Vec<Line>> {
    let good = [
        Outcome::ResolvedSatisfied.id(),
        Outcome::Escalated { warm: true }.id(),
    ];
    let golden = scenario.golden.iter().find(|g| {
        g.expect_outcome
            .as_deref()
            .is_some_and(|o| good.contains(&o))
    })?;
    let mut session = Session::new(Rc::clone(scenario), golden.seed, 0);
    for (i, reply) in golden.replies.iter().enumerate() {
        if session.respond(reply, (i as u64 + 1) * 20_000).is_err() {
            break;
        }
    }
    Some(lines(session.log()))
}

fn column(title: &str, who: &str, customer: &str, lines: &[Line], testid: &str) -> Html {
    html! {
        <div class="compare-col" data-testid={testid.to_string()}>
            <h4>{ title }</h4>
            <ol class="compare-lines">
                for l in lines.iter() {
                    <li class={if l.customer { "customer" } else { "trainee" }}>
                        <strong>{ if l.customer { customer.to_string() } else { who.to_string() } }{ ": " }</strong>
                        { &l.text }
                        if let Some(s) = l.score { <span class="line-score">{ format!(" ({})", percent(s)) }</span> }
                    </li>
                }
            </ol>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub scenario: Rc<Scenario>,
    pub mine: Vec<Line>,
}

/// The trainee's conversation beside the model one, when the scenario has one.
#[function_component(ModelConversation)]
pub fn model_conversation(props: &CompareProps) -> Html {
    let model = use_memo(props.scenario.clone(), model_run);
    let Some(model) = model.as_ref() else {
        return html! {};
    };
    let who = &props.scenario.customer_name;
    html! {
        <section class="compare" aria-labelledby="compare-title" data-testid="model-conversation">
            <h3 id="compare-title">{ "Compare with a model conversation" }</h3>
            <p class="muted">{ "One way this call can go well, written by the scenario's author and scored by the same engine. Yours is on the left." }</p>
            <div class="compare-grid">
                { column("Your conversation", "You", who, &props.mine, "mine") }
                { column("A model conversation", "Model reply", who, model, "model") }
            </div>
        </section>
    }
}
