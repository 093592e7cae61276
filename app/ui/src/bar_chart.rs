use leptos::prelude::*;

/// One column of a [`BarChart`]: its label, the bar's value and the line's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartPoint {
    pub label: String,
    pub bar: u64,
    pub line: u64,
}

/// Bars for one series with a line for a second over the same days, in SVG that scales to its
/// box. Screen readers get `summary`; the numbers are also in the tables beside it.
#[component]
pub fn BarChart(
    points: Vec<ChartPoint>,
    #[prop(into)] bar_label: String,
    #[prop(into)] line_label: String,
    #[prop(into)] summary: String,
) -> impl IntoView {
    const W: f64 = 600.0;
    const H: f64 = 180.0;
    let max = points
        .iter()
        .map(|p| p.bar.max(p.line))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let step = W / points.len().max(1) as f64;
    let y = |v: u64| H - (v as f64 / max) * (H - 8.0);
    let bars = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let top = y(p.bar);
            view! {
                <rect class="chart-bar" x=format!("{:.1}", i as f64 * step + step * 0.15) y=format!("{top:.1}")
                    width=format!("{:.1}", step * 0.7) height=format!("{:.1}", H - top)>
                    <title>{format!("{}: {} {}, {} {}", p.label, p.bar, bar_label.to_lowercase(), p.line, line_label.to_lowercase())}</title>
                </rect>
            }
        })
        .collect_view();
    let line = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", i as f64 * step + step / 2.0, y(p.line)))
        .collect::<Vec<_>>()
        .join(" ");
    let first = points.first().map(|p| p.label.clone()).unwrap_or_default();
    let last = points.last().map(|p| p.label.clone()).unwrap_or_default();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") preserveAspectRatio="none" role="img" aria-label=summary>
                <line class="chart-axis" x1="0" y1=H x2=W y2=H/>
                {bars}
                <polyline class="chart-line" points=line/>
            </svg>
            <figcaption class="chart-legend">
                <span>{first}</span>
                <span><span class="legend-bar" aria-hidden="true"></span>{bar_label}</span>
                <span><span class="legend-line" aria-hidden="true"></span>{line_label}</span>
                <span>{last}</span>
            </figcaption>
        </figure>
    }
}
