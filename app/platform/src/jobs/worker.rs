use super::super::state::AppState;
use super::kind::JobKind;
use super::model::{jobs, Job, Status};
use super::queue::Enqueue;
use app_core::error::AppError;
use futures_util::FutureExt;
use mongodb::bson::{doc, DateTime};
use mongodb::options::ReturnDocument;
use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::JoinSet;

/// How a worker paces itself.
#[derive(Debug, Clone, Copy)]
pub struct WorkerOptions {
    /// Jobs run at once by this worker.
    pub concurrency: usize,
    /// How long a lease lasts without renewal; a job whose worker stopped runs again after it.
    pub lease: Duration,
    /// How often an idle worker looks for due jobs enqueued elsewhere.
    pub poll: Duration,
    /// The wait after a first failure; it doubles with each attempt, plus up to a quarter of
    /// jitter.
    pub backoff: Duration,
    /// The longest wait between attempts.
    pub max_backoff: Duration,
    /// How long running jobs may take to finish at shutdown before their leases are released.
    pub drain: Duration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            concurrency: 4,
            lease: Duration::from_secs(60),
            poll: Duration::from_secs(1),
            backoff: Duration::from_secs(10),
            max_backoff: Duration::from_secs(3600),
            drain: Duration::from_secs(10),
        }
    }
}

/// Runs due jobs of every declared kind until told to stop. One per server process.
#[derive(Clone)]
pub struct Worker {
    state: AppState,
    id: String,
    options: WorkerOptions,
    /// The tick this worker enqueued last, by schedule (its place in the list).
    ticks: Arc<Mutex<HashMap<usize, jiff::Timestamp>>>,
}

impl Worker {
    /// A worker over `state`'s queue with a fresh identity.
    pub fn new(state: AppState, options: WorkerOptions) -> Self {
        Worker {
            state,
            id: app_core::ids::new_id(),
            options,
            ticks: Arc::default(),
        }
    }

    /// Leases and runs jobs until `stop` resolves; then leases no more, lets running jobs finish
    /// within the drain window and releases the leases of the rest for another replica.
    pub async fn run(self, stop: impl Future<Output = ()>) {
        tokio::pin!(stop);
        let mut running = JoinSet::new();
        loop {
            // Ticks are written only once the indexes are in place: a collection created by an
            // insert while start-up creates its indexes can make that fail and start over.
            if self.state.db.schema_ready() {
                self.enqueue_ticks().await;
            }
            while running.len() < self.options.concurrency {
                match self.lease().await {
                    Ok(Some(job)) => {
                        let worker = self.clone();
                        running.spawn(async move { worker.execute(job).await });
                    }
                    Ok(None) => break,
                    // Before start-up reached the database, this is expected: say it quietly.
                    Err(e) if !self.state.db.schema_ready() => {
                        tracing::debug!(error = %e, "could not lease a job yet");
                        break;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "could not lease a job");
                        break;
                    }
                }
            }
            tokio::select! {
                _ = &mut stop => break,
                Some(_) = running.join_next(), if !running.is_empty() => {}
                _ = self.state.jobs.woken() => {}
                _ = tokio::time::sleep(self.options.poll) => {}
            }
        }
        let drain = tokio::time::sleep(self.options.drain);
        tokio::pin!(drain);
        while !running.is_empty() {
            tokio::select! {
                _ = running.join_next() => {}
                _ = &mut drain => break,
            }
        }
        running.shutdown().await;
        if let Err(e) = self.release().await {
            tracing::warn!(error = %e, "could not release job leases at shutdown");
        }
    }

    /// Leases and runs the next due job, if any; returns whether there was one.
    pub async fn run_one(&self) -> Result<bool, AppError> {
        match self.lease().await? {
            Some(job) => {
                self.execute(job).await;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Enqueues the next tick of every schedule whose last enqueued tick has come (or that has
    /// none yet), under a key naming the tick: every replica does this and the key makes one job.
    pub async fn enqueue_ticks(&self) {
        let now = jiff::Timestamp::from_millisecond(self.state.clock.now().timestamp_millis())
            .unwrap_or_default();
        for (i, ticks) in self.state.jobs.schedules().iter().enumerate() {
            let kind = ticks.schedule.kind;
            let last = self.ticks.lock().ok().and_then(|t| t.get(&i).copied());
            let after = match last {
                Some(last) if last > now => continue,
                Some(last) => last,
                None => now,
            };
            let Some(tick) = ticks.next_after(after) else {
                continue;
            };
            let at = DateTime::from_millis(tick.as_millisecond());
            let key = format!("{kind}@{tick}");
            let options = Enqueue {
                key: Some(&key),
                run_at: Some(at),
            };
            match self
                .state
                .jobs
                .enqueue(kind, doc! { "tick": at }, options)
                .await
            {
                Ok(_) => {
                    if let Ok(mut t) = self.ticks.lock() {
                        t.insert(i, tick);
                    }
                }
                Err(e) if !self.state.db.schema_ready() => {
                    tracing::debug!(error = %e, kind, "could not schedule a tick yet")
                }
                Err(e) => tracing::warn!(error = %e, kind, "could not schedule a tick"),
            }
        }
    }

    /// Takes the next due job (or one whose worker stopped renewing its lease), in one atomic
    /// update so no other worker can take it too.
    async fn lease(&self) -> Result<Option<Job>, AppError> {
        let now = self.state.clock.now();
        let kinds = self.state.jobs.kind_names();
        let filter = doc! {
            "kind": { "$in": kinds },
            "$or": [
                { "status": { "$in": [Status::Queued.as_str(), Status::Failed.as_str()] }, "run_at": { "$lte": now } },
                { "status": Status::Running.as_str(), "locked_until": { "$lt": now } },
            ],
        };
        let update = doc! {
            "$set": {
                "status": Status::Running.as_str(),
                "locked_until": self.lease_end(),
                "locked_by": &self.id,
            },
            "$inc": { "attempts": 1 },
        };
        Ok(jobs(&self.state.db)
            .find_one_and_update(filter, update)
            .sort(doc! { "run_at": 1 })
            .return_document(ReturnDocument::After)
            .await?)
    }

    fn lease_end(&self) -> DateTime {
        self.state.clock.after(self.options.lease)
    }

    /// Runs `job`, renewing its lease meanwhile, and records the outcome.
    async fn execute(&self, job: Job) {
        let Some(kind) = self.state.jobs.kind(&job.kind).copied() else {
            return;
        };
        let outcome = if job.attempts > kind.max_attempts {
            // Its earlier runs stopped without a word (the process died): do not start another.
            Err("its worker stopped during every attempt".to_owned())
        } else {
            let run = AssertUnwindSafe((kind.run)(&self.state, &job.payload)).catch_unwind();
            tokio::select! {
                r = run => r.unwrap_or_else(|_| Err("the handler panicked".to_owned())),
                // The lease could not be renewed: another worker may have taken the job.
                _ = self.renew(&job.id) => return,
            }
        };
        if let Err(e) = self.finish(&job, &kind, outcome).await {
            tracing::warn!(error = %e, job = %job.id, "could not record a job's outcome");
        }
    }

    /// Keeps the lease of job `id` ahead of time; returns only when it is lost.
    async fn renew(&self, id: &str) {
        let every = self.options.lease / 3;
        loop {
            tokio::time::sleep(every).await;
            let kept = jobs(&self.state.db)
                .update_one(
                    doc! { "_id": id, "locked_by": &self.id, "status": Status::Running.as_str() },
                    doc! { "$set": { "locked_until": self.lease_end() } },
                )
                .await;
            match kept {
                Ok(r) if r.matched_count == 0 => {
                    tracing::warn!(job = id, "job lease lost");
                    return;
                }
                Ok(_) => {}
                // A blip: the lease is still good for two more periods.
                Err(e) => tracing::warn!(error = %e, job = id, "could not renew a job lease"),
            }
        }
    }

    async fn finish(
        &self,
        job: &Job,
        kind: &JobKind,
        outcome: Result<(), String>,
    ) -> Result<(), AppError> {
        let now = self.state.clock.now();
        let set = match outcome {
            Ok(()) => doc! {
                "status": Status::Done.as_str(), "finished_at": now, "last_error": null,
                "expires_at": self.state.clock.after(Duration::from_secs(7 * 86_400)),
            },
            Err(error) if job.attempts >= kind.max_attempts => {
                tracing::error!(job = %job.id, kind = kind.name, %error, "job dead after its last attempt");
                doc! { "status": Status::Dead.as_str(), "finished_at": now, "last_error": error }
            }
            Err(error) => {
                tracing::warn!(job = %job.id, kind = kind.name, attempt = job.attempts, %error, "job failed; will retry");
                doc! {
                    "status": Status::Failed.as_str(), "last_error": error,
                    "run_at": self.state.clock.after(self.backoff(job.attempts)),
                }
            }
        };
        let mut update = doc! { "$set": set };
        update.insert("$unset", doc! { "locked_until": "", "locked_by": "" });
        jobs(&self.state.db)
            .update_one(doc! { "_id": &job.id, "locked_by": &self.id }, update)
            .await?;
        Ok(())
    }

    /// The wait before the attempt after `attempts`: doubling from the base, capped, plus up to
    /// a quarter of jitter so that jobs failing together do not retry together.
    fn backoff(&self, attempts: u32) -> Duration {
        let doubled = self
            .options
            .backoff
            .saturating_mul(1 << attempts.saturating_sub(1).min(20));
        let wait = doubled.min(self.options.max_backoff);
        wait + wait.mul_f64(rand::random::<f64>() / 4.0)
    }

    /// Hands the jobs this worker still holds back to the queue, their attempt not counted.
    async fn release(&self) -> Result<(), AppError> {
        jobs(&self.state.db)
            .update_many(
                doc! { "locked_by": &self.id, "status": Status::Running.as_str() },
                doc! {
                    "$set": { "status": Status::Queued.as_str() },
                    "$unset": { "locked_until": "", "locked_by": "" },
                    "$inc": { "attempts": -1 },
                },
            )
            .await?;
        Ok(())
    }
}
