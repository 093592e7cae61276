//! Email addresses visitors leave in a page's signup form, one per address per workspace. Each
//! becomes a CRM contact with source "bio" and an entry on its timeline; when the plan's contact
//! limit is reached the signup waits here and becomes a contact once there is room.

use crate::error::AppError;
use crate::identity::model::{email_problem, normalize_email};
use crate::platform::{AppState, WorkspaceScope};
use mongodb::bson::{doc, DateTime};
use serde::{Deserialize, Serialize};

/// Collection name.
pub const SUBSCRIBERS: &str = "bio_subscribers";

/// One signup.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Subscriber {
    /// Owner.
    pub workspace_id: String,
    /// The page and form it came from.
    pub page_id: String,
    /// The signup block.
    pub block_id: String,
    /// Normalised address.
    pub email: String,
    /// First signup.
    pub created_at: DateTime,
    /// Kept but not yet a contact: the plan's contact limit was reached.
    #[serde(default)]
    pub waiting: bool,
}

/// Stores `email` for the workspace (signing up twice keeps the first record) and puts it in the
/// CRM. Refuses an invalid address with a message for the `email` field. The caller has checked
/// that the page at `page_path` is published with this signup form.
pub async fn subscribe(
    state: &AppState,
    workspace_id: &str,
    page_id: &str,
    block_id: &str,
    email: &str,
    page_path: &str,
) -> Result<(), AppError> {
    let email = normalize_email(email);
    if let Some(problem) = email_problem(&email) {
        return Err(AppError::invalid("email", problem));
    }
    state
        .db
        .collection::<Subscriber>(SUBSCRIBERS)
        .update_one(
            doc! { "workspace_id": workspace_id, "email": &email },
            doc! { "$setOnInsert": {
                "page_id": page_id, "block_id": block_id, "created_at": state.clock.now(),
            }},
        )
        .upsert(true)
        .await?;
    let scope = WorkspaceScope::system(workspace_id);
    to_contact(state, &scope, &email, &format!("Signed up on {page_path}")).await?;
    Ok(())
}

/// Makes the signup a contact, or marks it waiting when the plan has no room (and says so).
async fn to_contact(
    state: &AppState,
    scope: &WorkspaceScope,
    email: &str,
    summary: &str,
) -> Result<bool, AppError> {
    use crate::crm::model::Source;
    use crate::crm::service::contacts::capture;
    let waiting = match capture(
        state,
        scope,
        email,
        Source::Bio,
        "bio.email_captured",
        summary,
    )
    .await
    {
        Ok(_) => false,
        Err(AppError::LimitReached { .. }) => true,
        Err(e) => return Err(e),
    };
    state
        .db
        .collection::<Subscriber>(SUBSCRIBERS)
        .update_one(
            scope.filter_with(doc! { "email": email }),
            doc! { "$set": { "waiting": waiting } },
        )
        .await?;
    Ok(waiting)
}

/// Turns waiting signups into contacts while the plan has room; returns how many still wait.
pub async fn waiting(state: &AppState, scope: &WorkspaceScope) -> Result<u64, AppError> {
    use futures_util::TryStreamExt;
    let coll = state.db.collection::<Subscriber>(SUBSCRIBERS);
    let pending: Vec<Subscriber> = coll
        .find(scope.filter_with(doc! { "waiting": true }))
        .sort(doc! { "created_at": 1 })
        .limit(500)
        .await?
        .try_collect()
        .await?;
    let system = WorkspaceScope::system(scope.workspace_id());
    for s in pending {
        if to_contact(state, &system, &s.email, "Signed up on the bio page").await? {
            break;
        }
    }
    Ok(coll
        .count_documents(scope.filter_with(doc! { "waiting": true }))
        .await?)
}

/// How many addresses a page collected.
pub async fn count(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
) -> Result<u64, AppError> {
    Ok(state
        .db
        .collection::<Subscriber>(SUBSCRIBERS)
        .count_documents(scope.filter_with(doc! { "page_id": page_id }))
        .await?)
}
