//! A campaign's content: its blocks, the preview, a test send, and the report once it is sent.

use crate::model::{CampaignReport, CampaignView, EmailPreview};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The longest `blocks` a save accepts, in bytes of JSON.
pub const MAX_BLOCKS_JSON: usize = 256 * 1024;

/// The editor's autosave: a draft's blocks, as JSON.
#[server(endpoint = "save_email_blocks")]
pub async fn save_email_blocks(
    workspace_id: String,
    id: String,
    blocks: String,
) -> Result<CampaignView, AppError> {
    use crate::service::campaigns;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let unreadable = || {
                AppError::invalid(
                    "blocks",
                    "The email could not be read. Reload and try again.",
                )
            };
            if blocks.len() > MAX_BLOCKS_JSON {
                return Err(AppError::invalid("blocks", "The email is too long."));
            }
            let blocks = serde_json::from_str(&blocks).map_err(|_| unreadable())?;
            campaigns::save_blocks(&c.state, &scope, &id, blocks).await
        },
    )
    .await
}

/// The campaign as readers will see it (links untracked, no name known).
#[server(endpoint = "preview_email_campaign")]
pub async fn preview_email_campaign(
    workspace_id: String,
    id: String,
) -> Result<EmailPreview, AppError> {
    use crate::service::preview;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        preview::preview(&c.state, &scope, &id).await
    })
    .await
}

/// Sends the campaign to the caller's own address; returns that address.
#[server(endpoint = "send_test_email_campaign")]
pub async fn send_test_email_campaign(
    workspace_id: String,
    id: String,
) -> Result<String, AppError> {
    use crate::service::preview;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let user = c.user()?;
            preview::send_test(&c.state, &scope, &id, &user.user_id).await
        },
    )
    .await
}

/// Clicks per link and opens and clicks per hour.
#[server(endpoint = "get_email_campaign_report")]
pub async fn get_email_campaign_report(
    workspace_id: String,
    id: String,
) -> Result<CampaignReport, AppError> {
    use crate::service::report;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        report::report(&c.state, &scope, &id).await
    })
    .await
}
