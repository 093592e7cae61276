use crate::ui::Sparkline;
use app_core::home::HomeFigure;
use leptos::prelude::*;

/// One of the home page's numbers: what it counts, the count, its last days as a line, and how
/// it compares with the week before; the whole card opens the screen that explains it.
#[component]
pub fn FigureCard(figure: HomeFigure, base: String) -> impl IntoView {
    let change = figure.change();
    let rising = change.starts_with('+') || change == "New this week";
    let falling = change.starts_with('−');
    let summary = format!(
        "By day, oldest first: {}",
        figure
            .days
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    view! {
        <li class="card figure-card">
            <a class="figure-link" href=format!("{base}/{}", figure.href)>
                <span class="figure-label">{figure.label.clone()}</span>
                <span class="figure-value">{figure.value}</span>
            </a>
            {(!figure.detail.is_empty()).then(|| view! { <span class="figure-detail">{figure.detail.clone()}</span> })}
            {(!figure.days.is_empty()).then(|| view! { <Sparkline values=figure.days.clone() summary/> })}
            {(!change.is_empty()).then(|| view! {
                <span class="figure-change" class:figure-up=rising class:figure-down=falling>{change}</span>
            })}
        </li>
    }
}
