//! A scenario's problems: the list with positions and hints (a click puts
//! the editor's caret on the problem), and the editor's gutter of line
//! numbers where problem lines are marked. Everything is rendered as text.

use rapport::scenario::{Diagnostic, Level};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GutterProps {
    pub source: Rc<String>,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub selected: Option<usize>,
    pub gutter: NodeRef,
}

/// The character offset of `line`:`column` (both 1-based, column counted in
/// characters) in `source`, clamped to the line's end; for the caret.
pub fn caret_offset(source: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, text) in source.split('\n').enumerate() {
        let len = text.chars().count();
        if i + 1 == line {
            return offset + column.saturating_sub(1).min(len);
        }
        offset += len + 1;
    }
    source.chars().count()
}

/// The worst problem on each line: `None` for a clean line.
fn level_of(n: usize, diagnostics: &[Diagnostic]) -> Option<Level> {
    diagnostics
        .iter()
        .filter(|d| d.line == n)
        .map(|d| d.level)
        .max()
}

fn gutter_line(n: usize, props: &GutterProps) -> Html {
    let level = level_of(n, &props.diagnostics);
    let class = classes!(
        "gutter-line",
        match level {
            Some(Level::Error) => Some("error"),
            Some(Level::Warning) => Some("warning"),
            None => None,
        },
        (props.selected == Some(n)).then_some("selected"),
    );
    let mark = match level {
        Some(Level::Error) => "✗",
        Some(Level::Warning) => "!",
        None => "",
    };
    html! { <div {class}><span class="gutter-mark">{ mark }</span>{ n }</div> }
}

/// Line numbers beside the editor, one per source line, with a mark (shape
/// and colour) on lines that have problems. Decorative for screen readers:
/// the list of problems says the same with positions.
#[function_component(Gutter)]
pub fn gutter(props: &GutterProps) -> Html {
    let lines = props.source.split('\n').count().max(1);
    html! {
        <div class="gutter" aria-hidden="true" ref={props.gutter.clone()} data-testid="gutter">
            { for (1..=lines).map(|n| gutter_line(n, props)) }
        </div>
    }
}

/// One problem; `on_pick` receives its line and column.
pub fn diagnostic_item(d: &Diagnostic, on_pick: &Callback<(usize, usize)>) -> Html {
    let (line, column) = (d.line, d.column);
    let pick = on_pick.clone();
    let level = if d.is_error() { "error" } else { "warning" };
    html! {
        <li class={level}>
            <button type="button" class="diag" onclick={Callback::from(move |_| pick.emit((line, column)))}>
                <span class="where">{ format!("{}:{}", d.line, d.column) }</span>
                <span class="code">{ format!(" {level}[{:?}] ", d.code) }</span>
                <span>{ d.message.clone() }</span>
            </button>
            if let Some(h) = &d.hint { <p class="hint">{ h.clone() }</p> }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::caret_offset;

    #[test]
    fn caret_lands_on_line_and_column_in_characters() {
        let src = "id = \"x\"\npersona = \"pérsonal\"\n";
        assert_eq!(caret_offset(src, 1, 1), 0);
        assert_eq!(caret_offset(src, 2, 11), 9 + 10);
        assert_eq!(caret_offset(src, 2, 99), 9 + 20, "clamped to the line");
        assert_eq!(caret_offset(src, 9, 1), src.chars().count());
    }
}
