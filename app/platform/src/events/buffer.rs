use super::model::{duplicates_only, events, Event};
use super::rollup::ROLLUP;
use crate::clock::Clock;
use crate::db::Db;
use crate::jobs::{Enqueue, Jobs};
use app_core::error::AppError;
use mongodb::bson::oid::ObjectId;
use mongodb::bson::{doc, DateTime};
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::Notify;

/// How often the buffer is written.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// Written sooner once this many wait.
const FLUSH_AT: usize = 1_000;
/// Events held at most; beyond three quarters of it, every other event is kept.
pub const CAPACITY: usize = 100_000;
/// Rollups run at most once per slot of this many seconds across replicas.
const ROLLUP_SLOT_SECS: i64 = 5;

/// This replica's events on their way to the database.
#[derive(Debug)]
pub struct EventBuffer {
    db: Db,
    clock: Clock,
    jobs: Jobs,
    capacity: usize,
    waiting: Mutex<Vec<Event>>,
    seen: AtomicU64,
    dropped: AtomicU64,
    full: Notify,
}

impl EventBuffer {
    /// A buffer writing to `db` that queues a rollup after each write, holding at most
    /// `capacity` events.
    pub fn new(db: &Db, clock: &Clock, jobs: &Jobs, capacity: usize) -> Self {
        EventBuffer {
            db: db.clone(),
            clock: clock.clone(),
            jobs: jobs.clone(),
            capacity: capacity.max(2),
            waiting: Mutex::default(),
            seen: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
            full: Notify::new(),
        }
    }

    /// Adds `event` without waiting. A buffer three quarters full keeps every other event and a
    /// full one keeps none; each one left out is counted. Returns whether it was kept.
    pub fn record(&self, mut event: Event) -> bool {
        let n = self.seen.fetch_add(1, Ordering::Relaxed);
        let Ok(mut waiting) = self.waiting.lock() else {
            return false;
        };
        let len = waiting.len();
        let keep = len < self.capacity * 3 / 4 || (len < self.capacity && n % 2 == 0);
        if !keep {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        event.id.get_or_insert_with(ObjectId::new);
        waiting.push(event);
        if waiting.len() >= FLUSH_AT {
            self.full.notify_one();
        }
        true
    }

    /// Events left out since start.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// Events waiting to be written.
    pub fn waiting(&self) -> usize {
        self.waiting.lock().map(|w| w.len()).unwrap_or(0)
    }

    /// Writes what waits in one `insert_many` and queues a rollup; returns how many were
    /// written. When the write fails, the events go back to the buffer (what fits).
    pub async fn flush(&self) -> Result<usize, AppError> {
        let batch = match self.waiting.lock() {
            Ok(mut w) => std::mem::take(&mut *w),
            Err(_) => return Ok(0),
        };
        if batch.is_empty() {
            return Ok(0);
        }
        let written = events(&self.db).insert_many(&batch).ordered(false).await;
        // Only duplicates: a retried write whose earlier try stored some of the events.
        if let Some(e) = written.err().filter(|e| !duplicates_only(e)) {
            let n = batch.len();
            if let Ok(mut w) = self.waiting.lock() {
                let room = self.capacity.saturating_sub(w.len());
                let lost = n.saturating_sub(room);
                w.splice(0..0, batch.into_iter().take(room));
                self.dropped.fetch_add(lost as u64, Ordering::Relaxed);
            }
            return Err(e.into());
        }
        self.queue_rollup().await?;
        Ok(batch.len())
    }

    /// One rollup per slot after the write, whichever replica asks: the slot ends after this
    /// write, so the job sees it.
    async fn queue_rollup(&self) -> Result<(), AppError> {
        let slot_ms = ROLLUP_SLOT_SECS * 1000;
        let slot = self.clock.now().timestamp_millis() / slot_ms;
        let key = format!("{}@{slot}", ROLLUP.name);
        let options = Enqueue {
            key: Some(&key),
            run_at: Some(DateTime::from_millis((slot + 1) * slot_ms)),
        };
        self.jobs.enqueue(ROLLUP.name, doc! {}, options).await?;
        Ok(())
    }

    /// Writes every second, or as soon as enough events wait, until `stop` resolves. The last
    /// write is the caller's (after in-flight requests have finished): [`EventBuffer::flush`].
    pub async fn run(&self, stop: impl Future<Output = ()>) {
        tokio::pin!(stop);
        let mut reported = 0;
        loop {
            tokio::select! {
                _ = &mut stop => return,
                _ = tokio::time::sleep(FLUSH_EVERY) => {}
                _ = self.full.notified() => {}
            }
            if let Err(e) = self.flush().await {
                tracing::warn!(error = %e, waiting = self.waiting(), "events not written yet");
            }
            let dropped = self.dropped();
            if dropped > reported {
                tracing::warn!(
                    dropped = dropped - reported,
                    "event buffer full: events dropped"
                );
                reported = dropped;
            }
        }
    }
}
