use leptos::prelude::*;

/// A small line of a few values, oldest first, beside a headline number. Decorative to screen
/// readers, who get `summary` instead.
#[component]
pub fn Sparkline(values: Vec<u64>, #[prop(into)] summary: String) -> impl IntoView {
    const W: f64 = 100.0;
    const H: f64 = 28.0;
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let step = W / (values.len().max(2) - 1) as f64;
    let points = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(
                "{:.1},{:.1}",
                i as f64 * step,
                H - 2.0 - *v as f64 / max * (H - 4.0)
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <svg class="sparkline" viewBox=format!("0 0 {W} {H}") preserveAspectRatio="none" aria-hidden="true">
            <polyline points=points/>
        </svg>
        <span class="visually-hidden">{summary}</span>
    }
}
