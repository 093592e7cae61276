use super::api::{control_email_campaign, get_email_campaign};
use super::email_tabs::EmailTabs;
use super::model::CampaignStatus;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::time::Duration;
use ui::{use_toasts, ToastKind};
use workspaces::api::get_workspace;

/// `/app/<handle>/email/campaigns/<id>`: a campaign's message and progress, with send, pause,
/// resume and cancel. While it sends, the progress reloads every second.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let toasts = use_toasts();
    let version = RwSignal::new(0u32);
    let confirming = RwSignal::new(None::<&'static str>);
    let data = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("handle").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
                version.get(),
            )
        },
        |(handle, id, _)| async move {
            let ws = get_workspace(handle).await?;
            let c = get_email_campaign(ws.id.clone(), id).await?;
            Ok::<_, AppError>((ws.id, c))
        },
    );
    view! {
        <EmailTabs/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws_id, c) = data.await?;
                if c.status == CampaignStatus::Sending {
                    set_timeout(move || version.update(|v| *v += 1), Duration::from_secs(1));
                }
                let ws_id = StoredValue::new(ws_id);
                let id = StoredValue::new(c.id.clone());
                let act = move |action: &'static str| {
                    confirming.set(None);
                    spawn_local(async move {
                        match control_email_campaign(ws_id.get_value(), id.get_value(), action.into()).await {
                            Ok(_) => version.update(|v| *v += 1),
                            Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                        }
                    });
                };
                let status = c.status;
                let button = move |action: &'static str, label: &'static str, class: &'static str| {
                    view! { <button type="button" class=format!("button {class}") on:click=move |_| act(action)>{label}</button> }
                };
                Ok::<_, AppError>(view! {
                    <Title text=c.subject.clone()/>
                    <h1>{c.subject.clone()}</h1>
                    <p><span class="badge badge-accent">{c.status.label()}</span>{format!(" to {}", c.list_name)}</p>
                    {(status != CampaignStatus::Draft).then(|| view! {
                        <section class="card" aria-labelledby="progress">
                            <h2 id="progress">"Progress"</h2>
                            <progress class="campaign-progress" max=c.total.max(1) value=c.sent aria-label="Sent"></progress>
                            <p>{format!("{} of {} sent", c.sent, c.total)}{(c.failed > 0).then(|| format!(" · {} refused by the mail server", c.failed))}</p>
                        </section>
                    })}
                    <div class="button-row">
                        {match status {
                            CampaignStatus::Draft => view! {
                                <Show when=move || confirming.get() == Some("send") fallback=move || view! {
                                    <button type="button" class="button button-primary" on:click=move |_| confirming.set(Some("send"))>"Send now…"</button>
                                }>
                                    <div class="confirm-row" role="alertdialog" aria-label="Confirm send">
                                        <span>"Send to everyone subscribed to the list now?"</span>
                                        {button("send", "Send", "button-primary")}
                                        <button type="button" class="button button-ghost" on:click=move |_| confirming.set(None)>"Not yet"</button>
                                    </div>
                                </Show>
                            }.into_any(),
                            CampaignStatus::Sending => button("pause", "Pause", "button-secondary").into_any(),
                            CampaignStatus::Paused => button("resume", "Resume", "button-primary").into_any(),
                            _ => ().into_any(),
                        }}
                        {matches!(status, CampaignStatus::Sending | CampaignStatus::Paused).then(|| view! {
                            <Show when=move || confirming.get() == Some("cancel") fallback=move || view! {
                                <button type="button" class="button button-danger" on:click=move |_| confirming.set(Some("cancel"))>"Cancel…"</button>
                            }>
                                <div class="confirm-row" role="alertdialog" aria-label="Confirm cancel">
                                    <span>"Stop for good? Those not reached yet will not get it."</span>
                                    {button("cancel", "Cancel campaign", "button-danger")}
                                    <button type="button" class="button button-ghost" on:click=move |_| confirming.set(None)>"Keep going"</button>
                                </div>
                            </Show>
                        })}
                    </div>
                    <section class="card" aria-labelledby="message">
                        <h2 id="message">"Message"</h2>
                        {(!c.preview.is_empty()).then(|| view! { <p class="muted">{c.preview.clone()}</p> })}
                        <div class="campaign-body">{c.body.clone()}</div>
                    </section>
                })
            })}
        </Transition>
    }
}
