//! Deals: on a pipeline's board, moved between stages, won or lost.

use super::activity::{self, entry};
use super::{contacts, people, pipelines};
use crate::model::{is_date, totals, Board, Column, DealStatus, DealView};
use app_core::error::AppError;
use app_core::money::{money, parse_price};
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use workspaces::WorkspaceScope;

pub use super::deal_moves::{close, move_to};

/// Collection name.
pub const DEALS: &str = "crm_deals";

/// A stored deal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Deal {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Pipeline.
    pub pipeline_id: String,
    /// Stage.
    pub stage_id: String,
    /// Order in its stage, top first.
    pub position: i64,
    /// Name.
    pub title: String,
    /// Minor units.
    pub value: i64,
    /// ISO 4217.
    pub currency: String,
    /// Expected close.
    pub close_date: Option<String>,
    /// Member responsible.
    pub owner_id: Option<String>,
    /// Contact.
    pub contact_id: Option<String>,
    /// Open, won, lost.
    pub status: DealStatus,
    /// Why won or lost.
    pub reason: String,
    /// Created.
    pub created_at: DateTime,
}

/// A deal form as posted.
#[derive(Debug, Clone, Default)]
pub struct DealInput {
    /// Name.
    pub title: String,
    /// Value as typed, "1200" or "1,200.50".
    pub value: String,
    /// ISO 4217; the workspace's when empty.
    pub currency: String,
    /// `YYYY-MM-DD` or empty.
    pub close_date: String,
    /// Member id or empty.
    pub owner_id: String,
    /// Contact id or empty.
    pub contact_id: String,
    /// Or the contact's email, when the form offers a search instead of an id.
    pub contact_email: String,
    /// Pipeline id (new deals).
    pub pipeline_id: String,
    /// Stage id (new deals); the first stage when empty.
    pub stage_id: String,
}

pub(super) fn coll(state: &AppState) -> mongodb::Collection<Deal> {
    state.db.collection(DEALS)
}

/// Open deals in a stage.
pub async fn open_in_stage(
    state: &AppState,
    scope: &WorkspaceScope,
    stage_id: &str,
) -> Result<u64, AppError> {
    Ok(coll(state)
        .count_documents(scope.filter_with(doc! { "stage_id": stage_id, "status": "open" }))
        .await?)
}

async fn contact_names(
    state: &AppState,
    scope: &WorkspaceScope,
    deals: &[Deal],
) -> Result<HashMap<String, String>, AppError> {
    let mut ids: Vec<String> = deals.iter().filter_map(|d| d.contact_id.clone()).collect();
    ids.sort();
    ids.dedup();
    contacts::display_names(state, scope, &ids).await
}

/// Deal id → title for the deals `ids`, in one query.
pub async fn titles(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
) -> Result<HashMap<String, String>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let found: Vec<Deal> = coll(state)
        .find(scope.filter_with(doc! { "_id": { "$in": ids } }))
        .await?
        .try_collect()
        .await?;
    Ok(found.into_iter().map(|d| (d.id, d.title)).collect())
}

fn view(d: Deal, names: &HashMap<String, String>) -> DealView {
    DealView {
        contact_name: d.contact_id.as_ref().and_then(|id| names.get(id).cloned()),
        id: d.id,
        pipeline_id: d.pipeline_id,
        stage_id: d.stage_id,
        title: d.title,
        value: d.value,
        currency: d.currency,
        close_date: d.close_date,
        owner_id: d.owner_id,
        contact_id: d.contact_id,
        status: d.status,
        reason: d.reason,
    }
}

/// Pipeline `pipeline_id` (the first when empty) as a board.
pub async fn board(
    state: &AppState,
    scope: &WorkspaceScope,
    pipeline_id: &str,
) -> Result<Board, AppError> {
    let pipelines = pipelines::list(state, scope).await?;
    let pipeline = if pipeline_id.is_empty() {
        pipelines[0].clone()
    } else {
        pipelines
            .iter()
            .find(|p| p.id == pipeline_id)
            .cloned()
            .ok_or_else(|| AppError::NotFound {
                what: "That pipeline".into(),
            })?
    };
    let deals: Vec<Deal> = coll(state)
        .find(scope.filter_with(doc! { "pipeline_id": &pipeline.id }))
        .sort(doc! { "position": 1, "created_at": 1 })
        .await?
        .try_collect()
        .await?;
    let names = contact_names(state, scope, &deals).await?;
    let deals: Vec<DealView> = deals.into_iter().map(|d| view(d, &names)).collect();
    let columns = pipeline
        .stages
        .iter()
        .map(|s| {
            let mine: Vec<DealView> = deals
                .iter()
                .filter(|d| d.stage_id == s.id && d.status == DealStatus::Open)
                .cloned()
                .collect();
            Column {
                stage: s.clone(),
                totals: totals(&mine),
                deals: mine,
            }
        })
        .collect();
    let closed = |st: DealStatus| deals.iter().filter(|d| d.status == st).cloned().collect();
    Ok(Board {
        won: closed(DealStatus::Won),
        lost: closed(DealStatus::Lost),
        pipeline,
        pipelines,
        columns,
    })
}

/// A deal of this workspace, or `NotFound`.
pub(super) async fn find(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<Deal, AppError> {
    coll(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That deal".into(),
        })
}

/// One deal for its page.
pub async fn get(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<DealView, AppError> {
    let d = find(state, scope, id).await?;
    let names = contact_names(state, scope, std::slice::from_ref(&d)).await?;
    Ok(view(d, &names))
}

/// The deals with a contact, newest first.
pub async fn of_contact(
    state: &AppState,
    scope: &WorkspaceScope,
    contact_id: &str,
) -> Result<Vec<DealView>, AppError> {
    let deals: Vec<Deal> = coll(state)
        .find(scope.filter_with(doc! { "contact_id": contact_id }))
        .sort(doc! { "created_at": -1 })
        .await?
        .try_collect()
        .await?;
    let names = contact_names(state, scope, &deals).await?;
    Ok(deals.into_iter().map(|d| view(d, &names)).collect())
}

/// Adds a deal (empty `id`, at the bottom of its stage) or changes one.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    input: &DealInput,
    default_currency: &str,
) -> Result<DealView, AppError> {
    let title = input.title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() || title.chars().count() > 120 {
        return Err(AppError::invalid(
            "title",
            "Name the deal in 1 to 120 characters.",
        ));
    }
    let value = if input.value.trim().is_empty() {
        0
    } else {
        parse_price(&input.value.replace(',', ""))
            .ok_or_else(|| AppError::invalid("value", "Enter an amount like 1200 or 1200.50."))?
    };
    let currency = if input.currency.trim().is_empty() {
        default_currency.to_owned()
    } else {
        input.currency.trim().to_uppercase()
    };
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(AppError::invalid(
            "currency",
            "Use a three-letter currency code like USD.",
        ));
    }
    let close_date = input.close_date.trim();
    if !close_date.is_empty() && !is_date(close_date) {
        return Err(AppError::invalid("close_date", "Pick a date."));
    }
    let close_date = (!close_date.is_empty()).then(|| close_date.to_owned());
    people::check_member(state, scope, &input.owner_id, "owner_id").await?;
    let mut contact_id = (!input.contact_id.is_empty()).then(|| input.contact_id.clone());
    let email = identity::model::normalize_email(&input.contact_email);
    if contact_id.is_none() && !email.is_empty() {
        let found = contacts::by_email(state, scope, &email)
            .await?
            .ok_or_else(|| {
                AppError::invalid(
                    "contact_email",
                    "No contact has this email. Add them first, or leave it empty.",
                )
            })?;
        contact_id = Some(found.id);
    }
    if let Some(c) = &contact_id {
        contacts::find(state, scope, c)
            .await
            .map_err(|_| AppError::invalid("contact_id", "Choose a contact from the list."))?;
    }
    let owner_id = (!input.owner_id.is_empty()).then(|| input.owner_id.clone());
    if !id.is_empty() {
        find(state, scope, id).await?;
        coll(state)
            .update_one(
                scope.filter_with(doc! { "_id": id }),
                doc! { "$set": {
                    "title": &title, "value": value, "currency": &currency, "close_date": &close_date,
                    "owner_id": &owner_id, "contact_id": &contact_id,
                }},
            )
            .await?;
        return get(state, scope, id).await;
    }
    let pipeline = if input.pipeline_id.is_empty() {
        pipelines::list(state, scope).await?.remove(0)
    } else {
        pipelines::get(state, scope, &input.pipeline_id)
            .await
            .map_err(|_| AppError::invalid("pipeline_id", "Choose a pipeline."))?
    };
    let stage_id = if input.stage_id.is_empty() {
        pipeline.stages[0].id.clone()
    } else {
        pipeline
            .stages
            .iter()
            .find(|s| s.id == input.stage_id)
            .map(|s| s.id.clone())
            .ok_or_else(|| AppError::invalid("stage_id", "Choose a stage."))?
    };
    let position = open_in_stage(state, scope, &stage_id).await? as i64;
    let deal = Deal {
        id: app_core::ids::new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        pipeline_id: pipeline.id,
        stage_id,
        position,
        title,
        value,
        currency,
        close_date,
        owner_id: owner_id.or_else(|| scope.actor().map(str::to_owned)),
        contact_id,
        status: DealStatus::Open,
        reason: String::new(),
        created_at: state.clock.now(),
    };
    coll(state).insert_one(&deal).await?;
    let summary = format!("{} ({})", deal.title, money(deal.value, &deal.currency));
    let mut e = entry(scope, "deal.created", summary).deal(&deal.id);
    e.contact_id = deal.contact_id.clone();
    activity::append(state, e).await?;
    get(state, scope, &deal.id).await
}

/// Deletes a deal and its tasks.
pub async fn delete(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<(), AppError> {
    let gone = coll(state)
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    if gone.deleted_count == 0 {
        return Err(AppError::NotFound {
            what: "That deal".into(),
        });
    }
    super::tasks::forget_deal(state, scope, id).await
}
