//! The progress page: trends, the BE SURE profile, what to practise next,
//! recent attempts, export and import, and a trainer's team view.

use super::charts::{BarChart, TrendChart};
use super::progress_state::{ProgressAction, ProgressContext};
use super::route::Route;
use super::{percent, storage};
use rapport::persona::Persona;
use rapport::progress::{
    decode_import, encode, personal_bests, recommend, streak_days, team_table, Progress,
    MAX_IMPORT_BYTES,
};
use rapport::scenario::Scenario;
use rapport::scoring::Criterion;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressPageProps {
    pub scenarios: Vec<Rc<Scenario>>,
    pub now_ms: u64,
}

/// `YYYY-MM-DD` (UTC) for milliseconds since the epoch.
pub fn date(ms: u64) -> String {
    let (y, m, d) = rapport::text::civil_date(ms);
    format!("{y:04}-{m:02}-{d:02}")
}

fn mean_recent(p: &Progress, c: Criterion, n: usize) -> f32 {
    let recent = &p.attempts[p.attempts.len().saturating_sub(n)..];
    recent.iter().map(|a| a.score(c)).sum::<f32>() / recent.len().max(1) as f32
}

/// Reads each chosen file as text and hands `(name, text)` to `done`.
fn read_files(
    input: &web_sys::HtmlInputElement,
    readers: &Rc<std::cell::RefCell<Vec<gloo::file::callbacks::FileReader>>>,
    done: Callback<(String, String)>,
) {
    let Some(list) = input.files() else { return };
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let file = gloo::file::File::from(file);
        let name = file.name();
        let done = done.clone();
        // Refused before reading: a huge file would stall the tab.
        if file.size() > MAX_IMPORT_BYTES {
            done.emit((
                name,
                format!("\u{0}it is larger than {} MB", MAX_IMPORT_BYTES >> 20),
            ));
            continue;
        }
        let reader = gloo::file::callbacks::read_as_text(&file, move |res| match res {
            Ok(text) => done.emit((name, text)),
            Err(e) => done.emit((name, format!("\u{0}{e}"))),
        });
        readers.borrow_mut().push(reader);
    }
    input.set_value("");
}

#[function_component(ProgressPage)]
pub fn progress_page(props: &ProgressPageProps) -> Html {
    let ctx = use_context::<ProgressContext>().expect("progress context");
    let p = ctx.progress.clone();
    let messages = use_state(Vec::<String>::new);
    let team = use_state(Vec::<Progress>::new);
    let readers = use_mut_ref(Vec::new);
    let title_of = |id: &str| {
        props
            .scenarios
            .iter()
            .find(|s| s.id.0 == id)
            .map_or_else(|| id.to_string(), |s| s.title.clone())
    };
    let library: Vec<&Scenario> = props.scenarios.iter().map(|s| s.as_ref()).collect();
    let next = recommend(&p, &library);

    let on_import = {
        let ctx = ctx.clone();
        let messages = messages.clone();
        let readers = readers.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let ctx = ctx.clone();
            let messages = messages.clone();
            read_files(
                &input,
                &readers,
                Callback::from(move |(name, text): (String, String)| {
                    let msg = match text.strip_prefix('\u{0}') {
                        Some(err) => format!("{name}: could not be read ({err})"),
                        None => match decode_import(&text) {
                            Ok(incoming) => {
                                let n = incoming.attempts.len();
                                ctx.dispatch(ProgressAction::Import(incoming));
                                format!("{name}: imported ({n} attempts; ones you already had were skipped)")
                            }
                            Err(e) => format!("{name}: not imported: {e}"),
                        },
                    };
                    let mut all = (*messages).clone();
                    all.push(msg);
                    messages.set(all);
                }),
            );
        })
    };
    let on_team = {
        let team = team.clone();
        let messages = messages.clone();
        let readers = readers.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let team = team.clone();
            let messages = messages.clone();
            read_files(
                &input,
                &readers,
                Callback::from(move |(name, text): (String, String)| {
                    match decode_import(text.strip_prefix('\u{0}').unwrap_or(&text)) {
                        Ok(mut prog) => {
                            if prog.trainee.trim().is_empty() {
                                prog.trainee = name.trim_end_matches(".json").to_string();
                            }
                            let mut all = (*team).clone();
                            all.push(prog);
                            team.set(all);
                        }
                        Err(e) => {
                            let mut all = (*messages).clone();
                            all.push(format!("{name}: not added to the team view: {e}"));
                            messages.set(all);
                        }
                    }
                }),
            );
        })
    };
    let on_export = {
        let p = p.clone();
        let now = props.now_ms;
        Callback::from(move |_| {
            let who = if p.trainee.trim().is_empty() {
                "progress".to_string()
            } else {
                p.trainee.trim().replace(' ', "-")
            };
            storage::download(
                &format!("rapport-{who}-{}.json", date(now)),
                "application/json",
                &encode(&p),
            );
        })
    };
    let on_name = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(ProgressAction::SetTrainee(
                input.value().trim().chars().take(80).collect(),
            ));
        })
    };

    let steps: Vec<(String, Vec<f32>)> = Criterion::STEPS
        .iter()
        .map(|c| {
            (
                c.label().to_string(),
                p.attempts.iter().map(|a| a.score(*c)).collect(),
            )
        })
        .collect();
    let be_sure: Vec<(String, f32, String)> = Criterion::BE_SURE
        .iter()
        .map(|c| {
            let m = mean_recent(&p, *c, 10);
            (c.label().to_string(), m, percent(m))
        })
        .collect();
    let per_persona: Vec<(String, f32, String)> = Persona::ALL
        .iter()
        .map(|persona| {
            let n = p
                .attempts
                .iter()
                .filter(|a| a.persona == persona.id())
                .count();
            (persona.label().to_string(), n as f32, n.to_string())
        })
        .collect();
    let most = per_persona.iter().map(|b| b.1).fold(1.0, f32::max);
    let bests = personal_bests(&p);
    let streak = streak_days(&p, props.now_ms);
    let best_total = p.attempts.iter().map(|a| a.total).fold(0.0, f32::max);
    let recent_avg = {
        let r = &p.attempts[p.attempts.len().saturating_sub(10)..];
        r.iter().map(|a| a.total).sum::<f32>() / r.len().max(1) as f32
    };
    let rows = team_table(&team);

    html! {
        <section class="progress-page" aria-labelledby="progress-title" data-testid="progress-page">
            <h1 id="progress-title" tabindex="-1">{ "Your progress" }</h1>
            <ul class="stats">
                <li><span class="stat" data-testid="stat-attempts">{ p.attempts.len() }</span>{ "conversations" }</li>
                <li><span class="stat">{ streak }</span>{ if streak == 1 { "day streak" } else { "days streak" } }</li>
                <li><span class="stat">{ percent(best_total) }</span>{ "personal best" }</li>
                <li><span class="stat">{ percent(recent_avg) }</span>{ "average, last 10" }</li>
            </ul>
            if let Some(r) = &next {
                <div class="next card" data-testid="practise-next">
                    <h2>{ "Practise next" }</h2>
                    <p class="next-title">{ title_of(&r.scenario) }</p>
                    <p>{ &r.reason }</p>
                    <a class="button primary" href={Route::play(&r.scenario).to_hash()}>{ "Start this conversation" }</a>
                </div>
            }
            if p.attempts.is_empty() {
                <p class="empty" data-testid="no-attempts">{ "No conversations yet. Finish one and your scores will appear here." }</p>
            } else {
                // The charts' titles are level 3: this keeps the outline whole
                // when there is no advice above them.
                <h2 class="visually-hidden">{ "Your scores" }</h2>
                <div class="charts">
                    <TrendChart id="chart-steps" title="The seven steps over time"
                        description={format!("Score per step across your {} conversations, smoothed over three attempts.", p.attempts.len())}
                        series={steps} />
                    <BarChart id="chart-besure" title="BE SURE profile"
                        description="Average score per BE SURE quality over your last ten conversations."
                        bars={be_sure} max={1.0} />
                    <BarChart id="chart-personas" title="Conversations per customer type"
                        description="How many conversations you have had with each type of customer."
                        bars={per_persona} max={most} />
                </div>
                <h2>{ "Recent conversations" }</h2>
                <table class="results attempts" data-testid="attempts">
                    <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Scenario" }</th><th scope="col">{ "Outcome" }</th><th scope="col">{ "Score" }</th></tr></thead>
                    <tbody>
                        for a in p.attempts.iter().rev().take(20) {
                            <tr>
                                <td>{ date(a.started_ms) }</td>
                                <td>{ title_of(&a.scenario) }</td>
                                <td>{ a.outcome.replace('_', " ") }</td>
                                <td>
                                    { percent(a.total) }
                                    if bests.get(&a.scenario).is_some_and(|b| *b == a.total && a.total > 0.0) {
                                        <span class="badge best">{ "best" }</span>
                                    }
                                </td>
                            </tr>
                        }
                    </tbody>
                </table>
            }
            <super::outbox::OutboxPanel />
            <h2>{ "Your data" }</h2>
            <div class="data-actions">
                <label>{ "Your name (shown to your trainer in exports) " }
                    <input type="text" value={p.trainee.clone()} onchange={on_name} maxlength="80" data-testid="trainee-name" />
                </label>
                <button type="button" class="button" onclick={on_export} data-testid="export">{ "Export progress (JSON)" }</button>
                <label class="button">{ "Import progress files" }
                    <input type="file" accept=".json,application/json" multiple=true class="visually-hidden" onchange={on_import} data-testid="import" />
                </label>
            </div>
            if !messages.is_empty() {
                <div role="status">
                    <ul class="messages" data-testid="import-messages">
                        for m in messages.iter() { <li>{ m }</li> }
                    </ul>
                </div>
            }
            <details class="team">
                <summary><h2>{ "Team view for trainers" }</h2></summary>
                <p>{ "Load several trainees' exported files to compare them. They are only shown here, not added to your own progress." }</p>
                <label class="button">{ "Load trainee files" }
                    <input type="file" accept=".json,application/json" multiple=true class="visually-hidden" onchange={on_team} data-testid="team-import" />
                </label>
                if !rows.is_empty() {
                    <div class="table-scroll">
                        <table class="results team-table" data-testid="team-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ "Trainee" }</th><th scope="col">{ "Conversations" }</th><th scope="col">{ "Average" }</th>
                                    for c in Criterion::ALL.iter() { <th scope="col">{ c.label() }</th> }
                                </tr>
                            </thead>
                            <tbody>
                                for r in rows.iter() {
                                    <tr>
                                        <th scope="row">{ &r.trainee }</th><td>{ r.attempts }</td><td>{ percent(r.average_total) }</td>
                                        for v in r.averages.iter() { <td>{ percent(*v) }</td> }
                                    </tr>
                                }
                            </tbody>
                        </table>
                    </div>
                }
            </details>
        </section>
    }
}
