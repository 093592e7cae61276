//! What members do to a campaign: send, schedule, unschedule, pause, resume, cancel. Every
//! change of state is one atomic update guarded by the state it leaves, so two clicks (or two
//! replicas) cannot both act.

use super::campaigns::{coll, find, get};
use super::segments;
use super::sender::SEND;
use super::subscriptions::SUBSCRIPTIONS;
use crate::model::{block_problems, CampaignStatus, CampaignView};
use app_core::error::AppError;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::options::ReturnDocument;
use platform::jobs::Enqueue;
use platform::AppState;
use workspaces::WorkspaceScope;

/// What a member can do to a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Start sending a draft.
    Send,
    /// Send a draft at a later time.
    Schedule(DateTime),
    /// Back to a draft before its time comes.
    Unschedule,
    /// Stop sending for now.
    Pause,
    /// Go on from where it paused.
    Resume,
    /// Stop for good.
    Cancel,
}

impl Action {
    /// The action named `s` (scheduling needs its time, so it has no name here).
    pub fn parse(s: &str) -> Option<Action> {
        Some(match s {
            "send" => Action::Send,
            "unschedule" => Action::Unschedule,
            "pause" => Action::Pause,
            "resume" => Action::Resume,
            "cancel" => Action::Cancel,
            _ => return None,
        })
    }
}

/// Applies `action` to campaign `id`; refuses (with a message) one that does not fit its state.
pub async fn control(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    action: Action,
) -> Result<CampaignView, AppError> {
    if !find(state, scope, id).await?.sequence_id.is_empty() {
        return Err(AppError::invalid(
            "form",
            "This email goes out as a step of its sequence.",
        ));
    }
    let now = state.clock.now();
    let (from, mut set): (Vec<&str>, Document) = match action {
        Action::Send => (vec!["draft"], doc! { "status": "sending" }),
        Action::Schedule(at) => (
            vec!["draft"],
            doc! { "status": "scheduled", "scheduled_at": at },
        ),
        Action::Unschedule => (vec!["scheduled"], doc! { "status": "draft" }),
        Action::Pause => (vec!["sending"], doc! { "status": "paused" }),
        Action::Resume => (vec!["paused"], doc! { "status": "sending" }),
        Action::Cancel => (vec!["sending", "paused"], doc! { "status": "cancelled" }),
    };
    set.insert("updated_at", now);
    let mut update = doc! {};
    if let Action::Schedule(at) = action {
        if at <= now {
            return Err(AppError::invalid("at", "Pick a time in the future."));
        }
    }
    if matches!(action, Action::Send | Action::Schedule(_)) {
        let total = ready(state, scope, id).await?;
        super::usage::check(state, scope, total).await?;
        if action == Action::Send {
            set.insert("total", total as i64);
            set.insert("started_at", now);
        }
    }
    if matches!(action, Action::Send | Action::Schedule(_) | Action::Resume) {
        update.insert("$inc", doc! { "run": 1 });
    }
    update.insert("$set", set);
    let changed = coll(state)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id, "status": { "$in": from } }),
            update,
        )
        .return_document(ReturnDocument::After)
        .await?;
    let Some(c) = changed else {
        get(state, scope, id).await?;
        return Err(AppError::invalid(
            "form",
            "The campaign has moved on meanwhile; the page shows where it stands.",
        ));
    };
    if matches!(
        c.status,
        CampaignStatus::Sending | CampaignStatus::Scheduled
    ) {
        let key = format!("email.campaign:{}:{}", c.id, c.run);
        let payload = doc! { "campaign": &c.id, "run": c.run };
        let queued = state
            .jobs
            .enqueue(
                SEND.name,
                payload,
                Enqueue {
                    key: Some(&key),
                    run_at: c
                        .scheduled_at
                        .filter(|_| c.status == CampaignStatus::Scheduled),
                },
            )
            .await;
        if let Err(e) = queued {
            // Without its job the campaign would stay "sending" for good: back to where it was,
            // so the member can try again.
            let back = if action == Action::Resume {
                "paused"
            } else {
                "draft"
            };
            let now = if c.status == CampaignStatus::Scheduled {
                "scheduled"
            } else {
                "sending"
            };
            coll(state)
                .update_one(
                    doc! { "_id": &c.id, "run": c.run, "status": now },
                    doc! { "$set": { "status": back } },
                )
                .await?;
            return Err(e);
        }
    }
    get(state, scope, id).await
}

/// The number of subscribers campaign `id` would reach now; refuses (next to each block) one
/// whose blocks are unfinished, and one whose list is empty.
async fn ready(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<u64, AppError> {
    let c = find(state, scope, id).await?;
    let problems = block_problems(&c.blocks);
    if !problems.is_empty() {
        return Err(AppError::invalid_fields(problems.into_iter().chain([(
            "form".to_owned(),
            "Finish the marked blocks before sending.",
        )])));
    }
    let total = state
        .db
        .collection::<Document>(SUBSCRIPTIONS)
        .count_documents(segments::audience(state, &c).await?)
        .await?;
    if total == 0 {
        return Err(AppError::invalid(
            "form",
            "The list has no subscribers yet.",
        ));
    }
    Ok(total)
}
