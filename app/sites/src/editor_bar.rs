use super::editor_state::{use_editor, SaveStatus};
use leptos::prelude::*;
use ui::{use_toasts, Icon, IconName, ToastKind};

/// Autosave state, undo and redo, the public address, "Publish", and on phones the preview
/// toggle.
#[component]
pub fn EditorBar(#[prop(into)] public_url: String, preview_open: RwSignal<bool>) -> impl IntoView {
    let e = use_editor();
    let toasts = use_toasts();
    let publishing = RwSignal::new(false);
    let status = move || e.status.get().describe(e.error.get().as_ref());
    let live = move || e.published_at.get().is_some();
    let can_publish = move || {
        e.status.get() == SaveStatus::Saved && !publishing.get() && (!live() || e.unpublished.get())
    };
    let publish = move |_| {
        publishing.set(true);
        e.publish(move |r| {
            publishing.set(false);
            match r {
                Ok(()) => toasts.show(ToastKind::Success, "Published. Your site is live."),
                Err(err) => toasts.error(&err),
            }
        });
    };
    view! {
        <div class="publish-bar">
            <p class="save-status" role="status" class:save-problem=move || matches!(e.status.get(), SaveStatus::Invalid | SaveStatus::Failed)>
                {status}
            </p>
            <Show when=move || e.status.get() == SaveStatus::Failed>
                <button type="button" class="button button-secondary" on:click=move |_| e.save_now()>"Retry"</button>
            </Show>
            <div class="publish-actions">
                <button type="button" class="icon-button" aria-label="Undo" title="Undo (Ctrl+Z)"
                    disabled=move || e.history.get().0 == 0 on:click=move |_| e.undo()>
                    <Icon name=IconName::Undo/>
                </button>
                <button type="button" class="icon-button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)"
                    disabled=move || e.history.get().1 == 0 on:click=move |_| e.redo()>
                    <Icon name=IconName::Redo/>
                </button>
                <button
                    type="button"
                    class="button button-secondary preview-toggle"
                    aria-pressed=move || preview_open.get().to_string()
                    on:click=move |_| preview_open.update(|o| *o = !*o)
                >
                    <Icon name=IconName::Eye/>
                    {move || if preview_open.get() { "Edit" } else { "Preview" }}
                </button>
                <Show when=live>
                    <a class="button button-ghost" href=public_url.clone() target="_blank" rel="external noopener">"View site"</a>
                </Show>
                <button type="button" class="button button-primary" disabled=move || !can_publish() on:click=publish>
                    {move || if publishing.get() {
                        "Publishing…"
                    } else if live() && !e.unpublished.get() {
                        "Published"
                    } else {
                        "Publish"
                    }}
                </button>
            </div>
        </div>
    }
}
