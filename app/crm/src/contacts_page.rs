use super::api::list_contacts;
use super::bulk_bar::BulkBar;
use super::contact_filters::ContactFilters;
use super::contact_list::ContactList;
use super::crm_layout::use_crm;
use super::model::{ContactQuery, ContactView};
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use ui::{EmptyState, IconName};

/// The list's filters from the address bar.
pub fn query_from_url() -> Memo<ContactQuery> {
    let q = use_query_map();
    Memo::new(move |_| {
        let q = q.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        ContactQuery {
            q: get("q"),
            tag: get("tag"),
            source: get("source"),
            company: get("company"),
            owner: get("owner"),
            field: get("field"),
            value: get("value"),
            sort: get("sort"),
        }
    })
}

/// The query string of `q` (without `?`), for links that keep the filters.
pub fn query_string(q: &ContactQuery) -> String {
    use app_core::url::encode_query_value as enc;
    [
        ("q", &q.q),
        ("tag", &q.tag),
        ("source", &q.source),
        ("company", &q.company),
        ("owner", &q.owner),
        ("field", &q.field),
        ("value", &q.value),
        ("sort", &q.sort),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}", enc(v)))
    .collect::<Vec<_>>()
    .join("&")
}

/// `/app/<handle>/crm`: contacts with search, filters, sorting, "Load more" paging, and bulk
/// tag, delete and export of the selection.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let crm = use_crm();
    let query = query_from_url();
    let changed = RwSignal::new(0u32);
    let first = ui::resource(
        move || (query.get(), crm.version.get(), changed.get()),
        move |(q, _, _)| async move {
            let (ws, _) = crm.data.await?;
            list_contacts(ws.id, q, String::new()).await
        },
    );
    let more = RwSignal::new(Vec::<ContactView>::new());
    let next = RwSignal::new(None::<String>);
    let loading_more = RwSignal::new(false);
    let selected = RwSignal::new(Vec::<String>::new());
    // The list lives out here, not in the Suspend: a view the Transition still shows while the
    // next page loads must not read signals the Suspend has already disposed of.
    let shown = RwSignal::new(Vec::<ContactView>::new());
    let items = Signal::derive(move || {
        let mut all = shown.get();
        all.extend(more.get());
        all
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = first.get() {
            more.set(Vec::new());
            next.set(page.next.clone());
            selected.update(|s| s.retain(|id| page.items.iter().any(|c| &c.id == id)));
        }
    });
    view! {
        <Title text="Contacts"/>
        <Transition fallback=|| view! { <p class="muted">"Loading contacts…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = crm.data.await?;
                let page = first.await?;
                let total = page.total;
                // Also on the server, where effects do not run.
                shown.set(page.items.clone());
                let filtered = query.with(|q| [&q.q, &q.tag, &q.source, &q.company, &q.owner, &q.value].iter().any(|v| !v.is_empty()));
                let ws_id = ws.id.clone();
                let load_more = move |_| {
                    let Some(cursor) = next.get_untracked() else { return };
                    let (ws_id, q) = (ws_id.clone(), query.get_untracked());
                    loading_more.set(true);
                    spawn_local(async move {
                        if let Ok(p) = list_contacts(ws_id, q, cursor).await {
                            more.update(|m| m.extend(p.items));
                            next.set(p.next);
                        }
                        loading_more.set(false);
                    });
                };
                let export = {
                    let ws_id = ws.id.clone();
                    move || format!("/workspaces/{ws_id}/crm/contacts.csv?{}", query_string(&query.get()))
                };
                let new_href = format!("/app/{}/crm/contacts/new", ws.handle);
                let import_href = format!("/app/{}/crm/import", ws.handle);
                let billing = format!("/app/{}/billing", ws.handle);
                let limit = overview.contact_limit;
                let can_edit = overview.can_edit;
                Ok::<_, AppError>(view! {
                    <div class="page-head">
                        <h1>"Contacts"</h1>
                        <div class="actions">
                            <a class="button button-secondary" href=export download="">"Export CSV"</a>
                            {can_edit.then(|| view! { <a class="button button-primary" href=new_href.clone()>"New contact"</a> })}
                        </div>
                    </div>
                    <p class="muted">
                        {if limit >= 0 { format!("{} of {limit} contacts on your plan", overview.contacts) } else { format!("{} contacts", overview.contacts) }}
                    </p>
                    {(overview.waiting_signups > 0).then(|| view! {
                        <div class="banner banner-warning" role="status">
                            <p>{format!("{} signups from your bio page are waiting: your plan's contact limit is reached. They become contacts as soon as there is room.", overview.waiting_signups)}</p>
                            <a class="button button-secondary" href=billing.clone()>"See plans"</a>
                        </div>
                    })}
                    <ContactFilters overview=overview.clone() query/>
                    <p class="muted" aria-live="polite">{if filtered { format!("{total} matching") } else { String::new() }}</p>
                    {if total == 0 && !filtered {
                        view! {
                            <EmptyState icon=IconName::Users title="No contacts yet" body="Add people by hand, import a CSV, or let visitors sign up on your bio page.">
                                <div class="actions">
                                    {can_edit.then(|| view! { <a class="button button-primary" href=new_href.clone()>"New contact"</a> })}
                                    <a class="button button-secondary" href=import_href.clone()>"Import CSV"</a>
                                </div>
                            </EmptyState>
                        }.into_any()
                    } else if total == 0 {
                        view! { <EmptyState icon=IconName::Users title="No matches" body="No contact matches these filters. Clear them or try other words."/> }.into_any()
                    } else {
                        view! {
                            {can_edit.then(|| view! { <BulkBar workspace_id=ws.id.clone() selected changed query/> })}
                            <ContactList handle=ws.handle.clone() items selected selectable=can_edit/>
                            <Show when=move || next.with(Option::is_some)>
                                <button type="button" class="button button-secondary load-more" on:click=load_more.clone() disabled=move || loading_more.get()>
                                    {move || if loading_more.get() { "Loading…" } else { "Load more" }}
                                </button>
                            </Show>
                        }.into_any()
                    }}
                })
            })}
        </Transition>
    }
}
