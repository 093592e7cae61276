//! What members do to a sequence: start it (once it is ready) and pause it. Each change is one
//! update guarded by the state it leaves.

use super::campaigns::{self, Campaign};
use super::enrolments;
use super::sequences::{find, view, Sequence};
use crate::model::{block_problems, SequenceStatus, SequenceView, Step};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use mongodb::options::ReturnDocument;
use platform::AppState;
use std::collections::HashMap;
use workspaces::WorkspaceScope;

/// Makes sequence `id` live (`start`) or paused (`pause`). Starting refuses a sequence without
/// an email and one whose emails are unfinished; people paused part way go on when it is live
/// again.
pub async fn control(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    action: &str,
) -> Result<SequenceView, AppError> {
    let s = find(state, scope, id).await?;
    let (from, to) = match action {
        "start" => (["draft", "paused"], SequenceStatus::Live),
        "pause" => (["live", "live"], SequenceStatus::Paused),
        _ => return Err(AppError::invalid("action", "Start or pause.")),
    };
    if to == SequenceStatus::Live {
        ready(state, scope, &s).await?;
    }
    let to_key = if to == SequenceStatus::Live {
        "live"
    } else {
        "paused"
    };
    let changed = super::sequences::coll(state)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id, "status": { "$in": from.to_vec() } }),
            doc! { "$set": { "status": to_key, "updated_at": state.clock.now() } },
        )
        .return_document(ReturnDocument::After)
        .await?;
    let Some(changed) = changed else {
        return Err(AppError::invalid(
            "form",
            "The sequence has changed meanwhile; the page shows where it stands.",
        ));
    };
    if s.status == SequenceStatus::Paused && to == SequenceStatus::Live {
        enrolments::wake(state, id).await?;
    }
    view(state, scope, changed).await
}

/// Refuses a sequence that cannot start: no email, or an email with no subject or unfinished
/// blocks (named by its step).
async fn ready(state: &AppState, scope: &WorkspaceScope, s: &Sequence) -> Result<(), AppError> {
    let ids: Vec<&str> = s
        .steps
        .iter()
        .filter_map(|step| match step {
            Step::Email { campaign_id, .. } => Some(campaign_id.as_str()),
            _ => None,
        })
        .collect();
    if ids.is_empty() {
        return Err(AppError::invalid("form", "Add an email before starting."));
    }
    let emails: HashMap<String, Campaign> = campaigns::coll(state)
        .find(scope.filter_with(doc! { "_id": { "$in": &ids } }))
        .await?
        .map_ok(|c| (c.id.clone(), c))
        .try_collect()
        .await?;
    for (i, step) in s.steps.iter().enumerate() {
        let Step::Email { campaign_id, .. } = step else {
            continue;
        };
        let unfinished = emails
            .get(campaign_id)
            .is_none_or(|c| c.subject.trim().is_empty() || !block_problems(&c.blocks).is_empty());
        if unfinished {
            return Err(AppError::invalid(
                &format!("steps.{i}"),
                "Finish this email (its subject and blocks) before starting.",
            ));
        }
    }
    Ok(())
}
