//! Sequences (drip): steps of emails, waits and conditions that each subscriber a trigger names
//! goes through on their own clock (`enrolments`). A step's email is a campaign document
//! marked with the sequence, written on the campaign page like any other.

use super::campaigns::{self, Campaign};
use super::enrolments::{self, ENROLMENTS};
use super::lists;
pub use super::sequence_control::control;
use crate::model::{steps_problems, SequenceStatus, SequenceView, Step, Trigger, MAX_STEPS};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::options::ReturnDocument;
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// Collection name.
pub const SEQUENCES: &str = "email_sequences";

/// A stored sequence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sequence {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// What members call it.
    pub name: String,
    /// The list whose subscribers it writes to.
    pub list_id: String,
    /// What starts someone on it.
    pub trigger: Trigger,
    /// The CRM tag that starts it, when it starts on a tag.
    #[serde(default)]
    pub trigger_tag: String,
    /// A CRM tag that takes someone off it; empty for none.
    pub exit_tag: String,
    /// Where it stands.
    pub status: SequenceStatus,
    /// Its steps.
    pub steps: Vec<Step>,
    /// Created.
    pub created_at: DateTime,
    /// Last changed.
    pub updated_at: DateTime,
}

/// Typed collection.
pub fn coll(state: &AppState) -> mongodb::Collection<Sequence> {
    state.db.collection(SEQUENCES)
}

fn not_found() -> AppError {
    AppError::NotFound {
        what: "sequence".into(),
    }
}

/// The workspace's sequence `id`.
pub async fn find(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<Sequence, AppError> {
    coll(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(not_found)
}

/// Sequence `s` as its screens show it: email subjects as they are now, and its people counted.
pub async fn view(
    state: &AppState,
    scope: &WorkspaceScope,
    s: Sequence,
) -> Result<SequenceView, AppError> {
    let mut shown = views(state, scope, vec![s]).await?;
    shown.pop().ok_or(AppError::Internal)
}

/// Sequences `found` as their screens show them, with one query for all their emails' subjects
/// and one for their lists' names.
async fn views(
    state: &AppState,
    scope: &WorkspaceScope,
    found: Vec<Sequence>,
) -> Result<Vec<SequenceView>, AppError> {
    let ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
    let emails: HashMap<String, String> = campaigns::coll(state)
        .find(scope.filter_with(doc! { "sequence_id": { "$in": &ids } }))
        .await?
        .map_ok(|c| (c.id, c.subject))
        .try_collect()
        .await?;
    let list_ids: Vec<&str> = found.iter().map(|s| s.list_id.as_str()).collect();
    let names: HashMap<String, String> = lists::coll(state)
        .find(scope.filter_with(doc! { "_id": { "$in": &list_ids } }))
        .await?
        .map_ok(|l| (l.id, l.name))
        .try_collect()
        .await?;
    let mut out = Vec::with_capacity(found.len());
    for mut s in found {
        for step in &mut s.steps {
            if let Step::Email {
                campaign_id,
                subject,
                ..
            } = step
            {
                *subject = emails.get(campaign_id).cloned().unwrap_or_default();
            }
        }
        let counts = enrolments::counts(state, &s.id).await?;
        let list_name = names.get(&s.list_id).cloned().unwrap_or_default();
        out.push(SequenceView {
            id: s.id,
            name: s.name,
            list_id: s.list_id,
            list_name,
            trigger: s.trigger,
            trigger_tag: s.trigger_tag,
            exit_tag: s.exit_tag,
            status: s.status,
            steps: s.steps,
            active: counts[0],
            finished: counts[1],
            left: counts[2],
            can_edit: scope.role().can(Permission::EditContent),
        });
    }
    Ok(out)
}

/// Every sequence of the workspace, newest first.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<SequenceView>, AppError> {
    let found: Vec<Sequence> = coll(state)
        .find(scope.filter())
        .sort(doc! { "created_at": -1 })
        .await?
        .try_collect()
        .await?;
    views(state, scope, found).await
}

/// A sequence's name, list (chosen once), trigger with its tag, and exit tag, as a member sets
/// them.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    /// What members call it.
    pub name: &'a str,
    /// The list, when it is created.
    pub list_id: &'a str,
    /// The trigger's key.
    pub trigger: &'a str,
    /// The tag that starts it, for the tag trigger.
    pub trigger_tag: &'a str,
    /// The tag that takes people off it, or empty.
    pub exit_tag: &'a str,
}

/// Creates a sequence (when `id` is empty) or changes its settings. Problems are refused next
/// to their fields.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    settings: Settings<'_>,
) -> Result<SequenceView, AppError> {
    let Settings {
        name,
        list_id,
        trigger,
        trigger_tag,
        exit_tag,
    } = settings;
    let (name, exit_tag, trigger_tag) = (name.trim(), exit_tag.trim(), trigger_tag.trim());
    let mut problems = Vec::new();
    if name.is_empty() || name.chars().count() > 100 {
        problems.push(("name", "Name it in 1 to 100 characters."));
    }
    let trigger = Trigger::parse(trigger);
    if trigger.is_none() {
        problems.push(("trigger", "Choose what starts it."));
    }
    if exit_tag.chars().count() > 40 {
        problems.push(("exit_tag", "Keep the tag to 40 characters."));
    }
    let tag_needed = trigger == Some(Trigger::Tag);
    if tag_needed && (trigger_tag.is_empty() || trigger_tag.chars().count() > 40) {
        problems.push((
            "trigger_tag",
            "Name the tag that starts it, in 1 to 40 characters.",
        ));
    }
    let trigger_tag = if tag_needed { trigger_tag } else { "" };
    let list = match id {
        "" => lists::find(state, scope, list_id).await.ok(),
        _ => None,
    };
    if id.is_empty() && list.is_none() {
        problems.push(("list_id", "Choose a list."));
    }
    let Some(trigger) = trigger.filter(|_| problems.is_empty()) else {
        return Err(AppError::invalid_fields(problems));
    };
    let now = state.clock.now();
    let saved = match list {
        Some(list) => {
            let s = Sequence {
                id: app_core::ids::new_id(),
                workspace_id: scope.workspace_id().to_owned(),
                name: name.to_owned(),
                list_id: list.id,
                trigger,
                trigger_tag: trigger_tag.to_owned(),
                exit_tag: exit_tag.to_owned(),
                status: SequenceStatus::Draft,
                steps: Vec::new(),
                created_at: now,
                updated_at: now,
            };
            coll(state).insert_one(&s).await?;
            s
        }
        None => coll(state)
            .find_one_and_update(
                scope.filter_with(doc! { "_id": id }),
                doc! { "$set": {
                    "name": name,
                    "trigger": trigger.key(),
                    "trigger_tag": trigger_tag,
                    "exit_tag": exit_tag,
                    "updated_at": now,
                } },
            )
            .return_document(ReturnDocument::After)
            .await?
            .ok_or_else(not_found)?,
    };
    view(state, scope, saved).await
}

/// Writes the steps of sequence `id`, live or not: new steps get ids and new emails get their
/// campaign document; people stay at the step (by id) they were at. Problems are refused next
/// to their fields (`steps.<i>.<field>`) and change nothing.
pub async fn save_steps(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    mut steps: Vec<Step>,
) -> Result<SequenceView, AppError> {
    let s = find(state, scope, id).await?;
    if steps.len() > MAX_STEPS {
        return Err(AppError::invalid(
            "steps",
            "A sequence holds at most 30 steps.",
        ));
    }
    let owned: Vec<String> = campaigns::coll(state)
        .find(scope.filter_with(doc! { "sequence_id": id }))
        .await?
        .map_ok(|c| c.id)
        .try_collect()
        .await?;
    let mut problems: Vec<(String, &str)> = Vec::new();
    for (i, step) in steps.iter_mut().enumerate() {
        if step.id().is_empty() {
            *step.id_mut() = app_core::ids::new_id();
        }
        if let Step::Email { campaign_id, .. } = step {
            // Only this sequence's own emails: an id from elsewhere would send someone else's.
            if !campaign_id.is_empty() && !owned.contains(campaign_id) {
                problems.push((
                    format!("steps.{i}"),
                    "This email is not part of the sequence.",
                ));
            }
        }
    }
    problems.extend(steps_problems(&steps));
    if !problems.is_empty() {
        problems.push((
            "form".to_owned(),
            "Fix the marked steps; nothing was saved.",
        ));
        return Err(AppError::invalid_fields(problems));
    }
    let mut fresh = Vec::new();
    for step in &mut steps {
        if let Step::Email { campaign_id, .. } = step {
            if campaign_id.is_empty() {
                let mut c = Campaign::draft(state, scope, (&s.list_id, ""), "Untitled email", "");
                c.sequence_id = s.id.clone();
                *campaign_id = c.id.clone();
                fresh.push(c);
            }
        }
    }
    if !fresh.is_empty() {
        campaigns::coll(state).insert_many(&fresh).await?;
    }
    let stored = mongodb::bson::to_bson(&steps).map_err(|_| AppError::Internal)?;
    let saved = coll(state)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id }),
            doc! { "$set": { "steps": stored, "updated_at": state.clock.now() } },
        )
        .return_document(ReturnDocument::After)
        .await?
        .ok_or_else(not_found)?;
    view(state, scope, saved).await
}

/// Deletes sequence `id` with its emails and everyone's place on it.
pub async fn delete(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<(), AppError> {
    find(state, scope, id).await?;
    state
        .db
        .collection::<Document>(ENROLMENTS)
        .delete_many(doc! { "sequence_id": id })
        .await?;
    campaigns::coll(state)
        .delete_many(scope.filter_with(doc! { "sequence_id": id }))
        .await?;
    coll(state)
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    Ok(())
}
