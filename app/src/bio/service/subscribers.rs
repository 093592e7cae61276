//! Email addresses visitors leave in a page's signup form. The CRM will turn them into contacts
//! with source "bio"; until then they are kept here, one per address per workspace.

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
}

/// Stores `email` for the workspace; signing up twice keeps the first record. Refuses an
/// invalid address with a message for the `email` field.
pub async fn subscribe(
    state: &AppState,
    workspace_id: &str,
    page_id: &str,
    block_id: &str,
    email: &str,
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
    Ok(())
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
