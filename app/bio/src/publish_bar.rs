use super::builder_state::{use_builder, SaveStatus};
use leptos::prelude::*;
use ui::{use_toasts, Icon, IconName, ToastKind};

/// Autosave state, the public address, "Publish", and on phones the preview toggle.
#[component]
pub fn PublishBar(#[prop(into)] public_url: String, preview_open: RwSignal<bool>) -> impl IntoView {
    let b = use_builder();
    let toasts = use_toasts();
    let publishing = RwSignal::new(false);
    let status = move || b.status.get().describe(b.error.get().as_ref());
    let failed = move || matches!(b.status.get(), SaveStatus::Failed);
    let live = move || b.published_at.get().is_some();
    let can_publish = move || {
        b.status.get() == SaveStatus::Saved && !publishing.get() && (!live() || b.unpublished.get())
    };
    let publish = move |_| {
        publishing.set(true);
        b.publish(move |r| {
            publishing.set(false);
            match r {
                Ok(()) => toasts.show(ToastKind::Success, "Published. Your page is live."),
                Err(e) => toasts.error(&e),
            }
        });
    };
    view! {
        <div class="publish-bar">
            <p class="save-status" role="status" class:save-problem=move || matches!(b.status.get(), SaveStatus::Invalid | SaveStatus::Failed)>
                {status}
            </p>
            <Show when=failed>
                <button type="button" class="button button-secondary" on:click=move |_| b.save_now()>"Retry"</button>
            </Show>
            <div class="publish-actions">
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
                    <a class="button button-ghost" href=public_url.clone() target="_blank" rel="external noopener">"View page"</a>
                </Show>
                <button type="button" class="button button-primary" disabled=move || !can_publish() on:click=publish>
                    {move || if publishing.get() {
                        "Publishing…"
                    } else if live() && !b.unpublished.get() {
                        "Published"
                    } else {
                        "Publish"
                    }}
                </button>
            </div>
        </div>
    }
}
