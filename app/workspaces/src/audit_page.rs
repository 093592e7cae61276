use super::api::list_audit_log;
use super::current_workspace::use_route_workspace;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const FILTERS: &[(&str, &str)] = &[
    ("", "Everything"),
    ("member.", "Members"),
    ("invitation.", "Invitations"),
    ("settings.", "Settings"),
    ("ownership.", "Ownership"),
    ("workspace.", "Workspace"),
];

/// `/app/<handle>/audit`: sensitive actions, newest first, filterable (owners and admins).
#[component]
pub fn AuditPage() -> impl IntoView {
    let workspace = use_route_workspace();
    let query = use_query_map();
    let filter = move || query.read().get("action").unwrap_or_default();
    view! {
        <Title text="Audit log"/>
        <h1>"Audit log"</h1>
        <form method="get" class="filter-row">
            <label for="audit-filter">"Show"</label>
            <select id="audit-filter" name="action">
                {FILTERS.iter().map(|(v, label)| view! { <option value=*v selected=move || filter() == *v>{*label}</option> }).collect_view()}
            </select>
            <button type="submit" class="button button-secondary">"Filter"</button>
        </form>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let ws = workspace.await?;
                Ok::<_, app_core::error::AppError>(view! { <AuditList workspace_id=ws.id filter=Signal::derive(filter)/> })
            })}
        </Transition>
    }
}

/// The entries of one workspace, refetched when the filter changes.
#[component]
fn AuditList(workspace_id: String, filter: Signal<String>) -> impl IntoView {
    let entries = ui::resource(
        move || filter.get(),
        move |f| list_audit_log(workspace_id.clone(), Some(f)),
    );
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let list = entries.await?;
                Ok::<_, app_core::error::AppError>(if list.is_empty() {
                    view! { <p class="muted">"Nothing recorded yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="session-list" aria-label="Audit entries">
                            {list.into_iter().map(|e| view! {
                                <li class="session-row">
                                    <div>
                                        <p class="session-device">{e.summary.clone()}</p>
                                        <p class="muted">{format!("{} · {} · {} · {}", e.action, e.actor, e.at.get(..16).unwrap_or_default().replace('T', " "), e.ip)}</p>
                                    </div>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            })}
        </Transition>
    }
}
