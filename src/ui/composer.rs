//! The reply box: Enter sends, Shift+Enter adds a line. The text is kept when a
//! reply is refused, so nothing typed is lost.

use crate::sim::MAX_REPLY_CHARS;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    pub on_send: Callback<String>,
    pub on_end: Callback<()>,
    /// Replies accepted so far; when it grows the box is cleared.
    pub sent: usize,
    #[prop_or_default]
    pub error: Option<String>,
}

#[function_component(Composer)]
pub fn composer(props: &ComposerProps) -> Html {
    let text = use_state(String::new);
    let input = use_node_ref();
    {
        let text = text.clone();
        let input = input.clone();
        use_effect_with(props.sent, move |_| {
            text.set(String::new());
            if let Some(el) = input.cast::<HtmlTextAreaElement>() {
                let _ = el.focus();
            }
        });
    }
    let send = {
        let text = text.clone();
        let on_send = props.on_send.clone();
        Callback::from(move |_: ()| on_send.emit((*text).clone()))
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onkeydown = {
        let send = send.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
                e.prevent_default();
                send.emit(());
            }
        })
    };
    let onsubmit = {
        let send = send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send.emit(());
        })
    };
    let on_end = props.on_end.clone();
    let count = text.chars().count();
    let over = count > MAX_REPLY_CHARS;
    html! {
        <form class="composer" onsubmit={onsubmit} data-testid="composer">
            <label for="reply" class="visually-hidden">{ "Your reply" }</label>
            <textarea id="reply" ref={input} rows="3" value={(*text).clone()} {oninput} {onkeydown}
                placeholder="Type your reply. Enter sends, Shift+Enter starts a new line."
                aria-describedby="reply-help reply-error" aria-invalid={(over || props.error.is_some()).to_string()}
                data-testid="reply-input" />
            <div class="composer-bar">
                <span id="reply-help" class={classes!("counter", over.then_some("over"))} aria-live="polite">
                    { format!("{count} / {MAX_REPLY_CHARS}") }
                </span>
                <button type="button" class="button ghost" data-testid="end-button"
                    onclick={Callback::from(move |_| on_end.emit(()))}>{ "End conversation" }</button>
                <button type="submit" class="button primary" data-testid="send-button">{ "Send" }</button>
            </div>
            <p id="reply-error" class="error-text" role="alert" data-testid="reply-error">
                { props.error.clone().unwrap_or_default() }
            </p>
        </form>
    }
}
