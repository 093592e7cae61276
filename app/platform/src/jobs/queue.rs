use super::super::clock::Clock;
use super::super::db::{int, Db};
use super::kind::JobKind;
use super::model::{jobs, Job, Status};
use super::schedule::{Schedule, Ticks};
use app_core::error::AppError;
use mongodb::bson::{self, doc, DateTime, Document};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::Notify;

/// Options of one enqueue.
#[derive(Debug, Clone, Copy, Default)]
pub struct Enqueue<'a> {
    /// Enqueueing the same key again gives the one job already there (done or not).
    pub key: Option<&'a str>,
    /// Not before this time (now when `None`).
    pub run_at: Option<DateTime>,
}

/// The queue: enqueue jobs, and what the admin screen reads and does.
#[derive(Clone)]
pub struct Jobs {
    db: Db,
    clock: Clock,
    kinds: Arc<HashMap<&'static str, JobKind>>,
    names: Arc<[&'static str]>,
    schedules: Arc<[Ticks]>,
    wake: Arc<Notify>,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs").field("kinds", &self.names).finish()
    }
}

impl Jobs {
    /// The queue over `db`, knowing `kinds` and running `schedules`; refuses a schedule whose
    /// expression or zone is wrong or whose kind is not among `kinds`.
    pub fn new(
        db: &Db,
        clock: &Clock,
        kinds: impl IntoIterator<Item = JobKind>,
        schedules: impl IntoIterator<Item = Schedule>,
    ) -> Result<Self, String> {
        let kinds: HashMap<_, _> = kinds.into_iter().map(|k| (k.name, k)).collect();
        let mut names: Vec<_> = kinds.keys().copied().collect();
        names.sort_unstable();
        let schedules = schedules
            .into_iter()
            .map(|s| match kinds.contains_key(s.kind) {
                true => Ticks::new(s),
                false => Err(format!("schedule of {}: no such job kind", s.kind)),
            })
            .collect::<Result<Arc<[Ticks]>, String>>()?;
        Ok(Jobs {
            db: db.clone(),
            clock: clock.clone(),
            kinds: Arc::new(kinds),
            names: names.into(),
            schedules,
            wake: Arc::new(Notify::new()),
        })
    }

    /// The schedules, checked.
    pub fn schedules(&self) -> &[Ticks] {
        &self.schedules
    }

    /// The kind named `name`, if a module declared it.
    pub fn kind(&self, name: &str) -> Option<&JobKind> {
        self.kinds.get(name)
    }

    /// Every declared kind's name, sorted.
    pub fn kind_names(&self) -> &[&'static str] {
        &self.names
    }

    /// Resolves when a job was enqueued on this replica since the last call.
    pub(super) async fn woken(&self) {
        self.wake.notified().await
    }

    /// Enqueues a `kind` job with `payload`; returns its id.
    pub async fn enqueue(
        &self,
        kind: &str,
        payload: Document,
        options: Enqueue<'_>,
    ) -> Result<String, AppError> {
        let Some(kind) = self.kinds.get(kind) else {
            tracing::error!(kind, "enqueue of an undeclared job kind");
            return Err(AppError::Internal);
        };
        let now = self.clock.now();
        let id = match options.key {
            Some(key) => format!("key:{key}"),
            None => app_core::ids::new_id(),
        };
        let job = Job {
            id: id.clone(),
            kind: kind.name.to_owned(),
            payload,
            run_at: options.run_at.unwrap_or(now),
            status: Status::Queued,
            attempts: 0,
            locked_until: None,
            locked_by: None,
            last_error: None,
            created_at: now,
            finished_at: None,
            expires_at: None,
        };
        let mut fields = bson::to_document(&job).map_err(|e| {
            tracing::error!(error = %e, "job not serialisable");
            AppError::Internal
        })?;
        fields.remove("_id");
        let result = jobs(&self.db)
            .update_one(doc! { "_id": &id }, doc! { "$setOnInsert": fields })
            .upsert(true)
            .await;
        match result.map_err(AppError::from) {
            // Two replicas enqueued the same key at once: the other one's insert won.
            Ok(_) | Err(AppError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
        self.wake.notify_one();
        Ok(id)
    }

    /// The number of jobs of each kind in each status, by kind then status, for the admin
    /// screen: one grouped query.
    pub async fn counts(&self) -> Result<Vec<(String, Status, u64)>, AppError> {
        use futures_util::TryStreamExt;
        let groups: Vec<Document> = jobs(&self.db)
            .aggregate(vec![
                doc! { "$match": { "kind": { "$in": self.kind_names() } } },
                doc! { "$group": {
                    "_id": { "kind": "$kind", "status": "$status" }, "n": { "$sum": 1 },
                } },
            ])
            .await?
            .try_collect()
            .await?;
        let mut out: Vec<_> = groups
            .iter()
            .filter_map(|g| {
                let id = g.get_document("_id").ok()?;
                let status = bson::from_bson(id.get("status")?.clone()).ok()?;
                let n = int(g, "n")?;
                Some((id.get_str("kind").ok()?.to_owned(), status, n as u64))
            })
            .collect();
        out.sort_by_key(|(kind, status, _)| {
            (kind.clone(), Status::ALL.iter().position(|s| s == status))
        });
        Ok(out)
    }

    /// Up to `limit` dead jobs, the latest first.
    pub async fn dead(&self, limit: i64) -> Result<Vec<Job>, AppError> {
        use futures_util::TryStreamExt;
        Ok(jobs(&self.db)
            .find(doc! { "status": Status::Dead.as_str() })
            .sort(doc! { "finished_at": -1 })
            .limit(limit)
            .await?
            .try_collect()
            .await?)
    }

    /// Gives a dead job a fresh set of attempts, now. Returns whether it was dead.
    pub async fn retry(&self, id: &str) -> Result<bool, AppError> {
        let r = jobs(&self.db)
            .update_one(
                doc! { "_id": id, "status": Status::Dead.as_str() },
                doc! { "$set": {
                    "status": Status::Queued.as_str(), "attempts": 0, "run_at": self.clock.now(),
                    "finished_at": null,
                } },
            )
            .await?;
        if r.modified_count > 0 {
            self.wake.notify_one();
        }
        Ok(r.modified_count > 0)
    }

    /// Deletes a dead job. Returns whether it was dead.
    pub async fn discard(&self, id: &str) -> Result<bool, AppError> {
        let r = jobs(&self.db)
            .delete_one(doc! { "_id": id, "status": Status::Dead.as_str() })
            .await?;
        Ok(r.deleted_count > 0)
    }
}
