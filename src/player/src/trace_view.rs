//! The engine's trace under a trainer's "Try it" preview: per reply, the node,
//! the rule that fired, needs met and still open, facts, offers and the mood
//! changes with their causes (the same text as `rapport play --trace`).

use rapport::sim::Trace;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TraceViewProps {
    /// One trace per reply, oldest first.
    pub traces: Vec<Trace>,
}

#[function_component(TraceView)]
pub fn trace_view(props: &TraceViewProps) -> Html {
    html! {
        <details class="trace" data-testid="trace" open={!props.traces.is_empty()}>
            <summary>{ "Why the customer answered that way" }</summary>
            if props.traces.is_empty() {
                <p class="muted">{ "Send a reply to see the trace." }</p>
            }
            <ol>
                { for props.traces.iter().map(|t| html! { <li><pre style="white-space: pre-wrap">{ t.to_string() }</pre></li> }) }
            </ol>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_each_trace_as_its_text() {
        let t = Trace {
            node_before: Some("opening".into()),
            rule: Some("anytime[0] at line 9 (flag calm_down) -> goto `furious`".into()),
            node_after: Some("furious".into()),
            ..Trace::default()
        };
        let props = TraceViewProps { traces: vec![t] };
        let html = futures::executor::block_on(
            yew::ServerRenderer::<TraceView>::with_props(move || props).render(),
        );
        assert!(html.contains("data-testid=\"trace\""), "{html}");
        assert!(
            html.contains("node: opening -&gt; furious")
                || html.contains("node: opening -> furious"),
            "{html}"
        );
    }
}
