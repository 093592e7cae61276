//! Bio analytics server functions.

use crate::model::BioStats;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// A page's views, visitors, clicks, referrers and devices from `from` to `to` (`YYYY-MM-DD`,
/// inclusive; both empty for the last 30 days).
#[server(endpoint = "get_bio_stats")]
pub async fn get_bio_stats(
    workspace_id: String,
    page_id: String,
    from: String,
    to: String,
) -> Result<BioStats, AppError> {
    use crate::service::stats;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        stats::stats(&c.state, &scope, &page_id, &from, &to).await
    })
    .await
}

/// Deletes a page's views and clicks.
#[server(endpoint = "reset_bio_stats")]
pub async fn reset_bio_stats(workspace_id: String, page_id: String) -> Result<(), AppError> {
    use crate::service::events;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            events::reset(&c.state, &scope, &page_id).await?;
            c.audit(
                &scope,
                "bio.stats_reset",
                "Reset bio page statistics".into(),
            )
            .await
        },
    )
    .await
}
