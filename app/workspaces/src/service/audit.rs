//! The audit log: who did what, when, from where, in a workspace.

use super::store::{audit_log, AuditRecord};
use crate::model::AuditEntry;
use crate::WorkspaceScope;
use app_core::error::AppError;
use identity::service::users;
use mongodb::bson::doc;
use platform::request::ClientInfo;
use platform::AppState;

/// Records a sensitive action. Failing to record fails the action's response, never silently.
pub async fn record(
    state: &AppState,
    scope: &WorkspaceScope,
    client: &ClientInfo,
    action: &str,
    summary: String,
) -> Result<(), AppError> {
    record_by(
        state,
        scope.workspace_id(),
        scope.user_id(),
        client,
        action,
        summary,
    )
    .await
}

/// Records an action on a workspace by someone who acts on it without being a member: a
/// platform admin changing its subscription. Its admins see it in their audit log.
pub async fn record_by(
    state: &AppState,
    workspace_id: &str,
    actor_id: &str,
    client: &ClientInfo,
    action: &str,
    summary: String,
) -> Result<(), AppError> {
    let actor = users::by_id(&state.db, actor_id)
        .await?
        .map(|u| format!("{} <{}>", u.name, u.email))
        .unwrap_or_else(|| actor_id.to_owned());
    audit_log(&state.db)
        .insert_one(AuditRecord {
            id: app_core::ids::new_id(),
            workspace_id: workspace_id.to_owned(),
            actor_id: actor_id.to_owned(),
            actor,
            action: action.to_owned(),
            summary,
            ip: client.ip.clone(),
            at: state.clock.now(),
        })
        .await?;
    Ok(())
}

/// The newest entries first, optionally only one kind of action (`member.`, `invitation.` …).
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    action_prefix: Option<&str>,
) -> Result<Vec<AuditEntry>, AppError> {
    use futures_util::TryStreamExt;
    let mut filter = scope.filter();
    if let Some(prefix) = action_prefix.filter(|p| !p.is_empty()) {
        let escaped: String = prefix
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
            .collect();
        filter.insert(
            "action",
            doc! { "$regex": format!("^{}", escaped.replace('.', "\\.")) },
        );
    }
    let records: Vec<AuditRecord> = audit_log(&state.db)
        .find(filter)
        .sort(doc! { "at": -1 })
        .limit(200)
        .await?
        .try_collect()
        .await?;
    Ok(records
        .into_iter()
        .map(|r| AuditEntry {
            at: r.at.try_to_rfc3339_string().unwrap_or_default(),
            actor: r.actor,
            action: r.action,
            summary: r.summary,
            ip: r.ip,
        })
        .collect())
}
