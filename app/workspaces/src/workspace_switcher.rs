use super::api::list_my_workspaces;
use leptos::prelude::*;

/// The workspace menu in the top bar: every workspace of the account, and a new one. A
/// `<details>` menu, so it opens before the app has loaded too.
#[component]
pub fn WorkspaceSwitcher() -> impl IntoView {
    let mine = Resource::new(|| (), |_| list_my_workspaces());
    view! {
        <details class="switcher">
            <summary class="button button-ghost">"Workspaces"</summary>
            <div class="switcher-menu card">
                <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        let list = mine.await.unwrap_or_default();
                        view! {
                            <ul aria-label="Your workspaces">
                                {list.into_iter().map(|w| view! {
                                    <li><a href=format!("/app/{}", w.handle)>{w.name}<span class="muted">{format!(" @{}", w.handle)}</span></a></li>
                                }).collect_view()}
                            </ul>
                        }
                    })}
                </Suspense>
                <a class="button button-secondary button-block" href="/app/new">"New workspace"</a>
            </div>
        </details>
    }
}
