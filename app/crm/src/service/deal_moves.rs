//! A deal changing place: to another stage or position, or closed as won or lost.

use super::activity::{self, entry};
use super::deals::{coll, find, get, open_in_stage, Deal};
use super::pipelines;
use crate::model::{DealStatus, DealView};
use app_core::error::AppError;
use app_core::money::money;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use platform::AppState;
use workspaces::WorkspaceScope;

/// Moves a deal to `stage_id` of its pipeline at `index` among that stage's open deals.
pub async fn move_to(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    stage_id: &str,
    index: usize,
) -> Result<DealView, AppError> {
    let deal = find(state, scope, id).await?;
    let pipeline = pipelines::get(state, scope, &deal.pipeline_id).await?;
    let stage = pipeline
        .stages
        .iter()
        .find(|s| s.id == stage_id)
        .ok_or_else(|| {
            AppError::invalid("stage_id", "That stage is not in this deal's pipeline.")
        })?;
    let mut column: Vec<Deal> = coll(state)
        .find(
            scope
                .filter_with(doc! { "stage_id": stage_id, "status": "open", "_id": { "$ne": id } }),
        )
        .sort(doc! { "position": 1, "created_at": 1 })
        .await?
        .try_collect()
        .await?;
    column.insert(index.min(column.len()), deal.clone());
    for (i, d) in column.iter().enumerate() {
        let mut set = doc! { "position": i as i64 };
        if d.id == id {
            set.insert("stage_id", stage_id);
        }
        coll(state)
            .update_one(
                scope.filter_with(doc! { "_id": &d.id }),
                doc! { "$set": set },
            )
            .await?;
    }
    if deal.stage_id != stage_id {
        let from = pipeline
            .stages
            .iter()
            .find(|s| s.id == deal.stage_id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let summary = format!("{}: {from} → {}", deal.title, stage.name);
        let mut e = entry(scope, "deal.moved", summary).deal(id);
        e.contact_id = deal.contact_id.clone();
        activity::append(state, e).await?;
    }
    get(state, scope, id).await
}

/// Marks a deal won or lost (a reason is required for lost), or reopens it.
pub async fn close(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    status: &str,
    reason: &str,
) -> Result<DealView, AppError> {
    let deal = find(state, scope, id).await?;
    let status = match status {
        "won" => DealStatus::Won,
        "lost" => DealStatus::Lost,
        "open" => DealStatus::Open,
        _ => return Err(AppError::invalid("status", "Choose won, lost or open.")),
    };
    let reason = reason.trim();
    if status == DealStatus::Lost && reason.is_empty() {
        return Err(AppError::invalid(
            "reason",
            "Say why it was lost; it helps the next one.",
        ));
    }
    if reason.chars().count() > 300 {
        return Err(AppError::invalid(
            "reason",
            "Keep the reason under 300 characters.",
        ));
    }
    let position = if status == DealStatus::Open {
        open_in_stage(state, scope, &deal.stage_id).await? as i64
    } else {
        deal.position
    };
    coll(state)
        .update_one(
            scope.filter_with(doc! { "_id": id }),
            doc! { "$set": { "status": mongodb::bson::to_bson(&status).map_err(|_| AppError::Internal)?, "reason": reason, "position": position } },
        )
        .await?;
    let kind = match status {
        DealStatus::Won => "deal.won",
        DealStatus::Lost => "deal.lost",
        DealStatus::Open => "deal.moved",
    };
    let mut summary = format!("{} ({})", deal.title, money(deal.value, &deal.currency));
    if status == DealStatus::Open {
        summary = format!("{} reopened", deal.title);
    } else if !reason.is_empty() {
        summary.push_str(&format!(": {reason}"));
    }
    let mut e = entry(scope, kind, summary).deal(id);
    e.contact_id = deal.contact_id.clone();
    activity::append(state, e).await?;
    get(state, scope, id).await
}
