use super::nav::{groups, ADMIN, HOME};
use super::nav_entry::NavEntry;
use leptos::prelude::*;

/// Every module grouped by job; the sidebar and the phone's "More" screen both show it.
#[component]
pub fn ModuleList() -> impl IntoView {
    view! {
        <ul class="module-list">
            <li><NavEntry item=HOME/></li>
            {groups().map(|(section, items)| view! {
                <li class="nav-group">
                    <h2 class="nav-group-title">{section.title()}</h2>
                    <ul>
                        {items.into_iter().map(|item| view! { <li><NavEntry item/></li> }).collect_view()}
                    </ul>
                </li>
            }).collect_view()}
            <AdminEntry/>
        </ul>
    }
}

/// The way to `/admin`, for platform admins only.
#[component]
fn AdminEntry() -> impl IntoView {
    let user = crate::identity::use_current_user();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let admin = user.0.await.ok().flatten().is_some_and(|u| u.platform_admin);
                admin.then(|| view! {
                    <li class="nav-group">
                        <h2 class="nav-group-title">"Platform"</h2>
                        <ul>{ADMIN.iter().map(|item| view! { <li><NavEntry item=*item/></li> }).collect_view()}</ul>
                    </li>
                })
            })}
        </Transition>
    }
}

/// The left navigation from tablet width up.
#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <nav class="sidebar" aria-label="Modules">
            <a class="brand" href="/app">
                <img src="/icons/icon.svg" alt="" width="28" height="28"/>
                <span>"Mewayz"</span>
            </a>
            <ModuleList/>
        </nav>
    }
}
