//! Platform administration: who may use `/admin`, decided from the account.

use super::{current_auth, users};
use app_core::error::AppError;
use platform::AppState;

/// Proof that the caller is a platform admin with two-step verification on.
#[derive(Debug, Clone)]
pub struct AdminScope {
    /// The admin's user id.
    pub user_id: String,
}

/// Checks that the caller is signed in, listed in `ADMIN_EMAILS` with that address confirmed,
/// and has MFA on. Reads the account now, never a claim from sign-in time. An unconfirmed
/// listed address is refused like any other user's, so a squatter learns nothing.
pub async fn require_platform_admin(state: &AppState) -> Result<AdminScope, AppError> {
    let auth = current_auth().ok_or(AppError::Unauthorized)?;
    let user = users::by_id(&state.db, &auth.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    if !user.is_platform_admin(&state.config.admin_emails) {
        return Err(AppError::Forbidden);
    }
    if user.mfa_enabled_at.is_none() {
        return Err(AppError::Conflict {
            field: None,
            message:
                "Platform admins must turn on two-step verification first (Settings → Security)."
                    .into(),
        });
    }
    Ok(AdminScope { user_id: user.id })
}
