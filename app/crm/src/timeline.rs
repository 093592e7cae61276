use super::api::delete_note;
use super::model::ActivityView;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, ToastKind};

/// Everything that happened to a contact or deal, newest first, from every module.
#[component]
pub fn Timeline(
    workspace_id: String,
    entries: Vec<ActivityView>,
    can_edit: bool,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let toasts = use_toasts();
    let ws = StoredValue::new(workspace_id);
    view! {
        <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            {if entries.is_empty() {
                view! { <p class="muted">"Nothing has happened yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="timeline" aria-label="Timeline">
                        {entries.into_iter().map(|e| {
                            let id = e.id.clone();
                            let when = e.at.get(..16).unwrap_or_default().replace('T', " ");
                            let who = e.actor_name.clone().map(|n| format!(" · {n}")).unwrap_or_default();
                            let deletable = e.can_delete;
                            view! {
                                <li class="timeline-entry" data-module=e.module.clone()>
                                    <p class="timeline-head"><strong>{e.title()}</strong><span class="muted">{format!(" {when} UTC{who}")}</span></p>
                                    <p class="timeline-body">{e.summary.clone()}</p>
                                    {(deletable && can_edit).then(|| view! {
                                        <button type="button" class="button button-ghost button-small" on:click=move |_| {
                                            let id = id.clone();
                                            spawn_local(async move {
                                                match delete_note(ws.get_value(), id).await {
                                                    Ok(()) => { toasts.show(ToastKind::Success, "Note deleted."); changed.update(|v| *v += 1); }
                                                    Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                                                }
                                            });
                                        }>"Delete note"</button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
