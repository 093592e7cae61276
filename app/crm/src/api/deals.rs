//! Deal server functions: the board, a deal, moving and closing, pipelines.
// A form's fields are a server function's arguments, one each; the macro's expansion cannot
// carry an `allow` on the function itself.
#![allow(clippy::too_many_arguments)]

use crate::model::{Board, DealDetail, DealView, PipelineView};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// A pipeline (the first when `pipeline_id` is empty) as columns of open deals with totals.
#[server(endpoint = "get_deal_board")]
pub async fn get_deal_board(
    workspace_id: String,
    #[server(default)] pipeline_id: String,
) -> Result<Board, AppError> {
    use crate::service::deals;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        deals::board(&c.state, &scope, &pipeline_id).await
    })
    .await
}

/// One deal with its history and tasks.
#[server(endpoint = "get_deal")]
pub async fn get_deal(workspace_id: String, id: String) -> Result<DealDetail, AppError> {
    use crate::service::{activity, deals, pipelines, tasks};
    use mongodb::bson::doc;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let deal = deals::get(&c.state, &scope, &id).await?;
        Ok(DealDetail {
            pipeline: pipelines::get(&c.state, &scope, &deal.pipeline_id).await?,
            timeline: activity::timeline(&c.state, &scope, doc! { "deal_id": &id }).await?,
            tasks: tasks::list(&c.state, &scope, doc! { "deal_id": &id }).await?,
            deal,
        })
    })
    .await
}

/// Adds a deal (empty `id`) or changes it.
#[server(endpoint = "save_deal")]
pub async fn save_deal(
    workspace_id: String,
    #[server(default)] id: String,
    #[server(default)] title: String,
    #[server(default)] value: String,
    #[server(default)] currency: String,
    #[server(default)] close_date: String,
    #[server(default)] owner_id: String,
    #[server(default)] contact_id: String,
    #[server(default)] contact_email: String,
    #[server(default)] pipeline_id: String,
    #[server(default)] stage_id: String,
) -> Result<DealView, AppError> {
    use crate::service::deals::{self, DealInput};
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let ws = workspaces::service::workspaces::get(&c.state, &scope).await?;
            let input = DealInput {
                contact_email,
                title,
                value,
                currency,
                close_date,
                owner_id,
                contact_id,
                pipeline_id,
                stage_id,
            };
            deals::save(&c.state, &scope, &id, &input, &ws.currency).await
        },
    )
    .await
}

/// Moves a deal to `stage_id` at `index` among that stage's open deals.
#[server(endpoint = "move_deal")]
pub async fn move_deal(
    workspace_id: String,
    id: String,
    stage_id: String,
    #[server(default)] index: usize,
) -> Result<DealView, AppError> {
    use crate::service::deals;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { deals::move_to(&c.state, &scope, &id, &stage_id, index).await },
    )
    .await
}

/// Marks a deal `won` or `lost` (with a reason), or `open` again.
#[server(endpoint = "close_deal")]
pub async fn close_deal(
    workspace_id: String,
    id: String,
    status: String,
    #[server(default)] reason: String,
) -> Result<DealView, AppError> {
    use crate::service::deals;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { deals::close(&c.state, &scope, &id, &status, &reason).await },
    )
    .await
}

/// Deletes a deal.
#[server(endpoint = "delete_deal")]
pub async fn delete_deal(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::deals;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { deals::delete(&c.state, &scope, &id).await },
    )
    .await
}

/// Adds a pipeline (empty `id`) or renames it and sets its stages, one per line.
#[server(endpoint = "save_pipeline")]
pub async fn save_pipeline(
    workspace_id: String,
    #[server(default)] id: String,
    name: String,
    stages: String,
) -> Result<PipelineView, AppError> {
    use crate::service::pipelines;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { pipelines::save(&c.state, &scope, &id, &name, &stages).await },
    )
    .await
}
