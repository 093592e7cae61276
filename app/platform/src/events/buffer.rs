use super::model::{events, Event};
use super::rollup::ROLLUP;
use super::sums::Sums;
use crate::db::{duplicates_only, Db};
use crate::jobs::{Enqueue, Jobs};
use app_core::error::AppError;
use mongodb::bson::doc;
use mongodb::bson::oid::ObjectId;
use std::collections::HashSet;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often the buffer is written.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// Raw events held at most, should the database fall behind.
pub const CAPACITY: usize = 100_000;
/// Raw events kept per second (per flush) on one replica; beyond, a uniform sample of this size.
/// Writing every raw event of a busy page cost the database more CPU than serving it; the sums,
/// which every figure comes from, stay exact.
pub const SAMPLE_PER_SECOND: usize = 1_000;
/// Visitor-days remembered as sent; all are forgotten beyond (sending one again is harmless).
const COUNTED_VISITORS: usize = 500_000;

#[derive(Debug, Default)]
struct Waiting {
    raw: Vec<Event>,
    sums: Sums,
    /// Where this flush's raw events start in `raw` (before are those a failed write put back).
    window_start: usize,
    /// Raw events offered since the last flush.
    window_seen: usize,
    /// Visitors already sent for a day's rollup by this replica (hashed with the rollup's id,
    /// see `Sums::add`): sending them again would only make the rollup job find them there
    /// (another replica may still send them once).
    counted: HashSet<u64>,
}

/// This replica's events on their way to the database: their exact sums, and the raw events
/// themselves as far as they fit.
#[derive(Debug)]
pub struct EventBuffer {
    db: Db,
    jobs: Jobs,
    capacity: usize,
    sample: usize,
    waiting: Mutex<Waiting>,
    dropped: AtomicU64,
    /// Today's visitor salt, once read (see [`super::visitors`]).
    salt: Mutex<Option<(i64, Arc<str>)>>,
}

impl EventBuffer {
    /// The visitor salt of `day` (days since the epoch), if this replica knows it.
    pub fn salt(&self, day: i64) -> Option<Arc<str>> {
        let salt = self.salt.lock().ok()?;
        salt.as_ref()
            .filter(|(d, _)| *d == day)
            .map(|(_, s)| s.clone())
    }

    /// Remembers the visitor salt of `day` (days since the epoch), and returns it.
    pub fn remember_salt(&self, day: i64, salt: &str) -> Arc<str> {
        let salt: Arc<str> = salt.into();
        if let Ok(mut s) = self.salt.lock() {
            *s = Some((day, salt.clone()));
        }
        salt
    }

    /// A buffer writing to `db` and queueing the rollups of what it writes, keeping `sample`
    /// raw events per flush and holding at most `capacity`.
    pub fn new(db: &Db, jobs: &Jobs, sample: usize, capacity: usize) -> Self {
        EventBuffer {
            db: db.clone(),
            jobs: jobs.clone(),
            capacity: capacity.max(1),
            sample: sample.max(1),
            waiting: Mutex::default(),
            dropped: AtomicU64::new(0),
            salt: Mutex::default(),
        }
    }

    /// Adds `event` without waiting. It always counts in the rollups; as a raw event, it joins
    /// a uniform sample of at most `sample` of the events since the last flush (reservoir
    /// sampling), unless the buffer holds `capacity` already. Each one left out is counted.
    pub fn record(&self, mut event: Event) {
        let Ok(mut w) = self.waiting.lock() else {
            return;
        };
        let w = &mut *w;
        if w.counted.len() >= COUNTED_VISITORS {
            w.counted.clear();
        }
        w.sums.add(&event, &mut w.counted);
        let seen = w.window_seen;
        w.window_seen += 1;
        let slot = if seen < self.sample && w.raw.len() < self.capacity {
            None
        } else {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            let slot = rand::random_range(0..=seen);
            let at = w.window_start + slot;
            if slot >= self.sample || at >= w.raw.len() {
                return;
            }
            Some(at)
        };
        event.id.get_or_insert_with(ObjectId::new);
        match slot {
            None => w.raw.push(event),
            Some(at) => w.raw[at] = event,
        }
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
            Ok(mut w) => {
                w.window_start = 0;
                w.window_seen = 0;
                (std::mem::take(&mut w.raw), w.sums.take())
            }
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
        let back = raw.len().min(room);
        w.raw.splice(0..0, raw.into_iter().take(room));
        w.window_start += back;
        self.dropped.fetch_add(lost as u64, Ordering::Relaxed);
    }

    /// Writes every second until `stop` resolves. The last
    /// write is the caller's (after in-flight requests have finished): [`EventBuffer::flush`].
    pub async fn run(&self, stop: impl Future<Output = ()>) {
        tokio::pin!(stop);
        let mut reported = 0;
        loop {
            tokio::select! {
                _ = &mut stop => return,
                _ = tokio::time::sleep(FLUSH_EVERY) => {}
            }
            if let Err(e) = self.flush().await {
                tracing::warn!(error = %e, waiting = self.waiting(), "events not written yet");
            }
            let dropped = self.dropped();
            if dropped > reported {
                tracing::warn!(
                    dropped = dropped - reported,
                    "raw events left out of the sample (their counts are kept)"
                );
                reported = dropped;
            }
        }
    }
}
