use super::create_entry::CreateEntry;
use super::nav::BOTTOM;
use super::nav_entry::NavEntry;
use leptos::prelude::*;

/// The phone's bottom bar, within reach of the thumb, with "Create" in the middle.
#[component]
pub fn BottomNav() -> impl IntoView {
    let entries = |items: &'static [ui::NavItem]| {
        items
            .iter()
            .map(|item| view! { <li><NavEntry item=*item compact=true/></li> })
            .collect_view()
    };
    view! {
        <nav class="bottom-nav" aria-label="Main">
            <ul>
                {entries(BOTTOM[0])}
                <li><CreateEntry/></li>
                {entries(BOTTOM[1])}
            </ul>
        </nav>
    }
}
