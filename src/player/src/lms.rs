//! Rapport inside an LMS. `static/scorm.js` (SCORM 1.2) and `static/xapi.js`
//! (cmi5) publish what the LMS gave them as `window.rapportLms` and announce
//! each change with a `rapport:lms` event. Here the LMS's copy of the
//! progress is merged into this browser's (`progress::lms`), the summary of
//! the result goes back after every change (a `rapport:lms-save` event the
//! scripts write to the LMS), and the course session is shown with a way
//! back to the course.

use super::env;
use super::progress_state::{ProgressAction, ProgressContext, Saving};
use rapport::progress::{decode_summary, encode_summary};
use serde::Deserialize;
use yew::prelude::*;

/// What the integration script published.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LmsStatus {
    /// `"scorm"` or `"cmi5"`.
    #[serde(default)]
    pub kind: String,
    /// The LMS's copy of the progress summary once read (empty when the LMS
    /// holds none yet); absent while it is being read or when it could not be.
    #[serde(default)]
    pub progress: Option<String>,
    /// Why the LMS's copy could not be fetched (the LMS refused, or was
    /// not reachable): nothing is written over it then either.
    #[serde(default, rename = "progressError")]
    pub progress_error: Option<String>,
    /// Where the LMS wants the learner to go when done (cmi5 `returnURL`).
    #[serde(default, rename = "returnUrl")]
    pub return_url: Option<String>,
    /// The cmi5 session ended (the page was left and reloaded): results no
    /// longer reach the LMS until a new launch.
    #[serde(default)]
    pub ended: bool,
}

/// The course session as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LmsView {
    pub status: Option<LmsStatus>,
    /// The LMS's copy was read and merged: changes are sent back.
    pub linked: bool,
    /// The LMS's copy could not be read: it is left alone, nothing is sent.
    pub unreadable: Option<String>,
}

impl LmsView {
    /// The view for a published status, given whether its progress could
    /// be read.
    pub fn of(status: LmsStatus, read: Option<Result<(), String>>) -> LmsView {
        LmsView {
            status: Some(status),
            linked: matches!(read, Some(Ok(()))),
            unreadable: read.and_then(Result::err),
        }
    }
}

/// Only a web address is offered as a link (never `javascript:` or the like).
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// Follows `window.rapportLms`: merges the LMS's progress once it is read
/// and, from then on, sends the summary back after every change.
#[hook]
pub fn use_lms(progress: &ProgressContext) -> LmsView {
    let view = use_state(LmsView::default);
    let merged = use_mut_ref(|| None::<String>);
    {
        let (view, progress) = (view.clone(), progress.clone());
        use_effect_with((), move |_| {
            let read = move || {
                let Some(json) = env::published("rapportLms") else {
                    return;
                };
                let Ok(status) = serde_json::from_str::<LmsStatus>(&json) else {
                    return;
                };
                let unreachable = status.progress_error.as_ref().map(|why| {
                    Err(format!(
                        "the progress saved by the LMS could not be fetched ({why})"
                    ))
                });
                let result = status.progress.as_ref().map(|text| {
                    let mut last = merged.borrow_mut();
                    match decode_summary(text) {
                        Ok(attempts) => {
                            if last.as_deref() != Some(text.as_str()) {
                                progress.dispatch(ProgressAction::MergeLms(attempts));
                                *last = Some(text.clone());
                            }
                            Ok(())
                        }
                        Err(e) => Err(e.to_string()),
                    }
                });
                view.set(LmsView::of(status, result.or(unreachable)));
            };
            read();
            #[cfg(target_arch = "wasm32")]
            let listener = gloo::events::EventListener::new(
                &gloo::utils::window(),
                "rapport:lms",
                move |_| read(),
            );
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    {
        let linked = view.linked && !view.status.as_ref().is_some_and(|s| s.ended);
        let progress = progress.clone();
        use_effect_with((progress.revision, linked), move |(_, linked)| {
            // Unreadable data in this browser is held, not summarised: the
            // LMS's copy stays as it is until the trainee decides.
            if *linked && !matches!(progress.saving, Saving::Held { .. }) {
                env::tell("rapport:lms-save", &encode_summary(&progress.progress));
            }
        });
    }
    (*view).clone()
}

#[derive(Properties, PartialEq)]
pub struct LmsBannerProps {
    pub view: LmsView,
}

/// The course session: a way back to the course, and what to do when the
/// session has ended or the LMS's copy of the progress cannot be read.
#[function_component(LmsBanner)]
pub fn lms_banner(props: &LmsBannerProps) -> Html {
    let Some(status) = &props.view.status else {
        return html! {};
    };
    let back = status.return_url.as_deref().and_then(safe_url).map(|url| {
        html! {
            <a class="button primary" href={url.to_string()} data-testid="lms-return">{ "Return to the course" }</a>
        }
    });
    let unreadable = props.view.unreadable.as_ref().map(|why| {
        html! {
            <div class="notice error" role="alert" data-testid="lms-unreadable">
                <p>{ format!("{}. It is left as it is: nothing from this session is written over it.", capitalised(why)) }</p>
                <p>{ "Your progress in this browser is not affected. If this keeps happening, tell your trainer." }</p>
            </div>
        }
    });
    if status.ended {
        return html! {
            <>
            { unreadable }
            <section class="notice warn" role="status" aria-labelledby="lms-ended-title" data-testid="lms-ended">
                <h2 id="lms-ended-title">{ "Your course session has ended" }</h2>
                <p>{ "Rapport still works and keeps your practice in this browser, but results no longer reach your course. To have them recorded, go back to the course and open Rapport from there again." }</p>
                { back.unwrap_or_default() }
            </section>
            </>
        };
    }
    html! {
        <>
        { unreadable }
        if let Some(back) = back {
            <section class="notice lms-bar" aria-label="Your course" data-testid="lms-bar">
                <p>{ "You opened Rapport from your course: finished conversations are recorded there. When you are done, go back to the course." }</p>
                { back }
            </section>
        }
        </>
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
