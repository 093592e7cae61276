//! What a workspace uses of each plan limit, counted from the modules' own data. A module adds
//! its count here when it lands, so limit checks and the admins' impact analysis agree.

use crate::error::AppError;
use crate::platform::AppState;
use crate::workspaces::service::store::{invitations, memberships};
use mongodb::bson::{doc, DateTime};

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

/// Every limit the workspace has something counted against, with its count.
pub async fn all(
    state: &AppState,
    workspace_id: &str,
) -> Result<Vec<(&'static str, u64)>, AppError> {
    Ok(vec![
        (
            "team_members",
            seats(state, workspace_id, state.clock.now(), None).await?,
        ),
        (
            "bio_pages",
            crate::bio::service::pages::count(state, workspace_id).await?,
        ),
        (
            "contacts",
            crate::crm::service::contacts::count(
                state,
                &crate::platform::WorkspaceScope::system(workspace_id),
            )
            .await?,
        ),
    ])
}
