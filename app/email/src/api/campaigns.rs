//! Campaigns: drafts, sending, pausing, resuming and cancelling.

use crate::model::{Audiences, CampaignView, CampaignsOverview};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The workspace's campaigns and lists.
#[server(endpoint = "get_email_campaigns")]
pub async fn get_email_campaigns(workspace_id: String) -> Result<CampaignsOverview, AppError> {
    use crate::service::{campaigns, lists, segments};
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let lists = lists::list(&c.state, &scope).await?;
        Ok(CampaignsOverview {
            campaigns: campaigns::list(&c.state, &scope, &lists).await?,
            segments: segments::list(&c.state, &scope, "").await?,
            lists,
            can_edit: scope.role().can(Permission::EditContent),
        })
    })
    .await
}

/// The lists and segments a draft can go to (its page's "To").
#[server(endpoint = "get_email_audiences")]
pub async fn get_email_audiences(workspace_id: String) -> Result<Audiences, AppError> {
    use crate::service::{lists, segments};
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        Ok(Audiences {
            lists: lists::list(&c.state, &scope).await?,
            segments: segments::list(&c.state, &scope, "").await?,
        })
    })
    .await
}

/// One campaign with its progress.
#[server(endpoint = "get_email_campaign")]
pub async fn get_email_campaign(
    workspace_id: String,
    id: String,
) -> Result<CampaignView, AppError> {
    use crate::service::campaigns;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        campaigns::get(&c.state, &scope, &id).await
    })
    .await
}

/// Writes a draft's list (`<list>` or `<list>/<segment>`), subject and preview line (a new draft
/// when `id` is empty).
#[server(endpoint = "save_email_campaign")]
pub async fn save_email_campaign(
    workspace_id: String,
    #[server(default)] id: String,
    #[server(default)] list_id: String,
    #[server(default)] subject: String,
    #[server(default)] preview: String,
) -> Result<CampaignView, AppError> {
    use crate::service::campaigns;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            campaigns::save(&c.state, &scope, &id, &list_id, &subject, &preview).await
        },
    )
    .await
}

/// `action` (send, schedule, unschedule, pause, resume, cancel) on a campaign; `at` is the time
/// to schedule for, in the workspace's time zone (`YYYY-MM-DDTHH:MM`).
#[server(endpoint = "control_email_campaign")]
pub async fn control_email_campaign(
    workspace_id: String,
    id: String,
    action: String,
    #[server(default)] at: String,
) -> Result<CampaignView, AppError> {
    use crate::service::campaigns::{self, Action};
    use crate::service::schedule;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let act = if action == "schedule" {
                let (_, tz) = schedule::zone(&c.state, scope.workspace_id()).await?;
                let when = schedule::parse_local(&at, &tz)
                    .ok_or_else(|| AppError::invalid("at", "Pick a date and time."))?;
                Action::Schedule(when)
            } else {
                Action::parse(&action)
                    .ok_or_else(|| AppError::invalid("action", "Unknown action."))?
            };
            let done = campaigns::control(&c.state, &scope, &id, act).await?;
            c.audit(
                &scope,
                "email.campaign_control",
                format!("{action}: {}", done.subject),
            )
            .await?;
            Ok(done)
        },
    )
    .await
}
