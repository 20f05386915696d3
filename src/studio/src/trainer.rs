//! The trainer page: write or load scenario files, see every problem next to
//! the source, try the scenario with the real engine, and add it to the
//! library. Scenario text is shown as text only.

use super::calibration::Calibration;
use super::diagnostics::{caret_offset, diagnostic_item, Gutter};
use rapport::scenario::{check_custom, compile_custom, CustomFile, Diagnostic, Parsed, Scenario};
use rapport_player::library::{LibraryAction, LibraryContext};
use rapport_player::{storage, PlayPage};
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the file is checked again.
const DEBOUNCE_MS: u32 = 350;

/// Where the editor's draft is kept, so navigation or a reload loses nothing.
pub const DRAFT_KEY: &str = "rapport.trainer-draft";

/// The saved draft: (file name, source), if there is one.
fn load_draft() -> Option<(String, String)> {
    use rapport::progress::KeyValue;
    let raw = rapport_player::storage::LocalStore.get(DRAFT_KEY).ok()??;
    let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
    Some((
        v["name"].as_str()?.to_string(),
        v["source"].as_str()?.to_string(),
    ))
}

fn save_draft(name: &str, source: &str) {
    use rapport::progress::KeyValue;
    let blob = serde_json::json!({ "name": name, "source": source }).to_string();
    // A refused write only loses the draft's safety net; the editor goes on.
    let _ = rapport_player::storage::LocalStore.set(DRAFT_KEY, &blob);
}

/// Puts the editor's caret on `line`:`column`, scrolls that line into view
/// and keeps the gutter level with the text.
fn move_caret(editor: &NodeRef, gutter: &NodeRef, source: &str, line: usize, column: usize) {
    let Some(area) = editor.cast::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    let at = caret_offset(source, line, column) as u32;
    let _ = area.focus();
    let _ = area.set_selection_range(at, at);
    let lines = source.split('\n').count().max(1) as i32;
    let per_line = area.scroll_height() / lines;
    area.set_scroll_top((per_line * (line as i32 - 1) - area.client_height() / 3).max(0));
    if let Some(g) = gutter.cast::<web_sys::Element>() {
        g.set_scroll_top(area.scroll_top());
    }
}

fn check(name: &str, source: &str, library: &LibraryContext) -> Parsed {
    // A file being edited may replace its own earlier version in the library.
    // The library's scenarios are already parsed; only the file being
    // checked is parsed here.
    let taken: Vec<String> = library
        .bundled
        .iter()
        .chain(library.custom.iter().filter(|s| s.file != name))
        .map(|s| s.id.0.clone())
        .collect();
    let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
    check_custom(&CustomFile::new(name, source), &refs)
}

/// Adds a valid file to the library, or opens a broken one in the editor so
/// its problems show next to the source; returns what happened, for the trainer.
fn add_or_open(
    file: CustomFile,
    library: &LibraryContext,
    source: &UseStateHandle<Rc<String>>,
    name: &UseStateHandle<String>,
) -> String {
    let errors = check(&file.name, &file.source, library).errors().count();
    if let Some(full) = library.refuses(&file.name).filter(|_| errors == 0) {
        full.to_string()
    } else if errors == 0 {
        let msg = format!("{}: added to the library", file.name);
        library.dispatch(LibraryAction::Add(compile_custom(&file.name, &file.source)));
        msg
    } else {
        let plural = if errors == 1 { "" } else { "s" };
        let msg = format!(
            "{}: {errors} problem{plural} to fix (opened in the editor)",
            file.name
        );
        name.set(file.name);
        source.set(Rc::new(file.source));
        msg
    }
}

fn file_name(title: &str) -> String {
    let stem: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}.toml",
        if stem.is_empty() {
            "my-scenario"
        } else {
            &stem
        }
    )
}

fn custom_item(f: &CustomFile, library: &LibraryContext) -> Html {
    let lib = library.clone();
    let fname = f.name.clone();
    let valid = library.custom.iter().any(|s| s.file == f.name);
    html! {
        <li>
            <span>{ f.name.clone() }</span>
            if !valid { <span class="badge difficulty">{ "not valid" }</span> }
            <button type="button" class="button ghost" aria-label={format!("Remove {}", f.name)}
                onclick={Callback::from(move |_| lib.dispatch(LibraryAction::Remove(fname.clone())))}>{ "Remove" }</button>
        </li>
    }
}

#[function_component(TrainerPage)]
pub fn trainer_page() -> Html {
    let library = use_context::<LibraryContext>().expect("library context");
    let draft = use_memo((), |_| load_draft());
    let name = {
        let draft = draft.clone();
        use_state(move || {
            draft
                .as_ref()
                .as_ref()
                .map_or("my-scenario.toml".to_string(), |d| d.0.clone())
        })
    };
    let source = {
        let draft = draft.clone();
        use_state(move || {
            Rc::new(
                draft
                    .as_ref()
                    .as_ref()
                    .map(|d| d.1.clone())
                    .unwrap_or_default(),
            )
        })
    };
    let editor = use_node_ref();
    let gutter = use_node_ref();
    let parsed = use_state(|| None::<Rc<Parsed>>);
    let selected = use_state(|| None::<usize>);
    let preview = use_state(|| None::<Rc<Scenario>>);
    let notes = use_state(Vec::<String>::new);
    let readers = use_mut_ref(Vec::new);

    // Check the file once typing pauses.
    {
        let parsed = parsed.clone();
        let library = library.clone();
        let name = (*name).clone();
        use_effect_with((source.clone(), name.clone()), move |(src, _)| {
            let src = (**src).clone();
            let timeout = gloo::timers::callback::Timeout::new(DEBOUNCE_MS, move || {
                save_draft(&name, &src);
                let result = if src.trim().is_empty() {
                    None
                } else {
                    Some(Rc::new(check(&name, &src, &library)))
                };
                parsed.set(result);
            });
            move || drop(timeout)
        });
    }

    let on_pick = {
        let (selected, editor, gutter, source) = (
            selected.clone(),
            editor.clone(),
            gutter.clone(),
            source.clone(),
        );
        Callback::from(move |(line, column): (usize, usize)| {
            selected.set(Some(line));
            move_caret(&editor, &gutter, &source, line, column);
        })
    };
    let on_scroll = {
        let (editor, gutter) = (editor.clone(), gutter.clone());
        Callback::from(move |_: Event| {
            if let (Some(a), Some(g)) = (
                editor.cast::<web_sys::Element>(),
                gutter.cast::<web_sys::Element>(),
            ) {
                g.set_scroll_top(a.scroll_top());
            }
        })
    };
    let on_input = {
        let source = source.clone();
        let preview = preview.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            source.set(Rc::new(area.value()));
            preview.set(None);
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let v = input.value().trim().to_string();
            name.set(if v.ends_with(".toml") {
                v
            } else {
                format!("{v}.toml")
            });
        })
    };
    let on_template = {
        let source = source.clone();
        let name = name.clone();
        let preview = preview.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some((file, src)) = rapport::scenario::BUNDLED_FILES
                .iter()
                .find(|(f, _)| *f == select.value())
            {
                let template = src.replacen("id = \"", "id = \"my-", 1);
                name.set(format!("my-{}", file.trim_start_matches("scenarios/")));
                source.set(Rc::new(template));
                preview.set(None);
            }
        })
    };
    let on_files = {
        let library = library.clone();
        let notes = notes.clone();
        let readers = readers.clone();
        let source = source.clone();
        let name = name.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            for i in 0..list.length() {
                let Some(file) = list.get(i) else { continue };
                let file = gloo::file::File::from(file);
                let fname = file.name();
                if file.size() > rapport::scenario::MAX_SOURCE_BYTES as u64 {
                    let mut all = (*notes).clone();
                    all.push(format!(
                        "{fname}: refused, it is larger than {} KB",
                        rapport::scenario::MAX_SOURCE_BYTES / 1024
                    ));
                    notes.set(all);
                    continue;
                }
                let (library, notes, source, name) =
                    (library.clone(), notes.clone(), source.clone(), name.clone());
                if fname.to_lowercase().ends_with(".zip") {
                    let reader = gloo::file::callbacks::read_as_bytes(&file, move |res| {
                        let mut msgs = (*notes).clone();
                        let files = res.map_err(|e| e.to_string()).and_then(|b| {
                            rapport::scenario::read_zip(&b).map_err(|e| e.to_string())
                        });
                        match files {
                            Err(e) => msgs.push(format!("{fname}: not loaded: {e}")),
                            Ok(files) if files.is_empty() => {
                                msgs.push(format!("{fname}: no .toml files inside"))
                            }
                            Ok(files) => {
                                for f in files {
                                    msgs.push(add_or_open(f, &library, &source, &name));
                                }
                            }
                        }
                        notes.set(msgs);
                    });
                    readers.borrow_mut().push(reader);
                    continue;
                }
                let reader = gloo::file::callbacks::read_as_text(&file, move |res| {
                    let msg = match res {
                        Err(e) => format!("{fname}: could not be read ({e})"),
                        Ok(text) => add_or_open(
                            CustomFile::new(fname.clone(), text),
                            &library,
                            &source,
                            &name,
                        ),
                    };
                    let mut all = (*notes).clone();
                    all.push(msg);
                    notes.set(all);
                });
                readers.borrow_mut().push(reader);
            }
            input.set_value("");
        })
    };
    let pack_url = use_state(|| "packs/".to_string());
    let on_pack_url = {
        let pack_url = pack_url.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            pack_url.set(input.value());
        })
    };
    let on_pack = {
        let (library, notes, source, name, pack_url) = (
            library.clone(),
            notes.clone(),
            source.clone(),
            name.clone(),
            pack_url.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (library, notes, source, name, url) = (
                library.clone(),
                notes.clone(),
                source.clone(),
                name.clone(),
                (*pack_url).clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let mut msgs = (*notes).clone();
                for item in super::pack::load_pack(&url).await {
                    match item {
                        Err(e) => msgs.push(e),
                        Ok(file) => msgs.push(add_or_open(file, &library, &source, &name)),
                    }
                }
                notes.set(msgs);
            });
        })
    };
    let current = parsed.as_ref().and_then(|p| p.scenario.clone());
    let on_try = {
        let preview = preview.clone();
        let current = current.clone();
        Callback::from(move |_| preview.set(current.clone().map(Rc::new)))
    };
    let on_add = {
        let library = library.clone();
        let name = name.clone();
        let source = source.clone();
        let notes = notes.clone();
        let title = current
            .as_ref()
            .map(|s| s.title.clone())
            .unwrap_or_default();
        Callback::from(move |_| {
            // An untouched default name becomes one made from the title.
            let fname = if *name == "my-scenario.toml" {
                file_name(&title)
            } else {
                (*name).clone()
            };
            let mut all = (*notes).clone();
            if let Some(full) = library.refuses(&fname) {
                all.push(full.to_string());
                notes.set(all);
                return;
            }
            library.dispatch(LibraryAction::Add(compile_custom(&fname, &source)));
            name.set(fname.clone());
            all.push(format!("{fname}: added to the library"));
            notes.set(all);
        })
    };
    let on_download = {
        let name = name.clone();
        let source = source.clone();
        Callback::from(move |_| storage::download(&name, "text/plain", &source))
    };
    let diagnostics: Rc<Vec<Diagnostic>> = Rc::new(
        parsed
            .as_ref()
            .map(|p| p.diagnostics.clone())
            .unwrap_or_default(),
    );
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let templates: Vec<(String, String)> = library
        .bundled
        .iter()
        .map(|s| {
            (
                s.file.clone(),
                format!("{} ({})", s.title, s.persona.label()),
            )
        })
        .collect();

    html! {
        <section class="trainer" aria-labelledby="trainer-title" data-testid="trainer-page">
            <h1 id="trainer-title" tabindex="-1">{ "Write and try scenarios" }</h1>
            <p class="intro">{ "Write a scenario in the editor or load files. Every problem is listed with its line, column, code and a hint, and marked next to the source. Try the scenario with the real engine, then add it to the library: it appears on the home page, marked as yours, and stays in this browser. The format is described in the scenarios guide that comes with Rapport (scenarios/README.md)." }</p>
            if let Some(e) = &library.storage_error {
                <div class="notice warn" role="alert">{ e }</div>
            }
            <div class="trainer-tools">
                <label>{ "Start from " }
                    <select onchange={on_template} data-testid="template">
                        <option value="" selected=true>{ "a scenario in the library…" }</option>
                        for (f, label) in templates.iter() { <option value={f.clone()}>{ label }</option> }
                    </select>
                </label>
                <label class="button">{ "Load .toml or .zip files" }
                    <input type="file" accept=".toml,.zip,text/plain,application/zip" multiple=true class="visually-hidden" onchange={on_files} data-testid="load-files" />
                </label>
                <form class="pack-form" onsubmit={on_pack}>
                    <label>{ "Pack on this site " }
                        <input type="text" value={(*pack_url).clone()} onchange={on_pack_url} data-testid="pack-url"
                            placeholder="packs/week-1/pack.json" />
                    </label>
                    <button type="submit" class="button" data-testid="load-pack">{ "Load pack" }</button>
                </form>
                <label>{ "File name " }
                    <input type="text" value={(*name).clone()} onchange={on_name} data-testid="file-name" />
                </label>
            </div>
            if !notes.is_empty() {
                <div role="status">
                    <ul class="messages" data-testid="trainer-messages">
                        for n in notes.iter() { <li>{ n }</li> }
                    </ul>
                </div>
            }
            <div class="editor-grid">
                <div>
                    <label for="scenario-source" class="row-label">{ "Scenario (TOML)" }</label>
                    <div class="editor-wrap">
                        <Gutter source={(*source).clone()} diagnostics={diagnostics.clone()} selected={*selected} gutter={gutter.clone()} />
                        <textarea id="scenario-source" class="editor" spellcheck="false" wrap="off" value={(**source).clone()}
                            oninput={on_input} onscroll={on_scroll} ref={editor.clone()} data-testid="editor" rows="22" />
                    </div>
                    <p class="muted">{ "Your draft is kept in this browser as you type." }</p>
                    <div class="actions">
                        <button type="button" class="button primary" disabled={current.is_none()} onclick={on_try} data-testid="try">{ "Try it" }</button>
                        <button type="button" class="button" disabled={current.is_none()} onclick={on_add} data-testid="add">{ "Add to my library" }</button>
                        <button type="button" class="button ghost" disabled={source.is_empty()} onclick={on_download} data-testid="download">{ "Download file" }</button>
                    </div>
                </div>
                <div>
                    <h2 class="row-label">{ "Check" }</h2>
                    <p class="check-summary" data-testid="check-summary" aria-live="polite">
                        { match parsed.as_ref() {
                            None => "Type or load a scenario to check it.".to_string(),
                            Some(_) if diagnostics.is_empty() => "No problems found.".to_string(),
                            Some(_) => format!("{errors} error{}, {} warning{}", if errors == 1 { "" } else { "s" }, diagnostics.len() - errors, if diagnostics.len() - errors == 1 { "" } else { "s" }),
                        } }
                    </p>
                    <ul class="diagnostics" data-testid="diagnostics">
                        { for diagnostics.iter().map(|d| diagnostic_item(d, &on_pick)) }
                    </ul>
                </div>
            </div>
            if let Some(s) = &*preview {
                <section class="preview" aria-label="Preview" data-testid="preview">
                    <h2>{ "Preview (not recorded in progress)" }</h2>
                    <PlayPage key={format!("{}-{}", s.id, source.len())} scenario={s.clone()} seed={1} record={false} />
                </section>
            }
            <Calibration />
            <h2>{ "Your scenarios" }</h2>
            if library.custom_files.is_empty() {
                <p class="muted">{ "None yet." }</p>
            } else {
                <ul class="custom-list" data-testid="custom-list">
                    { for library.custom_files.iter().map(|f| custom_item(f, &library)) }
                </ul>
            }
        </section>
    }
}
