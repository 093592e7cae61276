use super::api::{delete_contacts, get_contact};
use super::contact_form::ContactForm;
use super::crm_layout::use_crm;
use super::deal_form::NewDealForm;
use super::note_form::NoteForm;
use super::task_list::TaskList;
use super::timeline::Timeline;
use app_core::error::AppError;
use app_core::money::money;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use ui::{use_toasts, ToastKind};

/// `/app/<handle>/crm/contacts/<id>` (or `new`): the contact's details, notes, tasks, deals and
/// timeline.
#[component]
pub fn ContactPage() -> impl IntoView {
    let crm = use_crm();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let changed = RwSignal::new(0u32);
    let detail = ui::resource(
        move || (id(), changed.get()),
        move |(id, _)| async move {
            let (ws, _) = crm.data.await?;
            if id == "new" {
                return Ok(None);
            }
            get_contact(ws.id, id).await.map(Some)
        },
    );
    let navigate = use_navigate();
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || {
                let navigate = navigate.clone();
                Suspend::new(async move {
                    let (ws, overview) = crm.data.await?;
                    let detail = detail.await?;
                    let back = format!("/app/{}/crm", ws.handle);
                    let Some(d) = detail else {
                        let handle = ws.handle.clone();
                        let on_saved = Callback::new(move |c: super::model::ContactView| {
                            crm.refresh();
                            navigate(&format!("/app/{handle}/crm/contacts/{}", c.id), Default::default());
                        });
                        return Ok::<_, AppError>(view! {
                            <Title text="New contact"/>
                            <div class="page-head"><h1>"New contact"</h1><a class="button button-ghost" href=back>"Back to contacts"</a></div>
                            <section class="card"><ContactForm workspace_id=ws.id.clone() overview contact=None on_saved/></section>
                        }.into_any());
                    };
                    let name = d.contact.display_name();
                    let on_saved = Callback::new(move |_| {
                        changed.update(|v| *v += 1);
                        crm.refresh();
                    });
                    let can_edit = overview.can_edit;
                    Ok(view! {
                        <Title text=name.clone()/>
                        <div class="page-head">
                            <h1>{name.clone()}</h1>
                            <a class="button button-ghost" href=back.clone()>"Back to contacts"</a>
                        </div>
                        <p class="muted">{format!("{} · added {}", d.contact.source.label(), d.contact.created_at.get(..10).unwrap_or_default())}</p>
                        <div class="crm-detail">
                            <section class="card" aria-labelledby="details-heading">
                                <h2 id="details-heading">"Details"</h2>
                                {if can_edit {
                                    view! { <ContactForm workspace_id=ws.id.clone() overview=overview.clone() contact=Some(d.contact.clone()) on_saved/> }.into_any()
                                } else {
                                    view! { <ReadOnly contact=d.contact.clone()/> }.into_any()
                                }}
                                {can_edit.then(|| view! { <DeleteContact workspace_id=ws.id.clone() id=d.contact.id.clone() name=name.clone() back=back.clone()/> })}
                            </section>
                            <div class="crm-side">
                                {can_edit.then(|| view! { <NoteForm workspace_id=ws.id.clone() contact_id=d.contact.id.clone() deal_id=String::new() changed/> })}
                                <TaskList workspace_id=ws.id.clone() tasks=d.tasks.clone() contact_id=d.contact.id.clone() deal_id=String::new() members=overview.members.clone() can_edit changed handle=ws.handle.clone()/>
                                <section class="card" aria-labelledby="deals-heading">
                                    <h2 id="deals-heading">"Deals"</h2>
                                    {can_edit.then(|| {
                                        let on_added = Callback::new(move |_| changed.update(|v| *v += 1));
                                        view! {
                                            <details class="add-deal">
                                                <summary>"Add a deal"</summary>
                                                <NewDealForm ws_id=ws.id.clone() pipeline_id=String::new() stages=Vec::new() currency=ws.currency.clone() members=overview.members.clone() contact_id=d.contact.id.clone() on_added/>
                                            </details>
                                        }
                                    })}
                                    {if d.deals.is_empty() {
                                        view! { <p class="muted">"No deals with this contact yet."</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="plain-list">
                                                {d.deals.iter().map(|deal| view! {
                                                    <li><a href=format!("/app/{}/crm/deals/{}", ws.handle, deal.id)>{deal.title.clone()}</a>
                                                    " · "{money(deal.value, &deal.currency)}" · "{deal.status.label()}</li>
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </section>
                                <Timeline workspace_id=ws.id.clone() entries=d.timeline.clone() can_edit changed/>
                            </div>
                        </div>
                    }.into_any())
                })
            }}
        </Transition>
    }
}

#[component]
fn ReadOnly(contact: super::model::ContactView) -> impl IntoView {
    view! {
        <dl class="details">
            <dt>"Emails"</dt><dd>{contact.emails.join(", ")}</dd>
            <dt>"Phones"</dt><dd>{contact.phones.join(", ")}</dd>
            <dt>"Company"</dt><dd>{contact.company_name.unwrap_or_default()}</dd>
            <dt>"Tags"</dt><dd>{contact.tags.join(", ")}</dd>
        </dl>
    }
}

#[component]
fn DeleteContact(workspace_id: String, id: String, name: String, back: String) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let crm = use_crm();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let (ws, id, back) = (
        StoredValue::new(workspace_id),
        StoredValue::new(id),
        StoredValue::new(back),
    );
    let delete = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match delete_contacts(ws.get_value(), vec![id.get_value()]).await {
                Ok(_) => {
                    toasts.show(ToastKind::Success, "Contact deleted.");
                    crm.refresh();
                    navigate(&back.get_value(), Default::default());
                }
                Err(e) => toasts.show(ToastKind::Error, e.to_string()),
            }
        });
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! { <button type="button" class="button button-ghost danger-text" on:click=move |_| confirming.set(true)>"Delete contact…"</button> }
        >
            <div class="confirm-row" role="alertdialog" aria-label="Confirm delete">
                <p>{format!("Delete {name} with their notes and tasks? This cannot be undone.")}</p>
                <button type="button" class="button button-danger" on:click=delete.clone()>"Delete"</button>
                <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
            </div>
        </Show>
    }
}
