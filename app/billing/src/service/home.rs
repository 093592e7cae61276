//! Billing's part of a workspace's home: the notice of an overdue payment.

use super::entitlements::entitlements_of;
use super::subscriptions::{record, rfc3339};
use crate::grace::grace_text;
use app_core::error::AppError;
use app_core::home::{Home, HomeNotice};
use futures_util::future::BoxFuture;
use platform::AppState;

/// [`home`] as a module's home part.
pub fn part<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<Home, AppError>> {
    Box::pin(home(state, workspace_id))
}

/// "Payment overdue" while the workspace is in a grace period or restricted after one; nothing
/// otherwise.
pub async fn home(state: &AppState, workspace_id: &str) -> Result<Home, AppError> {
    let rec = record(&state.db, workspace_id).await?;
    let Some(until) = rec.as_ref().and_then(|r| rfc3339(r.grace_until)) else {
        return Ok(Home::default());
    };
    let ent = entitlements_of(state, rec.as_ref()).await?;
    let plan = ent.paid_plan.as_ref().unwrap_or(&ent.plan);
    Ok(Home {
        notices: vec![HomeNotice {
            rank: 10,
            title: "Payment overdue".into(),
            message: grace_text(&plan.name, &until, ent.restricted),
            action: "Open billing".into(),
            href: "billing".into(),
        }],
        ..Home::default()
    })
}
