use super::icon::{Icon, IconName};
use leptos::prelude::*;

/// What a list shows before it has anything: what will be here and the first action.
#[component]
pub fn EmptyState(
    icon: IconName,
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-state">
            <div class="empty-icon"><Icon name=icon/></div>
            <h2>{title}</h2>
            <p>{body}</p>
            {children.map(|c| c())}
        </div>
    }
}
