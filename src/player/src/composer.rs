//! The reply box: Enter sends, Shift+Enter adds a line. The text is kept when a
//! reply is refused, so nothing typed is lost. Ending the conversation asks
//! first, so a slip of the finger does not throw an attempt away.

use rapport::sim::MAX_REPLY_CHARS;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The counter is announced only this close to the limit.
const WARN_WITHIN: usize = 200;

#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    pub on_send: Callback<String>,
    /// "End conversation" pressed: ask to confirm.
    pub on_end: Callback<String>,
    #[prop_or_default]
    pub on_cancel_end: Callback<String>,
    #[prop_or_default]
    pub on_confirm_end: Callback<String>,
    #[prop_or_default]
    pub confirming: bool,
    /// Replies accepted so far; when it grows the box is cleared.
    pub sent: usize,
    /// The most replies the scenario allows.
    #[prop_or_default]
    pub budget: usize,
    #[prop_or_default]
    pub error: Option<String>,
}

/// What a screen reader hears about the length: nothing until the reply
/// nears the limit.
pub fn length_warning(count: usize) -> String {
    if count > MAX_REPLY_CHARS {
        format!("{} characters over the limit", count - MAX_REPLY_CHARS)
    } else if MAX_REPLY_CHARS - count <= WARN_WITHIN {
        format!("{} characters left", MAX_REPLY_CHARS - count)
    } else {
        String::new()
    }
}

fn confirm_box(props: &ComposerProps, yes: &NodeRef) -> Html {
    let (cancel, confirm) = (props.on_cancel_end.clone(), props.on_confirm_end.clone());
    html! {
        <div class="confirm" role="group" aria-labelledby="confirm-end-text" data-testid="confirm-end">
            <p id="confirm-end-text">{ "End the conversation now? The customer's problem is not settled, and the result counts as ended by you." }</p>
            <div class="composer-bar">
                <button type="button" class="button primary" ref={yes.clone()} data-testid="confirm-end-yes"
                    onclick={Callback::from(move |_| confirm.emit(String::new()))}>{ "Yes, end it" }</button>
                <button type="button" class="button ghost" data-testid="confirm-end-no"
                    onclick={Callback::from(move |_| cancel.emit(String::new()))}>{ "Keep talking" }</button>
            </div>
        </div>
    }
}

#[function_component(Composer)]
pub fn composer(props: &ComposerProps) -> Html {
    let text = use_state(String::new);
    let input = use_node_ref();
    let yes = use_node_ref();
    {
        // Focus follows the conversation, but not on arrival: on a phone the
        // keyboard would cover the brief before it is read.
        let text = text.clone();
        let input = input.clone();
        use_effect_with(props.sent, move |sent| {
            text.set(String::new());
            if *sent > 0 {
                if let Some(el) = input.cast::<HtmlTextAreaElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    {
        // Into the question when it opens, back to the box when it closes.
        let (input, yes) = (input.clone(), yes.clone());
        let was = use_mut_ref(|| false);
        use_effect_with(props.confirming, move |confirming| {
            let target = match (*confirming, *was.borrow()) {
                (true, _) => Some(yes),
                (false, true) => Some(input),
                (false, false) => None,
            };
            *was.borrow_mut() = *confirming;
            if let Some(el) = target.and_then(|t| t.cast::<web_sys::HtmlElement>()) {
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
    let error = props.error.clone().unwrap_or_default();
    html! {
        <form class="composer" onsubmit={onsubmit} data-testid="composer">
            <label for="reply" class="visually-hidden">{ "Your reply" }</label>
            <textarea id="reply" ref={input} rows="2" value={(*text).clone()} {oninput} {onkeydown}
                placeholder="Type your reply. Enter sends, Shift+Enter starts a new line."
                aria-describedby="reply-help reply-error" aria-invalid={(over || props.error.is_some()).to_string()}
                data-testid="reply-input" />
            <div class="composer-bar">
                <span id="reply-help" class={classes!("counter", over.then_some("over"))}>
                    if props.budget > 0 {
                        <span data-testid="reply-budget">{ format!("Reply {} of {}", (props.sent + 1).min(props.budget), props.budget) }</span>
                    }
                    <span class={classes!("charcount", (count + WARN_WITHIN >= MAX_REPLY_CHARS).then_some("near"))} aria-hidden="true">
                        { format!(" · {count}/{MAX_REPLY_CHARS}") }
                    </span>
                </span>
                <span class="visually-hidden" role="status" data-testid="length-warning">{ length_warning(count) }</span>
                <button type="button" class="button ghost" data-testid="end-button" disabled={props.confirming}
                    onclick={Callback::from(move |_| on_end.emit(String::new()))}>{ "End conversation" }</button>
                <button type="submit" class="button primary" data-testid="send-button">{ "Send" }</button>
            </div>
            if props.confirming { { confirm_box(props, &yes) } }
            <p id="reply-error" class={classes!("error-text", error.is_empty().then_some("empty"))} role="alert" data-testid="reply-error">
                { error }
            </p>
        </form>
    }
}
