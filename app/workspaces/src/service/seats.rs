//! Seats: what a workspace uses of its plan's `team_members` limit.

use super::store::{invitations, memberships};
use app_core::error::AppError;
use mongodb::bson::{doc, DateTime};
use platform::AppState;

/// Seats taken: members plus pending invitations (except one to `replacing`, which a new
/// invitation to the same address replaces).
pub async fn seats(
    state: &AppState,
    workspace_id: &str,
    now: DateTime,
    replacing: Option<&str>,
) -> Result<u64, AppError> {
    let members = memberships(&state.db)
        .count_documents(doc! { "workspace_id": workspace_id })
        .await?;
    let mut pending = doc! {
        "workspace_id": workspace_id, "accepted_at": null, "revoked_at": null,
        "expires_at": { "$gt": now },
    };
    if let Some(email) = replacing {
        pending.insert("email", doc! { "$ne": email });
    }
    let pending = invitations(&state.db).count_documents(pending).await?;
    Ok(members + pending)
}
