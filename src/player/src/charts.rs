//! Small SVG charts drawn by the app: a trend line per series and horizontal
//! bars. Each has a title and description for screen readers and a data table
//! behind a disclosure.

use yew::prelude::*;

/// Colours far apart in hue and lightness (a colour-blind-safe set after
/// Okabe and Ito), readable on light and dark backgrounds; lines also differ
/// by dash pattern, so no series depends on colour alone.
const COLOURS: [&str; 7] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#7a6a00", "#56b4e9", "#8c564b",
];

/// Dash patterns for the trend lines, in the same order as the colours.
const DASHES: [&str; 7] = ["", "8 4", "2 4", "12 4 2 4", "4 4", "14 6", "2 2 8 2"];

fn pct(x: f32) -> String {
    format!("{}%", (x.clamp(0.0, 1.0) * 100.0).round() as i32)
}

/// Moving average over `w` points, so a noisy series shows its trend.
pub fn smooth(values: &[f32], w: usize) -> Vec<f32> {
    (0..values.len())
        .map(|i| {
            let from = i.saturating_sub(w.saturating_sub(1));
            let part = &values[from..=i];
            part.iter().sum::<f32>() / part.len() as f32
        })
        .collect()
}

/// Positions of `values` in a `w`×`h` box (0..1 on the y axis, 1 at the top).
pub fn coords(values: &[f32], w: f32, h: f32) -> Vec<(f32, f32)> {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = if n <= 1 {
                w / 2.0
            } else {
                i as f32 * w / (n - 1) as f32
            };
            (x, h - v.clamp(0.0, 1.0) * h)
        })
        .collect()
}

/// The same positions as an SVG `points` attribute.
pub fn points(values: &[f32], w: f32, h: f32) -> String {
    coords(values, w, h)
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Properties, PartialEq)]
pub struct TrendProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub description: AttrValue,
    /// (label, values oldest first).
    pub series: Vec<(String, Vec<f32>)>,
}

#[function_component(TrendChart)]
pub fn trend_chart(props: &TrendProps) -> Html {
    // The left margin holds "100%" at the phone's larger axis type.
    let (w, h, pad, left) = (600.0_f32, 200.0_f32, 72.0_f32, 104.0_f32);
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let attempts = props.series.first().map_or(0, |s| s.1.len());
    html! {
        <figure class="chart" data-testid={props.id.clone()}>
            <h3 class="chart-title" aria-hidden="true">{ &props.title }</h3>
            <svg viewBox={format!("0 0 {} {}", w + left + pad, h + pad * 2.0)} role="img"
                aria-labelledby={format!("{title_id} {desc_id}")} preserveAspectRatio="xMidYMid meet">
                <title id={title_id.clone()}>{ &props.title }</title>
                <desc id={desc_id.clone()}>{ &props.description }</desc>
                <g transform={format!("translate({left},{pad})")}>
                    for v in [0.0_f32, 0.5, 1.0] {
                        <line x1="0" x2={w.to_string()} y1={(h - v * h).to_string()} y2={(h - v * h).to_string()} class="grid" />
                        <text x="-10" y={(h - v * h + 7.0).to_string()} class="axis" text-anchor="end">{ pct(v) }</text>
                    }
                    for (i, (_, values)) in props.series.iter().enumerate() {
                        <polyline points={points(&smooth(values, 3), w, h)} fill="none"
                            stroke={COLOURS[i % COLOURS.len()]} stroke-width="3" stroke-linejoin="round"
                            stroke-dasharray={DASHES[i % DASHES.len()]} />
                    }
                    // Points are marked while there are few, so one attempt still shows.
                    if attempts <= 30 {
                        for (i, (_, values)) in props.series.iter().enumerate() {
                            for (x, y) in coords(&smooth(values, 3), w, h) {
                                <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4" fill={COLOURS[i % COLOURS.len()]} />
                            }
                        }
                    }
                    <text x="0" y={(h + 32.0).to_string()} class="axis">{ "first attempt" }</text>
                    <text x={w.to_string()} y={(h + 32.0).to_string()} class="axis" text-anchor="end">{ format!("attempt {attempts}") }</text>
                </g>
            </svg>
            <figcaption>
                <ul class="legend">
                    for (i, (label, values)) in props.series.iter().enumerate() {
                        <li>
                            <svg class="swatch-line" width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
                                <line x1="0" y1="5" x2="30" y2="5" stroke={COLOURS[i % COLOURS.len()]} stroke-width="3" stroke-dasharray={DASHES[i % DASHES.len()]} />
                            </svg>
                            { format!("{label} ({})", values.last().map_or("-".to_string(), |v| pct(*v))) }
                        </li>
                    }
                </ul>
                <details>
                    <summary>{ "Show as a table" }</summary>
                    <table class="data">
                        <thead><tr><th scope="col">{ "Criterion" }</th><th scope="col">{ "First" }</th><th scope="col">{ "Latest" }</th><th scope="col">{ "Average" }</th></tr></thead>
                        <tbody>
                            for (label, values) in props.series.iter() {
                                <tr>
                                    <th scope="row">{ label }</th>
                                    <td>{ values.first().map_or("-".to_string(), |v| pct(*v)) }</td>
                                    <td>{ values.last().map_or("-".to_string(), |v| pct(*v)) }</td>
                                    <td>{ pct(values.iter().sum::<f32>() / values.len().max(1) as f32) }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                </details>
            </figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct BarsProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub description: AttrValue,
    /// (label, value, shown text).
    pub bars: Vec<(String, f32, String)>,
    /// The value of a full bar.
    pub max: f32,
}

/// Horizontal bars in HTML, so labels keep the page's text size on any
/// screen; each bar's value is written beside it.
#[function_component(BarChart)]
pub fn bar_chart(props: &BarsProps) -> Html {
    html! {
        <figure class="chart" data-testid={props.id.clone()} aria-labelledby={format!("{}-title", props.id)}>
            <h3 class="chart-title" id={format!("{}-title", props.id)}>{ &props.title }</h3>
            <p class="chart-desc">{ &props.description }</p>
            <ul class="hbars">
                for (label, value, text) in props.bars.iter() {
                    <li>
                        <span class="hbar-label">{ label }</span>
                        <span class="hbar-track" aria-hidden="true">
                            <span class="hbar-fill" style={format!("width:{:.1}%", (value / props.max.max(f32::EPSILON)).clamp(0.0, 1.0) * 100.0)}></span>
                        </span>
                        <span class="hbar-value">{ text }</span>
                    </li>
                }
            </ul>
        </figure>
    }
}
