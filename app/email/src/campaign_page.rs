use super::api::{control_email_campaign, get_email_campaign};
use super::campaign_progress::CampaignProgress;
use super::campaign_report::CampaignReport;
use super::campaign_settings::CampaignSettings;
use super::email_preview_pane::EmailPreviewPane;
use super::email_tabs::EmailTabs;
use super::model::{CampaignStatus, CampaignView};
use super::schedule_row::ScheduleRow;
use super::template_editor::TemplateEditor;
use super::template_state::{Saving, Template};
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use ui::{use_toasts, ToastKind};
use workspaces::api::get_workspace;

/// "Weekly letter", or "Weekly letter › Openers" for a segment.
fn audience_of(c: &CampaignView) -> String {
    match c.segment_name.as_str() {
        "" => c.list_name.clone(),
        segment => format!("{} › {segment}", c.list_name),
    }
}

/// `/app/<handle>/email/campaigns/<id>`: a draft's subject, block editor and preview with a test
/// send; once scheduled, when it goes; once sending, its progress and report. Send, schedule,
/// unschedule, pause, resume and cancel.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let toasts = use_toasts();
    let version = RwSignal::new(0u32);
    let confirming = RwSignal::new(None::<&'static str>);
    let data = ui::resource(
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
            Ok::<_, AppError>((ws.id, ws.time_zone, c))
        },
    );
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <EmailTabs/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws_id, time_zone, c) = data.await?;
                let status = c.status;
                // A sequence's email stays editable: it goes out to each person in their time.
                let step_of = (!c.sequence_id.is_empty()).then(|| c.sequence_id.clone());
                let draft = status == CampaignStatus::Draft && step_of.is_none();
                let template = ((draft || step_of.is_some()) && c.can_edit)
                    .then(|| Template::provide(ws_id.clone(), c.id.clone(), c.blocks.clone()));
                let subject = RwSignal::new(c.subject.clone());
                let audience = RwSignal::new(audience_of(&c));
                let ids = StoredValue::new((ws_id.clone(), c.id.clone()));
                let act = move |action: &'static str| {
                    confirming.set(None);
                    spawn_local(async move {
                        let (ws, id) = ids.get_value();
                        match control_email_campaign(ws, id, action.into(), String::new()).await {
                            Ok(_) => version.update(|v| *v += 1),
                            Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                        }
                    });
                };
                let button = move |action: &'static str, label: &'static str, class: &'static str| {
                    view! { <button type="button" class=format!("button {class}") on:click=move |_| act(action)>{label}</button> }
                };
                // Sending waits for the autosave, so what goes out is what is on screen.
                let unsaved = move || template.is_some_and(|t| t.saving.get() != Saving::Saved);
                let campaign = step_of.is_none();
                let edit = c.can_edit && campaign;
                let back = step_of.map(|seq| {
                    let handle = params.read_untracked().get("handle").unwrap_or_default();
                    view! {
                        <p><a href=format!("/app/{handle}/email/sequences/{seq}")>"← Back to the sequence"</a></p>
                        <p class="muted">{format!("An email of a sequence: sent {}, opened by {}, clicked by {}.", c.sent, c.opens, c.clicks)}</p>
                    }
                });
                Ok::<_, AppError>(view! {
                    {back}
                    <Title text=move || subject.get()/>
                    <h1>{move || subject.get()}</h1>
                    {campaign.then(|| view! {
                        <p><span class="badge badge-accent">{c.status.label()}</span>{move || format!(" to {}", audience.get())}</p>
                    })}
                    {(!draft && campaign).then(|| view! { <CampaignProgress workspace_id=ws_id.clone() campaign=c.clone() finished=reload/> })}
                    {edit.then(|| view! {
                        <div class="button-row">
                            {match status {
                                CampaignStatus::Draft => {
                                    let (ws_id, id, time_zone) = (ws_id.clone(), c.id.clone(), time_zone.clone());
                                    view! {
                                        <Show when=move || confirming.get().is_none()>
                                            <button type="button" class="button button-primary" disabled=unsaved on:click=move |_| confirming.set(Some("send"))>"Send now…"</button>
                                            <button type="button" class="button button-secondary" disabled=unsaved on:click=move |_| confirming.set(Some("schedule"))>"Schedule…"</button>
                                        </Show>
                                        <Show when=move || confirming.get() == Some("send")>
                                            <div class="confirm-row" role="alertdialog" aria-label="Confirm send">
                                                <span>"Send to everyone subscribed to the list now?"</span>
                                                {button("send", "Send", "button-primary")}
                                                <button type="button" class="button button-ghost" on:click=move |_| confirming.set(None)>"Not yet"</button>
                                            </div>
                                        </Show>
                                        <Show when=move || confirming.get() == Some("schedule")>
                                            <ScheduleRow workspace_id=ws_id.clone() campaign_id=id.clone() time_zone=time_zone.clone()
                                                done=reload close=Callback::new(move |()| confirming.set(None))/>
                                        </Show>
                                    }.into_any()
                                }
                                CampaignStatus::Scheduled => button("unschedule", "Unschedule and edit", "button-secondary").into_any(),
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
                    })}
                    {(!draft && campaign && status != CampaignStatus::Scheduled).then(|| view! { <CampaignReport workspace_id=ws_id.clone() campaign=c.clone()/> })}
                    {template.map(|_| view! {
                        <CampaignSettings workspace_id=ws_id.clone() campaign=c.clone()
                            saved=Callback::new(move |s: CampaignView| {
                                subject.set(s.subject.clone());
                                audience.set(audience_of(&s));
                            })/>
                    })}
                    <div class="email-compose">
                        {template.map(|_| view! { <TemplateEditor/> })}
                        <EmailPreviewPane workspace_id=ws_id.clone() campaign_id=c.id.clone()
                            version=Signal::derive(move || template.map(|t| t.saved.get()).unwrap_or(0))
                            can_test=c.can_edit/>
                    </div>
                })
            })}
        </Transition>
    }
}
