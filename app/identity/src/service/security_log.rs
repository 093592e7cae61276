//! The account's security log: sign-in methods, passwords, two-step verification and sessions
//! changed, each with where the change came from. Shown on the security screen; kept a year.

use crate::model::SecurityEventView;
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::request::ClientInfo;
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Collection name.
pub const SECURITY_EVENTS: &str = "security_events";
/// How long entries are kept.
const KEEP: Duration = Duration::from_secs(365 * 24 * 3600);
/// Entries the screen shows.
const SHOWN: i64 = 50;

/// One stored entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SecurityEvent {
    #[serde(rename = "_id")]
    id: String,
    user_id: String,
    kind: String,
    summary: String,
    ip: String,
    at: DateTime,
    /// Removed by a TTL index then.
    expires_at: DateTime,
}

/// Writes `kind` (`<area>.<what>`) with a sentence for the account's owner.
pub async fn record(
    state: &AppState,
    user_id: &str,
    kind: &str,
    summary: &str,
    client: &ClientInfo,
) -> Result<(), AppError> {
    state
        .db
        .collection::<SecurityEvent>(SECURITY_EVENTS)
        .insert_one(SecurityEvent {
            id: app_core::ids::new_id(),
            user_id: user_id.to_owned(),
            kind: kind.to_owned(),
            summary: summary.to_owned(),
            ip: client.ip.clone(),
            at: state.clock.now(),
            expires_at: state.clock.after(KEEP),
        })
        .await?;
    Ok(())
}

/// The newest entries of the account, newest first.
pub async fn recent(state: &AppState, user_id: &str) -> Result<Vec<SecurityEventView>, AppError> {
    let events: Vec<SecurityEvent> = state
        .db
        .collection::<SecurityEvent>(SECURITY_EVENTS)
        .find(doc! { "user_id": user_id })
        .sort(doc! { "at": -1, "_id": -1 })
        .limit(SHOWN)
        .await?
        .try_collect()
        .await?;
    Ok(events
        .into_iter()
        .map(|e| SecurityEventView {
            kind: e.kind,
            summary: e.summary,
            ip: e.ip,
            at: e.at.try_to_rfc3339_string().unwrap_or_default(),
        })
        .collect())
}
