//! The suppression list: addresses that bounced or complained.

use crate::model::SuppressionPage;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The workspace's suppressed addresses, newest first.
#[server(endpoint = "get_email_suppressions")]
pub async fn get_email_suppressions(workspace_id: String) -> Result<SuppressionPage, AppError> {
    use crate::service::suppressions;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        suppressions::list(&c.state, &scope).await
    })
    .await
}

/// Takes `email` off the suppression list (its subscriptions stay as they are).
#[server(endpoint = "lift_email_suppression")]
pub async fn lift_email_suppression(workspace_id: String, email: String) -> Result<(), AppError> {
    use crate::service::suppressions;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            suppressions::lift(&c.state, &scope, &email).await?;
            c.audit(
                &scope,
                "email.suppression_lifted",
                format!("Lifted the suppression of {email}"),
            )
            .await
        },
    )
    .await
}
