use super::api::{get_email_campaigns, SaveEmailCampaign};
use super::audience_select::AudienceSelect;
use super::email_tabs::EmailTabs;
use super::model::CampaignStatus;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use ui::{EmptyState, Field, IconName};
use workspaces::api::get_workspace;

/// `/app/<handle>/email/campaigns`: campaigns with their progress, and a form that starts a new
/// draft and opens it in the editor.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveEmailCampaign>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let data = ui::resource(
        move || params.read().get("handle").unwrap_or_default(),
        |handle| async move {
            let ws = get_workspace(handle).await?;
            let overview = get_email_campaigns(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, overview))
        },
    );
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(c)) = save.value().get() {
            let handle = params.read_untracked().get("handle").unwrap_or_default();
            navigate(
                &format!("/app/{handle}/email/campaigns/{}", c.id),
                Default::default(),
            );
        }
    });
    view! {
        <Title text="Campaigns"/>
        <EmailTabs/>
        <h1>"Campaigns"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = data.await?;
                let handle = ws.handle.clone();
                let list = if overview.campaigns.is_empty() {
                    view! { <EmptyState icon=IconName::Mail title="No campaigns yet" body="Write to everyone on a list: a newsletter, an announcement, an offer."/> }.into_any()
                } else {
                    view! {
                        <ul class="email-lists" aria-label="Campaigns">
                            {overview.campaigns.into_iter().map(|c| view! {
                                <li class="card">
                                    <h2><a href=format!("/app/{handle}/email/campaigns/{}", c.id)>{c.subject.clone()}</a></h2>
                                    <p><span class="badge">{c.status.label()}</span>{format!(" to {}", c.list_name)}{(!matches!(c.status, CampaignStatus::Draft | CampaignStatus::Scheduled)).then(|| format!(" · {} of {} sent", c.sent, c.total))}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                Ok::<_, AppError>(view! {
                    {list}
                    {overview.can_edit.then(|| if overview.lists.is_empty() {
                        view! { <p class="muted">"Create a list first: a campaign goes to one list."</p> }.into_any()
                    } else {
                        view! {
                            <section class="card" aria-labelledby="new-campaign">
                                <h2 id="new-campaign">"New campaign"</h2>
                                <ActionForm action=save attr:class="form">
                                    <FormError error/>
                                    <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                                    <AudienceSelect lists=overview.lists.clone() segments=overview.segments.clone() error/>
                                    <Field label="Subject" name="subject" required=true autocomplete="off" error/>
                                    <Field label="Preview text" name="preview" hint="Shown after the subject in most inboxes." autocomplete="off" error/>
                                    <button type="submit" class="button button-primary">"Create and write the email"</button>
                                </ActionForm>
                            </section>
                        }.into_any()
                    })}
                })
            })}
        </Transition>
    }
}
