use super::api::get_email_campaign;
use super::model::{CampaignStatus, CampaignView};
use leptos::prelude::*;
use std::time::Duration;

/// A campaign's progress bar (or, while scheduled, when it goes), read again every second while
/// it waits or sends; `finished` hears when it moves on (starts, ends, or was paused or
/// cancelled elsewhere).
#[component]
pub fn CampaignProgress(
    workspace_id: String,
    campaign: CampaignView,
    finished: Callback<()>,
) -> impl IntoView {
    let started_as = campaign.status;
    let live = |s: CampaignStatus| matches!(s, CampaignStatus::Scheduled | CampaignStatus::Sending);
    let now = RwSignal::new(campaign);
    let ids = StoredValue::new(workspace_id);
    if live(started_as) {
        let tick = move || {
            let (ws, id) = (ids.get_value(), now.with_untracked(|c| c.id.clone()));
            leptos::task::spawn_local(async move {
                if let Ok(c) = get_email_campaign(ws, id).await {
                    let done = c.status != started_as;
                    if now.try_set(c).is_some() {
                        return;
                    }
                    if done {
                        finished.run(());
                    }
                }
            });
        };
        // One read a second for as long as this component lives and nothing changed.
        Effect::new(move |_| {
            if now.with(|c| c.status == started_as) {
                let handle = set_timeout_with_handle(tick, Duration::from_secs(1)).ok();
                on_cleanup(move || {
                    if let Some(h) = handle {
                        h.clear();
                    }
                });
            }
        });
    }
    if started_as == CampaignStatus::Scheduled {
        return view! {
            <section class="card" aria-labelledby="progress">
                <h2 id="progress">"Scheduled"</h2>
                <p>{move || now.with(|c| format!("Goes out {}.", c.scheduled_for))}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby="progress">
            <h2 id="progress">"Progress"</h2>
            <progress class="campaign-progress" max=move || now.with(|c| c.total.max(1)) value=move || now.with(|c| c.sent) aria-label="Sent"></progress>
            <p>{move || now.with(|c| {
                let mut line = format!("{} of {} sent", c.sent, c.total);
                if c.failed > 0 {
                    line.push_str(&format!(" · {} refused by the mail server", c.failed));
                }
                line
            })}</p>
            <Show when=move || now.with(|c| !c.waiting.is_empty() && c.status == CampaignStatus::Sending)>
                <p class="muted" role="status">{move || now.with(|c| c.waiting.clone())}</p>
            </Show>
        </section>
    }
    .into_any()
}
