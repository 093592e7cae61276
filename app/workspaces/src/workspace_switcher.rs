use super::api::list_my_workspaces;
use leptos::prelude::*;

/// The workspace menu in the top bar, labelled with the workspace on screen (its logo and name)
/// or "Workspaces" elsewhere: every workspace of the account, and a new one. A `<details>` menu,
/// so it opens before the app has loaded too.
#[component]
pub fn WorkspaceSwitcher() -> impl IntoView {
    let mine = ui::resource(|| (), |_| list_my_workspaces());
    let location = leptos_router::hooks::use_location();
    // `/app/<handle>/…`: the handle on screen, if any.
    let handle = move || crate::model::route_handle(&location.pathname.get()).map(str::to_owned);
    let label = move || {
        Suspend::new(async move {
            let list = mine.await.unwrap_or_default();
            let here = handle();
            match list.into_iter().find(|w| Some(&w.handle) == here.as_ref()) {
                Some(w) => view! {
                    {w.logo_url.map(|src| view! { <img class="switcher-logo" src=src alt="" width="24" height="24"/> })}
                    <span class="switcher-name">{w.name}</span>
                }
                .into_any(),
                None => "Workspaces".into_any(),
            }
        })
    };
    view! {
        <details class="switcher">
            <summary class="button button-ghost">
                <Suspense fallback=|| "Workspaces">{label}</Suspense>
            </summary>
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
