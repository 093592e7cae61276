use app_core::stats::{permille, NamedCount};
use leptos::prelude::*;

/// A card of counts under names (referrers, devices, pages), each with its share of `total` as
/// a bar: the same on every analytics screen.
#[component]
pub fn ShareList(title: &'static str, rows: Vec<NamedCount>, total: u64) -> impl IntoView {
    view! {
        <section class="card stats-list" aria-label=title>
            <h2>{title}</h2>
            <ul>
                {rows.into_iter().map(|r| {
                    let share = permille(r.count, total);
                    view! {
                        <li>
                            <span>{r.name}</span>
                            <meter min="0" max="1000" value=share.to_string() aria-hidden="true"></meter>
                            <span class="num">{r.count}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
