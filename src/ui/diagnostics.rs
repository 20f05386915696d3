//! A scenario's problems: the list with positions and hints, and the source
//! with line numbers where problem lines are marked and the selected one is
//! highlighted. Everything is rendered as text.

use crate::scenario::{Diagnostic, Level};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceProps {
    pub source: Rc<String>,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub selected: Option<usize>,
}

fn source_line(n: usize, line: &str, props: &SourceProps) -> Html {
    let level = props
        .diagnostics
        .iter()
        .filter(|d| d.line == n)
        .map(|d| d.level)
        .max();
    let class = classes!(
        match level {
            Some(Level::Error) => Some("error"),
            Some(Level::Warning) => Some("warning"),
            None => None,
        },
        (props.selected == Some(n)).then_some("selected"),
    );
    let text = if line.is_empty() {
        " ".to_string()
    } else {
        line.to_string()
    };
    html! { <li {class} id={format!("src-line-{n}")}><code>{ text }</code></li> }
}

/// The file with line numbers; lines with problems are marked, the selected
/// one highlighted.
#[function_component(SourceView)]
pub fn source_view(props: &SourceProps) -> Html {
    html! {
        <ol class="source" aria-label="Scenario source" data-testid="source-view">
            { for props.source.lines().enumerate().map(|(i, line)| source_line(i + 1, line, props)) }
        </ol>
    }
}

pub fn diagnostic_item(d: &Diagnostic, selected: &UseStateHandle<Option<usize>>) -> Html {
    let line = d.line;
    let sel = selected.clone();
    let level = if d.is_error() { "error" } else { "warning" };
    html! {
        <li class={level}>
            <button type="button" class="diag" onclick={Callback::from(move |_| sel.set(Some(line)))}>
                <span class="where">{ format!("{}:{}", d.line, d.column) }</span>
                <span class="code">{ format!(" {level}[{:?}] ", d.code) }</span>
                <span>{ d.message.clone() }</span>
            </button>
            if let Some(h) = &d.hint { <p class="hint">{ h.clone() }</p> }
        </li>
    }
}
