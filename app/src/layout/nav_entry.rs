use super::nav::workspace_href;
use crate::ui::Icon;
use crate::ui::NavItem;
use leptos::prelude::*;
use leptos_router::components::A;

/// One navigation destination: a link (marked current on its page), or a disabled entry with a
/// "Soon" badge while its module is not available.
#[component]
pub fn NavEntry(item: NavItem, #[prop(optional)] compact: bool) -> impl IntoView {
    match item.href {
        Some(href) if href.contains("{ws}") => {
            // A workspace's module: the workspace on screen, else home picks one first.
            let pathname = leptos_router::hooks::use_location().pathname;
            let href = move || workspace_href(href, &pathname.get());
            view! {
                <A href=href attr:class="nav-entry">
                    <Icon name=item.icon/>
                    <span class="nav-label">{item.label}</span>
                </A>
            }
            .into_any()
        }
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
