//! Pipelines and their stages.

use crate::model::{split_list, PipelineView, Stage, DEFAULT_STAGES};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const PIPELINES: &str = "crm_pipelines";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    #[serde(rename = "_id")]
    id: String,
    workspace_id: String,
    name: String,
    stages: Vec<Stage>,
    created_at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Stored> {
    state.db.collection(PIPELINES)
}

fn view(s: Stored) -> PipelineView {
    PipelineView {
        id: s.id,
        name: s.name,
        stages: s.stages,
    }
}

/// The workspace's pipelines, oldest first; a first "Sales" pipeline is made on first use.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<PipelineView>, AppError> {
    let all: Vec<Stored> = coll(state)
        .find(scope.filter())
        .sort(doc! { "created_at": 1, "_id": 1 })
        .await?
        .try_collect()
        .await?;
    if !all.is_empty() {
        return Ok(all.into_iter().map(view).collect());
    }
    // A fixed id makes two first visits at once create one pipeline, not two.
    let first = Stored {
        id: format!("{}-sales", scope.workspace_id()),
        workspace_id: scope.workspace_id().to_owned(),
        name: "Sales".into(),
        stages: DEFAULT_STAGES
            .iter()
            .map(|n| Stage {
                id: app_core::ids::new_id(),
                name: (*n).into(),
            })
            .collect(),
        created_at: state.clock.now(),
    };
    match coll(state).insert_one(&first).await.map_err(AppError::from) {
        Ok(_) => Ok(vec![view(first)]),
        Err(AppError::Conflict { .. }) => {
            let all: Vec<Stored> = coll(state)
                .find(scope.filter())
                .await?
                .try_collect()
                .await?;
            Ok(all.into_iter().map(view).collect())
        }
        Err(e) => Err(e),
    }
}

/// One pipeline.
pub async fn get(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<PipelineView, AppError> {
    list(state, scope)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| AppError::NotFound {
            what: "That pipeline".into(),
        })
}

/// Adds a pipeline (empty `id`) or renames it and sets its stages from `stages` (one name per
/// line, in order). A stage keeps its id, and so its deals, while its name stays; a stage that
/// still has open deals cannot be removed.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    name: &str,
    stages: &str,
) -> Result<PipelineView, AppError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(AppError::invalid(
            "name",
            "Name the pipeline in 1 to 60 characters.",
        ));
    }
    let names = split_list(stages);
    if names.is_empty() || names.len() > 20 || names.iter().any(|n| n.chars().count() > 40) {
        return Err(AppError::invalid(
            "stages",
            "List 1 to 20 stages, one per line, each at most 40 characters.",
        ));
    }
    let old = if id.is_empty() {
        None
    } else {
        Some(get(state, scope, id).await?)
    };
    let old_stages = old.as_ref().map(|p| p.stages.clone()).unwrap_or_default();
    // A stage keeps its id by name; names not found take the ids of stages no longer named, in
    // order, so renaming a stage in place keeps its deals.
    let by_name = |n: &String| old_stages.iter().find(|s| s.name.eq_ignore_ascii_case(n));
    let mut unclaimed = old_stages
        .iter()
        .filter(|s| !names.iter().any(|n| n.eq_ignore_ascii_case(&s.name)));
    let stages: Vec<Stage> = names
        .iter()
        .map(|n| {
            let id = match by_name(n) {
                Some(s) => s.id.clone(),
                None => unclaimed
                    .next()
                    .map(|s| s.id.clone())
                    .unwrap_or_else(app_core::ids::new_id),
            };
            Stage {
                id,
                name: n.clone(),
            }
        })
        .collect();
    for gone in old_stages
        .iter()
        .filter(|s| !stages.iter().any(|n| n.id == s.id))
    {
        let open = super::deals::open_in_stage(state, scope, &gone.id).await?;
        if open > 0 {
            return Err(AppError::invalid(
                "stages",
                format!(
                    "Move the {open} open deals out of {} before removing it.",
                    gone.name
                ),
            ));
        }
    }
    match old {
        Some(p) => {
            coll(state)
                .update_one(
                    scope.filter_with(doc! { "_id": &p.id }),
                    doc! { "$set": { "name": name, "stages": mongodb::bson::to_bson(&stages).map_err(|_| AppError::Internal)? } },
                )
                .await?;
            Ok(PipelineView {
                id: p.id,
                name: name.to_owned(),
                stages,
            })
        }
        None => {
            let s = Stored {
                id: app_core::ids::new_id(),
                workspace_id: scope.workspace_id().to_owned(),
                name: name.to_owned(),
                stages,
                created_at: state.clock.now(),
            };
            coll(state).insert_one(&s).await?;
            Ok(view(s))
        }
    }
}
