use super::model::{duplicates_only, events, Event};
use super::rollup::ROLLUP;
use super::sums::Sums;
use crate::db::Db;
use crate::jobs::{Enqueue, Jobs};
use app_core::error::AppError;
use mongodb::bson::doc;
use mongodb::bson::oid::ObjectId;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::Notify;

/// How often the buffer is written.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// Written sooner once this many raw events wait.
const FLUSH_AT: usize = 1_000;
/// Raw events held at most; beyond three quarters of it, every other one is kept.
pub const CAPACITY: usize = 100_000;
/// Visitor-days remembered as sent.
const COUNTED_VISITORS: u64 = 1_000_000;

#[derive(Debug, Default)]
struct Waiting {
    raw: Vec<Event>,
    sums: Sums,
}

/// This replica's events on their way to the database: their exact sums, and the raw events
/// themselves as far as they fit.
#[derive(Debug)]
pub struct EventBuffer {
    db: Db,
    jobs: Jobs,
    capacity: usize,
    waiting: Mutex<Waiting>,
    /// Visitors already sent for a day's rollup by this replica: sending them again would only
    /// make the rollup job find them there (another replica may still send them once).
    counted: moka::sync::Cache<String, ()>,
    seen: AtomicU64,
    dropped: AtomicU64,
    full: Notify,
}

impl EventBuffer {
    /// A buffer writing to `db` and queueing the rollups of what it writes, holding at most
    /// `capacity` raw events.
    pub fn new(db: &Db, jobs: &Jobs, capacity: usize) -> Self {
        EventBuffer {
            db: db.clone(),
            jobs: jobs.clone(),
            capacity: capacity.max(2),
            waiting: Mutex::default(),
            counted: moka::sync::Cache::builder()
                .max_capacity(COUNTED_VISITORS)
                .time_to_live(Duration::from_secs(26 * 3600))
                .build(),
            seen: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
            full: Notify::new(),
        }
    }

    /// Adds `event` without waiting. It always counts in the rollups; as a raw event, a buffer
    /// three quarters full keeps every other one and a full one none, and each one left out is
    /// counted. Returns whether the raw event was kept.
    pub fn record(&self, mut event: Event) -> bool {
        let n = self.seen.fetch_add(1, Ordering::Relaxed);
        let Ok(mut w) = self.waiting.lock() else {
            return false;
        };
        w.sums.add(&event, &self.counted);
        let len = w.raw.len();
        let keep = len < self.capacity * 3 / 4 || (len < self.capacity && n.is_multiple_of(2));
        if !keep {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        event.id.get_or_insert_with(ObjectId::new);
        w.raw.push(event);
        if w.raw.len() >= FLUSH_AT {
            self.full.notify_one();
        }
        true
    }

    /// Raw events left out since start (their sums were kept).
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// Raw events waiting to be written.
    pub fn waiting(&self) -> usize {
        self.waiting.lock().map(|w| w.raw.len()).unwrap_or(0)
    }

    /// Queues the rollup of everything recorded since the last flush (one job: durable before
    /// anything else), then writes the raw events in one `insert_many`; returns how many raw
    /// events were written. When a write fails, what it held goes back to the buffer.
    pub async fn flush(&self) -> Result<usize, AppError> {
        let (raw, sums) = match self.waiting.lock() {
            Ok(mut w) => (std::mem::take(&mut w.raw), w.sums.take()),
            Err(_) => return Ok(0),
        };
        if !sums.is_empty() {
            let payload = doc! { "batch": app_core::ids::new_id(), "rollups": sums.to_payload() };
            if let Err(e) = self
                .jobs
                .enqueue(ROLLUP.name, payload, Enqueue::default())
                .await
            {
                self.put_back(raw, Some(sums));
                return Err(e);
            }
        }
        if raw.is_empty() {
            return Ok(0);
        }
        let written = events(&self.db).insert_many(&raw).ordered(false).await;
        // Only duplicates: a retried write whose earlier try stored some of the events.
        if let Some(e) = written.err().filter(|e| !duplicates_only(e)) {
            self.put_back(raw, None);
            return Err(e.into());
        }
        Ok(raw.len())
    }

    fn put_back(&self, raw: Vec<Event>, sums: Option<Sums>) {
        let Ok(mut w) = self.waiting.lock() else {
            return;
        };
        if let Some(sums) = sums {
            w.sums.merge(sums);
        }
        let room = self.capacity.saturating_sub(w.raw.len());
        let lost = raw.len().saturating_sub(room);
        w.raw.splice(0..0, raw.into_iter().take(room));
        self.dropped.fetch_add(lost as u64, Ordering::Relaxed);
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
                    "event buffer full: raw events dropped (their counts are kept)"
                );
                reported = dropped;
            }
        }
    }
}
