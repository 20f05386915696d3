//! The customer's mood as three labelled meters.

use rapport::mood::{Mood, MOOD_MAX};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoodProps {
    pub mood: Mood,
}

fn meter(label: &str, value: i32, class: &str, low_is_bad: bool) -> Html {
    // Colour thresholds: for anger high is bad; for patience and trust low is bad.
    let (low, high) = if low_is_bad { (30, 60) } else { (40, 70) };
    html! {
        <div class={classes!("meter-row", class.to_string())}>
            <span class="meter-label">{ label }</span>
            <meter min="0" max={MOOD_MAX.to_string()} low={low.to_string()} high={high.to_string()}
                optimum={if low_is_bad { MOOD_MAX.to_string() } else { "0".to_string() }}
                value={value.to_string()} aria-label={format!("{label}: {value} out of {MOOD_MAX}")}>
                { format!("{value}/{MOOD_MAX}") }
            </meter>
            <span class="meter-value" aria-hidden="true">{ value }</span>
        </div>
    }
}

#[function_component(MoodMeter)]
pub fn mood_meter(props: &MoodProps) -> Html {
    let m = props.mood;
    html! {
        <div class="mood" data-testid="mood" aria-label="Customer mood" role="group">
            { meter("Anger", m.anger, "anger", false) }
            { meter("Patience", m.patience, "patience", true) }
            { meter("Trust", m.trust, "trust", true) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StripProps {
    pub mood: Mood,
    /// How many of the seven steps are shown so far.
    pub steps: usize,
}

/// The mood in one short line beside the reply box, for narrow screens where
/// the brief's meters and step tracker are scrolled out of view. Hidden from
/// screen readers: the brief says the same.
#[function_component(MoodStrip)]
pub fn mood_strip(props: &StripProps) -> Html {
    let m = props.mood;
    html! {
        <p class="mood-strip" aria-hidden="true" data-testid="mood-strip">
            { format!("Anger {} · Patience {} · Trust {} · Steps {} of 7", m.anger, m.patience, m.trust, props.steps) }
        </p>
    }
}
