//! Addresses mail must not go to any more: those that bounced for good and those whose reader
//! marked a message as spam. Suppressing takes the address off every list of the workspace
//! (recorded in its consent history, so adding contacts by tag leaves it off); the suppression
//! list keeps why, for the screen. Lifting removes the entry only: nobody is re-subscribed
//! behind their back.

use super::rfc3339;
use super::subscriptions::{self, move_to, Consent};
use crate::model::{ConsentMethod, Status, SuppressionPage, SuppressionView};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// Collection name.
pub const SUPPRESSIONS: &str = "email_suppressions";

/// The most entries the screen shows.
const SHOWN: i64 = 500;

/// A stored suppression; `_id` is `<workspace>:<email>`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Suppression {
    #[serde(rename = "_id")]
    id: String,
    /// Owner.
    pub workspace_id: String,
    /// Normalised address.
    pub email: String,
    /// A bounce or a complaint.
    pub reason: ConsentMethod,
    /// What the provider said.
    pub detail: String,
    /// When.
    pub at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Suppression> {
    state.db.collection(SUPPRESSIONS)
}

/// Suppresses `email` for workspace `workspace_id`, or for every workspace with a subscription
/// of it when the notification did not say whose message it was (a permanent bounce is a fact
/// about the address). Returns the workspaces it was suppressed for.
pub async fn suppress(
    state: &AppState,
    workspace_id: Option<&str>,
    email: &str,
    reason: ConsentMethod,
    detail: &str,
) -> Result<Vec<String>, AppError> {
    let email = identity::model::normalize_email(email);
    let workspaces: Vec<String> = match workspace_id {
        Some(ws) => vec![ws.to_owned()],
        None => subscriptions::coll(state)
            .distinct("workspace_id", doc! { "email": &email })
            .await?
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
    };
    let now = state.clock.now();
    let consent = Consent::now(state, reason, None);
    for ws in &workspaces {
        let entry = Suppression {
            id: format!("{ws}:{email}"),
            workspace_id: ws.clone(),
            email: email.clone(),
            reason,
            detail: detail.chars().take(300).collect(),
            at: now,
        };
        coll(state)
            .replace_one(doc! { "_id": &entry.id }, &entry)
            .upsert(true)
            .await?;
        subscriptions::coll(state)
            .update_many(
                doc! {
                    "workspace_id": ws,
                    "email": &email,
                    "status": { "$in": [Status::Subscribed.key(), Status::Pending.key()] },
                },
                move_to(state, Status::Unsubscribed, &consent)?,
            )
            .await?;
    }
    Ok(workspaces)
}

/// The workspace's suppression list, newest first.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<SuppressionPage, AppError> {
    let found: Vec<Suppression> = coll(state)
        .find(scope.filter())
        .sort(doc! { "at": -1 })
        .limit(SHOWN)
        .await?
        .try_collect()
        .await?;
    Ok(SuppressionPage {
        suppressed: found
            .into_iter()
            .map(|s| SuppressionView {
                email: s.email,
                reason: s.reason,
                detail: s.detail,
                at: rfc3339(s.at),
            })
            .collect(),
        can_edit: scope.role().can(Permission::EditContent),
        webhooks_on: state.config.email.token.is_some()
            || !state.config.email.sns_topics.is_empty(),
    })
}

/// Takes `email` off the workspace's suppression list.
pub async fn lift(state: &AppState, scope: &WorkspaceScope, email: &str) -> Result<(), AppError> {
    let email = identity::model::normalize_email(email);
    let gone = coll(state)
        .delete_one(scope.filter_with(doc! { "email": &email }))
        .await?;
    if gone.deleted_count == 0 {
        return Err(AppError::NotFound {
            what: "suppressed address".into(),
        });
    }
    Ok(())
}
