//! Calibration on the trainer page: judge replies by hand, compare with the
//! scorer, and export the disagreements.

use rapport::persona::Persona;
use rapport::scoring::calibration::{compare, export_tsv, scorer_view, Judged};
use rapport::scoring::Criterion;
use rapport_player::{percent, storage};
use yew::prelude::*;

/// Replies to start from, written to be judged (not taken from the tests).
const EXAMPLES: &[&str] = &[
    "I'm sorry for the trouble. Could you tell me your order number so I can look into it?",
    "That's our policy, I'm afraid, so there's not much I can do.",
    "Thanks for your patience. I've refunded the charge and I'll email you the confirmation tonight. Does that help?",
    "So you'd like the engineer to come before Friday? I'll book the first slot on Thursday for you.",
];

fn criteria() -> Vec<Criterion> {
    Criterion::ALL
        .into_iter()
        .filter(|c| *c != Criterion::BroadKnowledge)
        .collect()
}

#[function_component(Calibration)]
pub fn calibration() -> Html {
    let items = use_state(Vec::<Judged>::new);
    let reply = use_state(String::new);
    let persona = use_state(|| Persona::Irate);
    let checked = use_state(Vec::<Criterion>::new);
    let agreement = compare(&items);

    let on_reply = {
        let reply = reply.clone();
        Callback::from(move |e: InputEvent| {
            let t: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            reply.set(t.value());
        })
    };
    let on_persona = {
        let persona = persona.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            persona.set(Persona::from_id(&s.value()).unwrap_or(Persona::Irate));
        })
    };
    let on_example = {
        let reply = reply.clone();
        let n = items.len();
        Callback::from(move |_| reply.set(EXAMPLES[n % EXAMPLES.len()].to_string()))
    };
    let on_compare = {
        let (items, reply, persona, checked) = (
            items.clone(),
            reply.clone(),
            persona.clone(),
            checked.clone(),
        );
        Callback::from(move |_| {
            if reply.trim().is_empty() {
                return;
            }
            let mut all = (*items).clone();
            all.push(Judged {
                persona: *persona,
                reply: reply.trim().to_string(),
                customer: String::new(),
                human: (*checked).clone(),
            });
            items.set(all);
            reply.set(String::new());
            checked.set(Vec::new());
        })
    };
    let on_export = {
        let items = items.clone();
        Callback::from(move |_| {
            let a = compare(&items);
            storage::download(
                "rapport-calibration.tsv",
                "text/tab-separated-values",
                &export_tsv(&items, &a),
            );
        })
    };
    let checkbox = |c: Criterion| {
        let checked = checked.clone();
        let on = checked.contains(&c);
        html! {
            <label class="check">
                <input type="checkbox" checked={on} data-testid={format!("judge-{}", c.id())}
                    onchange={Callback::from(move |_| {
                        let mut v = (*checked).clone();
                        if v.contains(&c) { v.retain(|x| *x != c) } else { v.push(c) }
                        checked.set(v);
                    })} />
                { c.label() }
            </label>
        }
    };
    let last = items.last().map(|j| (j.clone(), scorer_view(j)));

    html! {
        <section class="calibration" aria-labelledby="calibration-title" data-testid="calibration">
            <h2 id="calibration-title">{ "Calibrate the scorer" }</h2>
            <p class="muted">{ "Judge a reply yourself, then compare with the automatic scorer. Where you disagree, export the replies as a labelled file (the same format as the project's test set) and send it to whoever maintains Rapport." }</p>
            <div class="calibration-form">
                <label>{ "Customer type " }
                    <select onchange={on_persona}>
                        for p in Persona::ALL.iter() {
                            <option value={p.id()} selected={*p == *persona}>{ p.label() }</option>
                        }
                    </select>
                </label>
                <label for="calibration-reply" class="row-label">{ "Agent reply" }</label>
                <textarea id="calibration-reply" rows="3" value={(*reply).clone()} oninput={on_reply} data-testid="calibration-reply" />
                <button type="button" class="button ghost" onclick={on_example}>{ "Use an example reply" }</button>
                <fieldset class="judgements">
                    <legend>{ "Which of these does the reply show?" }</legend>
                    { for criteria().into_iter().map(checkbox) }
                </fieldset>
                <button type="button" class="button primary" onclick={on_compare} disabled={reply.trim().is_empty()} data-testid="compare">
                    { "Compare with the scorer" }
                </button>
            </div>
            if let Some((j, machine)) = last {
                <table class="results" data-testid="calibration-last">
                    <caption>{ format!("Last reply: \u{201c}{}\u{201d}", j.reply) }</caption>
                    <thead><tr><th scope="col">{ "Criterion" }</th><th scope="col">{ "You" }</th><th scope="col">{ "Scorer" }</th></tr></thead>
                    <tbody>
                        for c in criteria() {
                            <tr class={if j.human.contains(&c) == machine.contains(&c) { "agree" } else { "disagree" }}>
                                <th scope="row">{ c.label() }</th>
                                <td>{ if j.human.contains(&c) { "yes" } else { "no" } }</td>
                                <td>{ if machine.contains(&c) { "yes" } else { "no" } }</td>
                            </tr>
                        }
                    </tbody>
                </table>
                <p data-testid="agreement">
                    { format!("Agreement over {} repl{}: {} ({} disagreement{}).",
                        items.len(), if items.len() == 1 { "y" } else { "ies" }, percent(agreement.rate()),
                        agreement.disagreements.len(), if agreement.disagreements.len() == 1 { "" } else { "s" }) }
                </p>
                <button type="button" class="button" onclick={on_export} disabled={agreement.disagreements.is_empty()} data-testid="export-calibration">
                    { "Export disagreements (.tsv)" }
                </button>
            }
        </section>
    }
}
