//! Emails sent per workspace per calendar month (UTC), the plan's `emails_per_month`: counted as
//! batches go out, shown as usage, checked before a campaign starts or is scheduled.

use app_core::error::AppError;
use futures_util::future::BoxFuture;
use mongodb::bson::{doc, Document};
use platform::AppState;
use workspaces::WorkspaceScope;

/// Collection name: one document per workspace and month.
pub const USAGE: &str = "email_usage";

fn key(state: &AppState, workspace_id: &str) -> String {
    let month: String = platform::clock::rfc3339(state.clock.now())
        .chars()
        .take(7)
        .collect();
    format!("{workspace_id}:{month}")
}

/// Counts `n` more emails sent by workspace `workspace_id` this month.
pub async fn add(state: &AppState, workspace_id: &str, n: i64) -> Result<(), AppError> {
    if n <= 0 {
        return Ok(());
    }
    state
        .db
        .collection::<Document>(USAGE)
        .update_one(
            doc! { "_id": key(state, workspace_id) },
            doc! { "$inc": { "sent": n }, "$setOnInsert": { "workspace_id": workspace_id } },
        )
        .upsert(true)
        .await?;
    Ok(())
}

/// Emails workspace `workspace_id` sent this month.
pub async fn this_month(state: &AppState, workspace_id: &str) -> Result<u64, AppError> {
    let found = state
        .db
        .collection::<Document>(USAGE)
        .find_one(doc! { "_id": key(state, workspace_id) })
        .await?;
    Ok(found
        .and_then(|d| platform::db::int(&d, "sent"))
        .map_or(0, |n| n.max(0) as u64))
}

/// The usage counter billing shows.
pub fn count<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<u64, AppError>> {
    Box::pin(this_month(state, workspace_id))
}

/// Refuses, with the numbers, sending `more` emails this month beyond the plan's allowance.
pub async fn check(state: &AppState, scope: &WorkspaceScope, more: u64) -> Result<(), AppError> {
    let used = this_month(state, scope.workspace_id()).await?;
    match scope
        .check_limit(state, "emails_per_month", (used + more).saturating_sub(1))
        .await
    {
        Err(AppError::LimitReached {
            allowed, upgrade, ..
        }) => Err(AppError::invalid(
            "form",
            format!(
                "This would send {more} emails; the plan allows {allowed} a month and {} are left this month. {upgrade}",
                allowed.saturating_sub(used)
            ),
        )),
        other => other,
    }
}
