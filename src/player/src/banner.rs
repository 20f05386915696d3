//! Tells the trainee at once when progress is not being saved, and offers the
//! data for download so nothing is lost.

use super::progress_state::{ProgressAction, ProgressContext, Saving};
use super::storage;
use rapport::progress::encode;
use yew::prelude::*;

#[function_component(StorageBanner)]
pub fn storage_banner() -> Html {
    let Some(ctx) = use_context::<ProgressContext>() else {
        return html! {};
    };
    match &ctx.saving {
        Saving::Saved => html! {},
        Saving::MemoryOnly(why) => {
            let p = ctx.progress.clone();
            let download = Callback::from(move |_| {
                storage::download("rapport-progress.json", "application/json", &encode(&p))
            });
            html! {
                <div class="notice warn" role="alert" data-testid="storage-warning">
                    <strong>{ "Your progress is not being saved. " }</strong>
                    { format!("Reason: {why}. You can keep practising; download your progress before closing this tab.") }
                    <button type="button" class="button" onclick={download}>{ "Download progress" }</button>
                </div>
            }
        }
        Saving::Held {
            raw,
            reason,
            backup,
        } => {
            let raw = raw.clone();
            let download = Callback::from(move |_| {
                storage::download("rapport-saved-data.json", "application/json", &raw)
            });
            let fresh = {
                let ctx = ctx.clone();
                Callback::from(move |_| ctx.dispatch(ProgressAction::StartFresh))
            };
            html! {
                <div class="notice error" role="alert" data-testid="recovery">
                    <h2>{ "Your saved progress could not be read" }</h2>
                    <p>{ format!("{reason}. Nothing has been deleted.") }</p>
                    if let Some(key) = backup {
                        <p>{ format!("A copy is kept in this browser under \u{201c}{key}\u{201d}.") }</p>
                    }
                    <p>{ "Download the saved data to keep it (a trainer or a newer version of Rapport may be able to read it). New conversations are kept in memory until you choose to start fresh." }</p>
                    <div class="actions">
                        <button type="button" class="button" onclick={download} data-testid="download-raw">{ "Download the saved data" }</button>
                        <button type="button" class="button primary" onclick={fresh} data-testid="start-fresh">{ "Start fresh" }</button>
                    </div>
                </div>
            }
        }
    }
}
