use super::api::send_test_email_campaign;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, ToastKind};

/// The campaign as readers will see it, at phone or desktop width, reloaded after every save
/// (`version`), with "Send a test" to the member's own address when they may edit.
#[component]
pub fn EmailPreviewPane(
    workspace_id: String,
    campaign_id: String,
    #[prop(into)] version: Signal<u32>,
    can_test: bool,
) -> impl IntoView {
    let toasts = use_toasts();
    let wide = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let src = {
        let (ws, id) = (workspace_id.clone(), campaign_id.clone());
        move || format!("/email/{ws}/campaigns/{id}/preview?v={}", version.get())
    };
    let ids = StoredValue::new((workspace_id, campaign_id));
    let send_test = move |_| {
        sending.set(true);
        let (ws, id) = ids.get_value();
        spawn_local(async move {
            match send_test_email_campaign(ws, id).await {
                Ok(to) => toasts.show(ToastKind::Success, format!("Test sent to {to}.")),
                Err(e) => toasts.show(ToastKind::Error, e.to_string()),
            }
            sending.set(false);
        });
    };
    let width = move |label: &'static str, is_wide: bool| {
        view! {
            <button type="button" class="button button-ghost" aria-pressed=move || (wide.get() == is_wide).to_string()
                on:click=move |_| wide.set(is_wide)>{label}</button>
        }
    };
    view! {
        <section class="card" aria-labelledby="email-preview">
            <div class="section-head">
                <h2 id="email-preview">"Preview"</h2>
                <div class="button-row" role="group" aria-label="Preview width">
                    {width("Phone", false)}
                    {width("Desktop", true)}
                </div>
            </div>
            <div class="email-preview" class:email-preview-wide=wide>
                // A new frame for each version: changing a frame's address would add an entry to
                // the tab's history, and Back would step through old previews.
                <For each=move || std::iter::once(src()) key=|src| src.clone() let:src>
                    <iframe class="email-preview-frame" title="Preview of the email" src=src
                        sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>
                </For>
            </div>
            {can_test.then(|| view! {
                <div class="button-row">
                    <button type="button" class="button button-secondary" disabled=sending on:click=send_test>
                        {move || if sending.get() { "Sending…" } else { "Send a test to me" }}
                    </button>
                </div>
            })}
        </section>
    }
}
