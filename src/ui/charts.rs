//! Small SVG charts drawn by the app: a trend line per series and horizontal
//! bars. Each has a title and description for screen readers and a data table
//! behind a disclosure.

use yew::prelude::*;

/// Distinct colours that stay readable on light and dark backgrounds.
const COLOURS: [&str; 7] = [
    "#2f6fb0", "#c2410c", "#15803d", "#7e22ce", "#b45309", "#0e7490", "#be185d",
];

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
    let (w, h, pad) = (600.0_f32, 200.0_f32, 44.0_f32);
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let attempts = props.series.first().map_or(0, |s| s.1.len());
    html! {
        <figure class="chart" data-testid={props.id.clone()}>
            <h3 class="chart-title" aria-hidden="true">{ &props.title }</h3>
            <svg viewBox={format!("0 0 {} {}", w + pad * 2.0, h + pad * 2.0)} role="img"
                aria-labelledby={format!("{title_id} {desc_id}")} preserveAspectRatio="xMidYMid meet">
                <title id={title_id.clone()}>{ &props.title }</title>
                <desc id={desc_id.clone()}>{ &props.description }</desc>
                <g transform={format!("translate({pad},{pad})")}>
                    for v in [0.0_f32, 0.5, 1.0] {
                        <line x1="0" x2={w.to_string()} y1={(h - v * h).to_string()} y2={(h - v * h).to_string()} class="grid" />
                        <text x="-6" y={(h - v * h + 4.0).to_string()} class="axis" text-anchor="end">{ pct(v) }</text>
                    }
                    for (i, (_, values)) in props.series.iter().enumerate() {
                        <polyline points={points(&smooth(values, 3), w, h)} fill="none"
                            stroke={COLOURS[i % COLOURS.len()]} stroke-width="2.5" stroke-linejoin="round" />
                    }
                    // Points are marked while there are few, so one attempt still shows.
                    if attempts <= 30 {
                        for (i, (_, values)) in props.series.iter().enumerate() {
                            for (x, y) in coords(&smooth(values, 3), w, h) {
                                <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4" fill={COLOURS[i % COLOURS.len()]} />
                            }
                        }
                    }
                    <text x="0" y={(h + 20.0).to_string()} class="axis">{ "first attempt" }</text>
                    <text x={w.to_string()} y={(h + 20.0).to_string()} class="axis" text-anchor="end">{ format!("attempt {attempts}") }</text>
                </g>
            </svg>
            <figcaption>
                <ul class="legend">
                    for (i, (label, values)) in props.series.iter().enumerate() {
                        <li>
                            <span class="swatch" style={format!("background:{}", COLOURS[i % COLOURS.len()])} aria-hidden="true"></span>
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

#[function_component(BarChart)]
pub fn bar_chart(props: &BarsProps) -> Html {
    let (label_w, bar_w, row_h) = (190.0_f32, 360.0_f32, 28.0_f32);
    let h = row_h * props.bars.len() as f32 + 10.0;
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    html! {
        <figure class="chart" data-testid={props.id.clone()}>
            <h3 class="chart-title" aria-hidden="true">{ &props.title }</h3>
            <svg viewBox={format!("0 0 {} {}", label_w + bar_w + 70.0, h)} role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id.clone()}>{ &props.title }</title>
                <desc id={desc_id.clone()}>{ &props.description }</desc>
                for (i, (label, value, text)) in props.bars.iter().enumerate() {
                    <g transform={format!("translate(0,{})", i as f32 * row_h + 5.0)}>
                        <text x={(label_w - 8.0).to_string()} y="17" text-anchor="end" class="axis">{ label }</text>
                        <rect x={label_w.to_string()} y="4" width={bar_w.to_string()} height="16" rx="8" class="track" />
                        <rect x={label_w.to_string()} y="4" height="16" rx="8"
                            width={format!("{:.1}", (value / props.max.max(f32::EPSILON)).clamp(0.0, 1.0) * bar_w)}
                            fill={COLOURS[i % COLOURS.len()]} />
                        <text x={(label_w + bar_w + 8.0).to_string()} y="17" class="axis">{ text }</text>
                    </g>
                }
            </svg>
            <details>
                <summary>{ "Show as a table" }</summary>
                <table class="data">
                    <tbody>
                        for (label, _, text) in props.bars.iter() {
                            <tr><th scope="row">{ label }</th><td>{ text }</td></tr>
                        }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
