//! On the Progress page: results waiting for the Learning Record Store and
//! results it refused, with its reason. The sender (`static/xapi.js`) keeps
//! the lists; this reads them and re-reads whenever it announces a change.

use super::storage::LocalStore;
use rapport::progress::outbox::{Outbox, QUEUE_KEY, REFUSED_KEY};
use rapport::progress::KeyValue;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutboxViewProps {
    pub outbox: Outbox,
    /// Puts the refused results back in the queue.
    pub on_retry: Callback<()>,
}

/// The lists as they are (nothing when both are empty).
#[function_component(OutboxView)]
pub fn outbox_view(props: &OutboxViewProps) -> Html {
    let o = &props.outbox;
    if o.is_empty() {
        return html! {};
    }
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <section class="outbox card" aria-labelledby="outbox-title" data-testid="outbox">
            <h2 id="outbox-title">{ "Results for your training records" }</h2>
            if o.waiting > 0 {
                <p data-testid="outbox-waiting">{
                    if o.waiting == 1 {
                        "1 result is waiting to be sent to your training records. It is sent as soon as the records system can be reached.".to_string()
                    } else {
                        format!("{} results are waiting to be sent to your training records. They are sent as soon as the records system can be reached.", o.waiting)
                    }
                }</p>
            }
            if !o.refused.is_empty() {
                <p>{ "The records system did not accept these results. They are kept here; tell your trainer the reason shown." }</p>
                <ul class="refused" data-testid="outbox-refused">
                    for r in o.refused.iter() {
                        <li><strong>{ &r.title }</strong>{ format!(" ({}) \u{2014} {}", r.at, r.reason) }</li>
                    }
                </ul>
                <button type="button" class="button" onclick={retry} data-testid="outbox-retry">{ "Send them again" }</button>
            }
        </section>
    }
}

fn read() -> Outbox {
    let get = |k: &str| LocalStore.get(k).ok().flatten();
    Outbox::read(get(QUEUE_KEY).as_deref(), get(REFUSED_KEY).as_deref())
}

/// The lists read from storage, kept current.
#[function_component(OutboxPanel)]
pub fn outbox_panel() -> Html {
    let outbox = use_state(read);
    {
        let outbox = outbox.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listener = gloo::events::EventListener::new(
                &gloo::utils::window(),
                "rapport:xapi",
                move |_| outbox.set(read()),
            );
            #[cfg(not(target_arch = "wasm32"))]
            let _ = outbox;
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    let on_retry = Callback::from(|()| {
        #[cfg(target_arch = "wasm32")]
        if let Ok(e) = web_sys::Event::new("rapport:xapi-retry") {
            let _ = gloo::utils::window().dispatch_event(&e);
        }
    });
    html! { <OutboxView outbox={(*outbox).clone()} {on_retry} /> }
}
