use crate::ui::{EmptyState, IconName};
use leptos::prelude::*;
use leptos_meta::Title;

/// The first screen after signing in.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Home"/>
        <h1>"Home"</h1>
        <EmptyState
            icon=IconName::Link
            title="Your business, one link away"
            body="Your link-in-bio page, bookings and contacts will show their numbers here once they are set up."
        >
            <a class="button button-primary" href="/app/more">"See what you can build"</a>
        </EmptyState>
    }
}
