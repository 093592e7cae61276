use crate::layout::ModuleList;
use leptos::prelude::*;
use leptos_meta::Title;

/// On phones, every module that does not fit in the bottom bar.
#[component]
pub fn MorePage() -> impl IntoView {
    view! {
        <Title text="All modules"/>
        <h1>"All modules"</h1>
        <nav aria-label="All modules" class="more-list">
            <ModuleList/>
        </nav>
    }
}
