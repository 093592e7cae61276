//! Email addresses visitors leave in a page's signup form, one per address per workspace. Each
//! goes to the module that keeps contacts (the CRM, through `ContactIntake`) with source "bio"
//! and an entry on its timeline; when the plan's contact limit is reached it waits there and
//! becomes a contact once there is room.

use app_core::error::AppError;
use identity::model::{email_problem, normalize_email};
use mongodb::bson::{doc, DateTime};
use platform::{AppState, Capture, ContactEvent};
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

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

/// Stores `email` for the workspace (signing up twice keeps the first record), puts it in the
/// CRM and tells the modules that act on captures (email lists fed by the page). Refuses an invalid address with a message for the `email` field. The caller has checked
/// that the page at `page_path` is published with this signup form.
pub async fn subscribe(
    state: &AppState,
    workspace_id: &str,
    page_id: &str,
    block_id: &str,
    email: &str,
    page_path: &str,
    ip: &str,
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
    let summary = format!("Signed up on {page_path}");
    let capture = Capture {
        workspace_id,
        email: &email,
        name: None,
        source: "bio",
        kind: "bio.email_captured",
        summary: &summary,
        ip: Some(ip),
    };
    if let Some(intake) = state.contact_intake() {
        intake.capture(state, capture).await?;
    }
    state.contact_event(ContactEvent::Captured(capture)).await
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
