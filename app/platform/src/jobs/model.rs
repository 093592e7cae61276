use super::super::db::Db;
use super::super::indexes::{expiring, index, CollectionIndexes};
use mongodb::bson::{doc, DateTime, Document};
use mongodb::Collection;
use serde::{Deserialize, Serialize};

/// The collection of jobs.
pub const JOBS: &str = "jobs";

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for its `run_at`.
    Queued,
    /// Leased by a worker until `locked_until`.
    Running,
    /// Finished; removed a week later.
    Done,
    /// Failed, waiting for its next attempt at `run_at`.
    Failed,
    /// Failed its last attempt; waits for an admin to retry or discard it.
    Dead,
}

impl Status {
    /// Every status, in the order a job goes through them.
    pub const ALL: [Status; 5] = [
        Status::Queued,
        Status::Running,
        Status::Failed,
        Status::Done,
        Status::Dead,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Running => "running",
            Status::Done => "done",
            Status::Failed => "failed",
            Status::Dead => "dead",
        }
    }
}

/// One job.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    /// A fresh id, or `key:` and the idempotency key.
    #[serde(rename = "_id")]
    pub id: String,
    /// Its [`super::JobKind`] name.
    pub kind: String,
    /// What the handler needs.
    pub payload: Document,
    /// When it may run next.
    pub run_at: DateTime,
    /// Where it stands.
    pub status: Status,
    /// Runs started so far.
    pub attempts: u32,
    /// Until when the worker that runs it holds it.
    #[serde(default)]
    pub locked_until: Option<DateTime>,
    /// The worker that runs it.
    #[serde(default)]
    pub locked_by: Option<String>,
    /// Why the last run failed.
    #[serde(default)]
    pub last_error: Option<String>,
    /// When it was enqueued.
    pub created_at: DateTime,
    /// When it finished (done or dead).
    #[serde(default)]
    pub finished_at: Option<DateTime>,
    /// When a done job is removed.
    #[serde(default)]
    pub expires_at: Option<DateTime>,
}

/// The jobs collection.
pub fn jobs(db: &Db) -> Collection<Job> {
    db.collection(JOBS)
}

/// The leasing query's index, and done jobs removed when they expire.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![CollectionIndexes {
        collection: JOBS,
        indexes: vec![
            index(doc! { "status": 1, "run_at": 1 }, "status_run_at", false),
            index(doc! { "kind": 1, "status": 1 }, "kind_status", false),
            expiring("expires_at", "expires_ttl"),
        ],
    }]
}
