use super::nav::NavItem;
use crate::ui::Icon;
use leptos::prelude::*;
use leptos_router::components::A;

/// One navigation destination: a link (marked current on its page), or a disabled entry with a
/// "Soon" badge while its module is not available.
#[component]
pub fn NavEntry(item: NavItem, #[prop(optional)] compact: bool) -> impl IntoView {
    match item.href {
        Some(href) => view! {
            <A href=href attr:class="nav-entry" exact=true>
                <Icon name=item.icon/>
                <span class="nav-label">{item.label}</span>
            </A>
        }
        .into_any(),
        None => view! {
            <span class="nav-entry nav-entry-soon" aria-disabled="true">
                <Icon name=item.icon/>
                <span class="nav-label">{item.label}</span>
                {(!compact).then(|| view! { <span class="badge">"Soon"</span> })}
                {compact.then(|| view! { <span class="visually-hidden">" (coming soon)"</span> })}
            </span>
        }
        .into_any(),
    }
}
