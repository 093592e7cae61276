use super::api::{get_email_suppressions, lift_email_suppression};
use super::email_tabs::EmailTabs;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use ui::{use_toasts, EmptyState, IconName, ToastKind};
use workspaces::api::get_workspace;

/// `/app/<handle>/email/suppressed`: addresses no campaign writes to any more because mail to
/// them bounced for good or their reader marked it as spam, with why and when; an editor can
/// lift one (after a confirmation) once the address works again.
#[component]
pub fn SuppressedPage() -> impl IntoView {
    let params = use_params_map();
    let toasts = use_toasts();
    let version = RwSignal::new(0u32);
    let confirming = RwSignal::new(None::<String>);
    let data = ui::resource(
        move || {
            (
                params.read().get("handle").unwrap_or_default(),
                version.get(),
            )
        },
        |(handle, _)| async move {
            let ws = get_workspace(handle).await?;
            let page = get_email_suppressions(ws.id.clone()).await?;
            Ok::<_, AppError>((ws.id, page))
        },
    );
    view! {
        <Title text="Suppressed addresses"/>
        <EmailTabs/>
        <h1>"Suppressed addresses"</h1>
        <p class="muted">"Campaigns skip these addresses: mail to them bounced for good, or the reader marked it as spam. They are off every list; lifting a suppression lets them be added again."</p>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws_id, page) = data.await?;
                let off = (!page.webhooks_on).then(|| view! {
                    <p class="field-hint" role="note">"Bounce reports are off on this server: they need EMAIL_WEBHOOK_TOKEN (Postmark) or SNS_TOPIC_ARNS (Amazon SES) set by whoever runs Mewayz."</p>
                });
                if page.suppressed.is_empty() {
                    return Ok::<_, AppError>(view! {
                        {off}
                        <EmptyState icon=IconName::Shield title="Nothing suppressed" body="Bounces and spam complaints reported by your mail provider appear here."/>
                    }.into_any());
                }
                let ws_id = StoredValue::new(ws_id);
                let lift = move |email: String| {
                    confirming.set(None);
                    spawn_local(async move {
                        match lift_email_suppression(ws_id.get_value(), email.clone()).await {
                            Ok(()) => {
                                toasts.show(ToastKind::Success, format!("{email} can be added again."));
                                version.update(|v| *v += 1);
                            }
                            Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                        }
                    });
                };
                let can_edit = page.can_edit;
                Ok(view! {
                    {off}
                    <ul class="email-lists" aria-label="Suppressed addresses">
                        {page.suppressed.into_iter().map(|s| {
                            let email = StoredValue::new(s.email.clone());
                            let asking = move || confirming.get().as_deref() == Some(email.get_value().as_str());
                            view! {
                                <li class="card">
                                    <h2>{s.email.clone()}</h2>
                                    <p><span class="badge">{s.reason.label()}</span>" "<time datetime=s.at.clone()>{s.at.get(..10).unwrap_or_default().to_owned()}</time></p>
                                    {(!s.detail.is_empty()).then(|| view! { <p class="muted">{s.detail.clone()}</p> })}
                                    {can_edit.then(|| view! {
                                        <Show when=asking fallback=move || view! {
                                            <button type="button" class="button button-secondary" on:click=move |_| confirming.set(Some(email.get_value()))>
                                                {format!("Lift suppression of {}…", email.get_value())}
                                            </button>
                                        }>
                                            <div class="confirm-row" role="alertdialog" aria-label="Confirm lifting">
                                                <span>"Only if the address works again and its owner wants your mail."</span>
                                                <button type="button" class="button button-primary" on:click=move |_| lift(email.get_value())>"Lift"</button>
                                                <button type="button" class="button button-ghost" on:click=move |_| confirming.set(None)>"Keep"</button>
                                            </div>
                                        </Show>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any())
            })}
        </Transition>
    }
}
