//! The audit log.

use crate::error::AppError;
use crate::workspaces::model::AuditEntry;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;

/// The audit log, newest first, optionally one kind of action.
#[server(endpoint = "list_audit_log")]
pub async fn list_audit_log(
    workspace_id: String,
    action: Option<String>,
) -> Result<Vec<AuditEntry>, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::audit;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ViewAuditLog).await?;
        audit::list(&c.state, &scope, action.as_deref()).await
    })
    .await
}
