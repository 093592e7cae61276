use super::api::{get_site_history, restore_site_revision};
use super::editor_state::use_editor;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, ToastKind};

/// The site's saved versions (each publish keeps one) and restoring one into the draft.
#[component]
pub fn HistoryPanel() -> impl IntoView {
    let e = use_editor();
    let toasts = use_toasts();
    let history = ui::resource(
        move || (e.published_at.get(), e.saves.get() == 0),
        move |_| {
            let (ws, site) = e.ids();
            get_site_history(ws, site)
        },
    );
    let restore = move |id: String| {
        spawn_local(async move {
            let (ws, site) = e.ids();
            match restore_site_revision(ws, site, id).await {
                Ok(site) => {
                    e.replace(site);
                    history.refetch();
                    toasts.show(
                        ToastKind::Success,
                        "Restored into your draft. Publish to make it live.",
                    );
                }
                Err(err) => toasts.error(&err),
            }
        });
    };
    view! {
        <p class="field-hint">"Each time you publish, the site is kept here. Restoring puts a version back into your draft (what it replaces is kept too); publish to make it live."</p>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let list = history.await?;
                Ok::<_, AppError>(if list.is_empty() {
                    view! { <p class="muted">"Nothing yet: versions appear when you publish."</p> }.into_any()
                } else {
                    view! {
                        <ol class="history-list" aria-label="Versions">
                            {list.into_iter().map(|r| {
                                let id = r.id.clone();
                                let when = r.at.get(..16).unwrap_or_default().replace('T', " ");
                                view! {
                                    <li class="card">
                                        <p><strong>{r.note.clone()}</strong>" · "{when}" · "{r.by.clone()}</p>
                                        <button type="button" class="button button-secondary" on:click=move |_| restore(id.clone())>"Restore this version"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                })
            })}
        </Transition>
    }
}
