use super::nav::BOTTOM;
use super::nav_entry::NavEntry;
use leptos::prelude::*;

/// The phone's bottom bar, within reach of the thumb.
#[component]
pub fn BottomNav() -> impl IntoView {
    view! {
        <nav class="bottom-nav" aria-label="Main">
            <ul>
                {BOTTOM.iter().map(|item| view! { <li><NavEntry item=*item compact=true/></li> }).collect_view()}
            </ul>
        </nav>
    }
}
