//! The audit log.

use crate::model::AuditEntry;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;

/// The audit log, newest first, optionally one kind of action.
#[server(endpoint = "list_audit_log")]
pub async fn list_audit_log(
    workspace_id: String,
    action: Option<String>,
) -> Result<Vec<AuditEntry>, AppError> {
    use crate::model::Permission;
    use crate::service::audit;
    ctx::in_workspace(
        &workspace_id,
        Permission::ViewAuditLog,
        |c, scope| async move { audit::list(&c.state, &scope, action.as_deref()).await },
    )
    .await
}
