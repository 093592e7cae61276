//! The workspace's members as the CRM needs them: names for owners and assignees.

use app_core::error::AppError;
use platform::AppState;
use std::collections::HashMap;
use workspaces::WorkspaceScope;

/// Member id → name.
pub async fn names(
    state: &AppState,
    scope: &WorkspaceScope,
) -> Result<HashMap<String, String>, AppError> {
    Ok(workspaces::service::members::list(state, scope)
        .await?
        .into_iter()
        .map(|m| (m.user_id, m.name))
        .collect())
}

/// `Ok` when `user_id` is empty or a member; otherwise a message for `field`.
pub async fn check_member(
    state: &AppState,
    scope: &WorkspaceScope,
    user_id: &str,
    field: &str,
) -> Result<(), AppError> {
    if user_id.is_empty() || names(state, scope).await?.contains_key(user_id) {
        Ok(())
    } else {
        Err(AppError::invalid(
            field,
            "Choose a member of this workspace.",
        ))
    }
}
