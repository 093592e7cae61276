//! Who is on which sequence and where: one document per sequence and subscription (someone
//! goes through a sequence once), moved along by `email.sequence_step` jobs, one per visit, each
//! keyed by the visit so a job that comes late (after a member removed the person, or a wait
//! was restarted) does nothing.

use super::schedule;
use super::sequences::Sequence;
use super::subscriptions::Subscription;
use crate::model::{step_label, EnrolmentStatus, EnrolmentView, Step, Trigger};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::jobs::Enqueue;
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const ENROLMENTS: &str = "email_enrolments";

/// One person on one sequence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Enrolment {
    /// `<sequence>:<subscription>`: once per person and sequence.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The sequence.
    pub sequence_id: String,
    /// The subscription it writes to.
    pub subscription_id: String,
    /// Its address, for the screen.
    pub email: String,
    /// Where they stand.
    pub status: EnrolmentStatus,
    /// The id of the step they are at.
    pub at: String,
    /// Its place when they got there: where they go on when a member deletes that step.
    pub at_index: i32,
    /// Whether the wait at `at` has begun (its end is `due_at`).
    pub waiting: bool,
    /// Counts the jobs that moved them; only the job of the current visit acts.
    pub visit: i32,
    /// When they move on next.
    pub due_at: DateTime,
    /// Why they left, when they did.
    #[serde(default)]
    pub reason: String,
    /// Started.
    pub created_at: DateTime,
    /// Last moved.
    pub updated_at: DateTime,
}

impl Enrolment {
    /// The place in `steps` of the step they are at: by its id, or, when a member deleted it,
    /// the step now in its place.
    pub fn place(&self, steps: &[Step]) -> usize {
        steps
            .iter()
            .position(|s| s.id() == self.at)
            .unwrap_or_else(|| usize::try_from(self.at_index).unwrap_or(0))
    }
}

/// Typed collection.
pub fn coll(state: &AppState) -> mongodb::Collection<Enrolment> {
    state.db.collection(ENROLMENTS)
}

/// Queues the job of visit `visit` of enrolment `id`, at `at` (now when `None`).
pub async fn enqueue(
    state: &AppState,
    id: &str,
    visit: i32,
    at: Option<DateTime>,
) -> Result<(), AppError> {
    let key = format!("email.sequence:{id}:{visit}");
    let payload = doc! { "enrolment": id, "visit": visit };
    let options = Enqueue {
        key: Some(&key),
        run_at: at,
    };
    state
        .jobs
        .enqueue(super::sequence_run::STEP.name, payload, options)
        .await
        .map(|_| ())
}

/// Starts subscriptions `subs` (of one list) on every live sequence of their list that `how`
/// they joined starts (a form or bio signup starts those sequences and the any-way ones); someone
/// already on one, or who went through it, is not started again.
pub async fn start(state: &AppState, subs: &[&Subscription], how: Trigger) -> Result<(), AppError> {
    let Some(first) = subs.first() else {
        return Ok(());
    };
    let triggers: Vec<&str> = match how {
        Trigger::Joined | Trigger::Tag => vec!["joined"],
        how => vec![how.key(), "joined"],
    };
    let live: Vec<Sequence> = super::sequences::coll(state)
        .find(doc! {
            "workspace_id": &first.workspace_id,
            "list_id": &first.list_id,
            "status": "live",
            "trigger": { "$in": triggers },
        })
        .await?
        .try_collect()
        .await?;
    for s in live {
        enrol(state, &s, subs).await?;
    }
    Ok(())
}

/// Starts subscriptions `subs` on sequence `s`, each once.
pub async fn enrol(state: &AppState, s: &Sequence, subs: &[&Subscription]) -> Result<(), AppError> {
    let now = state.clock.now();
    for sub in subs {
        let e = Enrolment {
            id: format!("{}:{}", s.id, sub.id),
            workspace_id: sub.workspace_id.clone(),
            sequence_id: s.id.clone(),
            subscription_id: sub.id.clone(),
            email: sub.email.clone(),
            status: EnrolmentStatus::Active,
            at: s
                .steps
                .first()
                .map(|st| st.id().to_owned())
                .unwrap_or_default(),
            at_index: 0,
            waiting: false,
            visit: 0,
            due_at: now,
            reason: String::new(),
            created_at: now,
            updated_at: now,
        };
        match coll(state).insert_one(&e).await.map_err(AppError::from) {
            Ok(_) => enqueue(state, &e.id, 0, None).await?,
            Err(AppError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// People on sequence `id` now, who finished it and who left early.
pub async fn counts(state: &AppState, id: &str) -> Result<[u64; 3], AppError> {
    let mut out = [0; 3];
    for (n, status) in out.iter_mut().zip(["active", "finished", "left"]) {
        *n = coll(state)
            .count_documents(doc! { "sequence_id": id, "status": status })
            .await?;
    }
    Ok(out)
}

/// Moves everyone on sequence `id` along again after a pause: each gets a new visit, due when
/// their wait ends (or now, when it ended during the pause).
pub async fn wake(state: &AppState, id: &str) -> Result<(), AppError> {
    let active: Vec<Enrolment> = coll(state)
        .find(doc! { "sequence_id": id, "status": "active" })
        .await?
        .try_collect()
        .await?;
    let now = state.clock.now();
    for e in active {
        let moved = coll(state)
            .update_one(
                doc! { "_id": &e.id, "visit": e.visit, "status": "active" },
                doc! { "$inc": { "visit": 1 } },
            )
            .await?;
        if moved.modified_count == 1 {
            let at = (e.due_at > now).then_some(e.due_at);
            enqueue(state, &e.id, e.visit + 1, at).await?;
        }
    }
    Ok(())
}

/// The latest 200 people to start sequence `s`, newest first, as its page lists them.
pub async fn page(
    state: &AppState,
    scope: &WorkspaceScope,
    s: &Sequence,
) -> Result<Vec<EnrolmentView>, AppError> {
    let found: Vec<Enrolment> = coll(state)
        .find(scope.filter_with(doc! { "sequence_id": &s.id }))
        .sort(doc! { "created_at": -1 })
        .limit(200)
        .await?
        .try_collect()
        .await?;
    let (zone, tz) = schedule::zone(state, &s.workspace_id).await?;
    Ok(found
        .into_iter()
        .map(|e| {
            let active = e.status == EnrolmentStatus::Active;
            let step = s
                .steps
                .get(e.place(&s.steps))
                .map(|st| step_label(&s.steps, st.id()))
                .unwrap_or_default();
            EnrolmentView {
                id: e.id,
                email: e.email,
                status: e.status,
                step: if active { step } else { String::new() },
                due: match active && e.waiting {
                    true => schedule::show_local(e.due_at, &zone, &tz),
                    false => String::new(),
                },
                reason: e.reason,
            }
        })
        .collect())
}

/// Takes person `enrolment` off sequence `sequence_id` (a member's doing): no more of its
/// emails; they are not started on it again.
pub async fn remove(
    state: &AppState,
    scope: &WorkspaceScope,
    sequence_id: &str,
    enrolment: &str,
) -> Result<(), AppError> {
    let done = coll(state)
        .update_one(
            scope.filter_with(doc! {
                "_id": enrolment,
                "sequence_id": sequence_id,
                "status": "active",
            }),
            doc! {
                "$set": {
                    "status": "left",
                    "reason": "Removed by a member",
                    "updated_at": state.clock.now(),
                },
                "$inc": { "visit": 1 },
            },
        )
        .await?;
    match done.matched_count {
        1 => Ok(()),
        _ => Err(AppError::NotFound {
            what: "person on this sequence".into(),
        }),
    }
}
