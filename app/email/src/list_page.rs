use super::api::{add_contacts_to_list, delete_email_list, get_email_subscribers};
use super::email_tabs::EmailTabs;
use super::list_settings::ListSettings;
use super::segments_card::SegmentsCard;
use super::subscriber_row::SubscriberRow;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use ui::{use_toasts, EmptyState, IconName, ToastKind};
use workspaces::api::get_workspace;

const FILTERS: &[(&str, &str)] = &[
    ("", "All"),
    ("subscribed", "Subscribed"),
    ("pending", "Waiting"),
    ("unsubscribed", "Left"),
];

/// `/app/<handle>/email/lists/<id>`: a list's subscribers with their consent, its form's
/// address, its settings, adding contacts by tag, and deleting the list.
#[component]
pub fn ListPage() -> impl IntoView {
    let params = use_params_map();
    let toasts = use_toasts();
    let status = RwSignal::new(String::new());
    let version = RwSignal::new(0u32);
    let data = ui::resource(
        move || {
            let p = params.read();
            (
                p.get("handle").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
                status.get(),
                version.get(),
            )
        },
        |(handle, id, status, _)| async move {
            let ws = get_workspace(handle).await?;
            let page = get_email_subscribers(ws.id.clone(), id, status, String::new()).await?;
            Ok::<_, AppError>((ws, page))
        },
    );
    let tag = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    view! {
        <EmailTabs/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || {
                let navigate = navigate.clone();
                Suspend::new(async move {
                let (ws, page) = data.await?;
                let ws_id = StoredValue::new(ws.id.clone());
                let list_id = StoredValue::new(page.list.id.clone());
                let list_name = page.list.name.clone();
                let back = format!("/app/{}/email", ws.handle);
                let add = move |_| {
                    let t = tag.get_untracked();
                    spawn_local(async move {
                        match add_contacts_to_list(ws_id.get_value(), list_id.get_value(), t, String::new()).await {
                            Ok(n) => { toasts.show(ToastKind::Success, format!("{n} added.")); version.update(|v| *v += 1); }
                            Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                        }
                    });
                };
                let delete = {
                    let back = back.clone();
                    let navigate = navigate.clone();
                    move |_| {
                        let back = back.clone();
                        let navigate = navigate.clone();
                        spawn_local(async move {
                            match delete_email_list(ws_id.get_value(), list_id.get_value()).await {
                                Ok(()) => { toasts.show(ToastKind::Success, "List deleted."); navigate(&back, Default::default()); }
                                Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                            }
                        });
                    }
                };
                Ok::<_, AppError>(view! {
                    <Title text=list_name.clone()/>
                    <p><a href=back.clone()>"← Lists"</a></p>
                    <h1>{list_name.clone()}</h1>
                    <dl class="stat-tiles">
                        <div class="card"><dt>"Subscribed"</dt><dd>{page.list.subscribed}</dd></div>
                        <div class="card"><dt>"Waiting for confirmation"</dt><dd>{page.list.pending}</dd></div>
                        <div class="card"><dt>"Left"</dt><dd>{page.list.unsubscribed}</dd></div>
                    </dl>
                    <section class="card" aria-labelledby="form-link">
                        <h2 id="form-link">"Signup form"</h2>
                        <p class="muted">"Share this address, or link to it from your bio page. It works without JavaScript."</p>
                        <p><a href=page.list.form_url.clone() target="_blank" rel="noopener">{page.list.form_url.clone()}</a></p>
                    </section>
                    {page.can_edit.then(|| view! {
                        <section class="card" aria-labelledby="add-contacts">
                            <h2 id="add-contacts">"Add contacts"</h2>
                            {if page.tags.is_empty() {
                                view! { <p class="muted">"Tag contacts in the CRM, then add them here by tag."</p> }.into_any()
                            } else {
                                view! {
                                    <div class="field">
                                        <label for="add-tag">"Contacts tagged"</label>
                                        <select id="add-tag" on:change=move |ev| tag.set(event_target_value(&ev))>
                                            <option value="">"Choose a tag"</option>
                                            {page.tags.iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <p class="field-hint">"Add only people who agreed to hear from you. Those who left the list stay off."</p>
                                    <button type="button" class="button button-secondary" on:click=add>"Add to list"</button>
                                }.into_any()
                            }}
                        </section>
                    })}
                    {page.can_edit.then(|| view! {
                        <ListSettings workspace_id=ws_id.get_value() list=page.list.clone()
                            saved=Callback::new(move |_| version.update(|v| *v += 1))/>
                    })}
                    <SegmentsCard ws_id=ws_id.get_value() list_id=list_id.get_value() tags=page.tags.clone() can_edit=page.can_edit/>
                    <nav class="tabs" aria-label="Show">
                        {FILTERS.iter().map(|(key, label)| view! {
                            <button type="button" class="tab" aria-pressed=move || (status.get() == *key).to_string() on:click=move |_| status.set(key.to_string())>{*label}</button>
                        }).collect_view()}
                    </nav>
                    {if page.subscribers.is_empty() {
                        view! { <EmptyState icon=IconName::Mail title="Nobody here yet" body="Share the signup form or add contacts by tag."/> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list" aria-label="Subscribers">
                                {page.subscribers.into_iter().map(|s| view! {
                                    <SubscriberRow ws_id=ws_id.get_value() list_id=list_id.get_value() subscriber=s can_edit=page.can_edit on_change=Callback::new(move |_| version.update(|v| *v += 1))/>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {page.more.then(|| view! { <p class="muted">"Showing the newest 50."</p> })}
                    {page.can_edit.then(|| view! {
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! { <button type="button" class="button button-danger" on:click=move |_| confirming.set(true)>"Delete list…"</button> }
                        >
                            <div class="confirm-row" role="alertdialog" aria-label="Confirm delete">
                                <span>"Delete the list and every subscriber's record?"</span>
                                <button type="button" class="button button-danger" on:click=delete.clone()>"Delete"</button>
                                <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
                            </div>
                        </Show>
                    })}
                })
            })}}
        </Transition>
    }
}
