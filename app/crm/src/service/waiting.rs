//! Captures the plan had no room for. An address a visitor left on a public form (a bio signup
//! today, bookings and website forms later) waits here in order, and becomes a contact as soon
//! as the contact limit allows, so no module keeps its own overflow list.

use super::contacts::capture;
use crate::model::Source;
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const WAITING: &str = "crm_waiting_captures";

/// One capture waiting for room, the first per address.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Waiting {
    workspace_id: String,
    email: String,
    #[serde(default)]
    name: String,
    source: Source,
    kind: String,
    summary: String,
    created_at: DateTime,
}

/// Makes `email` a contact (or adds the entry to the one it is) like
/// [`capture`], but when the plan has no room keeps it here instead. Returns whether it waits.
pub async fn capture_or_wait(
    state: &AppState,
    scope: &WorkspaceScope,
    (email, name): (&str, &str),
    source: Source,
    kind: &str,
    summary: &str,
) -> Result<bool, AppError> {
    match capture(state, scope, (email, name), source, kind, summary).await {
        Ok(_) => Ok(false),
        Err(AppError::LimitReached { .. }) => {
            state
                .db
                .collection::<Waiting>(WAITING)
                .update_one(
                    scope.filter_with(doc! { "email": email }),
                    doc! { "$setOnInsert": {
                        "source": source.key(), "kind": kind, "summary": summary, "name": name,
                        "created_at": state.clock.now(),
                    }},
                )
                .upsert(true)
                .await?;
            Ok(true)
        }
        Err(e) => Err(e),
    }
}

/// Turns waiting captures into contacts, oldest first, while the plan has room; returns how
/// many still wait.
pub async fn drain(state: &AppState, scope: &WorkspaceScope) -> Result<u64, AppError> {
    let coll = state.db.collection::<Waiting>(WAITING);
    let pending: Vec<Waiting> = coll
        .find(scope.filter())
        .sort(doc! { "created_at": 1 })
        .limit(500)
        .await?
        .try_collect()
        .await?;
    let system = WorkspaceScope::system(scope.workspace_id());
    for w in pending {
        match capture(
            state,
            &system,
            (&w.email, &w.name),
            w.source,
            &w.kind,
            &w.summary,
        )
        .await
        {
            Ok(_) => {
                coll.delete_one(scope.filter_with(doc! { "email": &w.email }))
                    .await?;
            }
            Err(AppError::LimitReached { .. }) => break,
            Err(e) => return Err(e),
        }
    }
    Ok(coll.count_documents(scope.filter()).await?)
}
