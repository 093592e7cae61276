//! Request limits counted in MongoDB, so a limit holds however many replicas serve the app and
//! memory stays bounded: one counter per key and fixed window, raised with an atomic `$inc` and
//! removed by a TTL index when its window ends. Each replica keeps a small cache in front: keys
//! already over their limit are refused without a round trip while the flood lasts, and a
//! high-volume limit (page views) may add up a few hits locally before it writes them.

use super::clock::Clock;
use super::db::Db;
use super::indexes::{expiring, CollectionIndexes};
use app_core::error::AppError;
use mongodb::bson::{doc, Bson, DateTime, Document};
use mongodb::options::ReturnDocument;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// Collection of the counters.
pub const RATE_LIMITS: &str = "rate_limits";

/// Keys remembered per replica, for the blocked list and for local counts each.
const CACHED_KEYS: usize = 50_000;

/// The platform's own indexes: counters disappear when their window ends.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![CollectionIndexes {
        collection: RATE_LIMITS,
        indexes: vec![expiring("expires_at", "expires_ttl")],
    }]
}

/// One key's hits in this window as this replica knows them, for a limit with a batch size.
#[derive(Debug, Default)]
struct Local {
    /// Counted here, not yet written.
    pending: i64,
    /// The shared count when last written.
    known: i64,
    /// Over the limit: refused here until the window ends.
    blocked: bool,
}

/// The keys of the current window: a plain map under one lock, emptied when the window ends (a
/// lookup costs less than the request's other work; a size-bounded cache cost more).
#[derive(Debug, Default)]
struct Window {
    number: i64,
    keys: HashMap<String, Local>,
}

/// At most `limit` hits per key in each fixed window, across every replica.
#[derive(Debug)]
pub struct RateLimiter {
    db: Db,
    clock: Clock,
    name: &'static str,
    limit: i64,
    window_ms: i64,
    batch: i64,
    /// Keys over their limit, with the end of their window (ms); batched limits keep theirs in
    /// `local`.
    blocked: moka::sync::Cache<String, i64>,
    local: Mutex<Window>,
}

impl RateLimiter {
    /// Allows `limit` hits per key in each `window`; `name` keeps its counters apart from other
    /// limits' in the shared collection.
    pub fn new(db: &Db, clock: &Clock, name: &'static str, limit: u32, window: Duration) -> Self {
        RateLimiter {
            db: db.clone(),
            clock: clock.clone(),
            name,
            limit: i64::from(limit),
            window_ms: window.as_millis().max(1) as i64,
            batch: 1,
            blocked: moka::sync::Cache::builder()
                .max_capacity(CACHED_KEYS as u64)
                .time_to_live(window)
                .build(),
            local: Mutex::default(),
        }
    }

    /// Lets each replica add up to `batch` hits of a key before writing them: one write per
    /// `batch` hits, and a replica may let through up to `batch - 1` hits more than the limit.
    /// Never past the limit on one replica alone.
    pub fn batched(mut self, batch: u32) -> Self {
        self.batch = i64::from(batch.max(1));
        self
    }

    /// Counts one hit for `key`; `RateLimited` says how long to wait when it is over the limit.
    pub async fn check(&self, key: &str) -> Result<(), AppError> {
        let now = self.clock.now().timestamp_millis();
        let window = now / self.window_ms;
        let ends = (window + 1) * self.window_ms;
        let refuse = |until: i64| AppError::RateLimited {
            retry_after_secs: ((until - now + 999) / 1000).max(1) as u64,
        };
        if self.batch > 1 {
            return self.check_batched(key, window, ends, refuse).await;
        }
        if let Some(until) = self.blocked.get(key).filter(|until| *until > now) {
            return Err(refuse(until));
        }
        if self.add(key, window, ends, 1).await? > self.limit {
            self.blocked.insert(key.to_owned(), ends);
            return Err(refuse(ends));
        }
        Ok(())
    }

    async fn check_batched(
        &self,
        key: &str,
        window: i64,
        ends: i64,
        refuse: impl Fn(i64) -> AppError,
    ) -> Result<(), AppError> {
        let Some(hits) = self.take(key, window) else {
            return Ok(());
        };
        let hits = hits.map_err(|()| refuse(ends))?;
        let count = self.add(key, window, ends, hits).await?;
        let mut w = self.local.lock().unwrap_or_else(|p| p.into_inner());
        let current = w.number == window;
        if let Some(local) = w.keys.get_mut(key).filter(|_| current) {
            local.known = local.known.max(count);
            local.blocked = count > self.limit;
        }
        if count > self.limit {
            return Err(refuse(ends));
        }
        Ok(())
    }

    /// Counts the hit locally; returns how many hits to write now, if any, or `Err` when the key
    /// is known to be over its limit. A key beyond the ones remembered is written at once.
    fn take(&self, key: &str, window: i64) -> Option<Result<i64, ()>> {
        let mut w = self.local.lock().unwrap_or_else(|p| p.into_inner());
        if w.number != window {
            w.number = window;
            w.keys.clear();
        }
        if !w.keys.contains_key(key) {
            if w.keys.len() >= CACHED_KEYS {
                return Some(Ok(1));
            }
            w.keys.insert(key.to_owned(), Local::default());
        }
        let local = w.keys.get_mut(key)?;
        if local.blocked {
            return Some(Err(()));
        }
        local.pending += 1;
        let at_limit = local.known + local.pending >= self.limit;
        (local.pending >= self.batch || at_limit).then(|| Ok(std::mem::take(&mut local.pending)))
    }

    /// Adds `hits` to the shared counter; returns its new value.
    async fn add(&self, key: &str, window: i64, ends: i64, hits: i64) -> Result<i64, AppError> {
        let counters = self.db.collection::<Document>(RATE_LIMITS);
        let id = format!("{}:{window}:{key}", self.name);
        let update = doc! {
            "$inc": { "count": hits },
            "$setOnInsert": { "expires_at": DateTime::from_millis(ends) },
        };
        // Two first hits racing may both try to insert; the loser's retry finds the document.
        for attempt in 0..2 {
            let result = counters
                .find_one_and_update(doc! { "_id": &id }, update.clone())
                .upsert(true)
                .return_document(ReturnDocument::After)
                .projection(doc! { "count": 1 })
                .await;
            match result.map_err(AppError::from) {
                Ok(counter) => {
                    return Ok(match counter.as_ref().and_then(|c| c.get("count")) {
                        Some(Bson::Int64(n)) => *n,
                        Some(Bson::Int32(n)) => i64::from(*n),
                        Some(Bson::Double(n)) => *n as i64,
                        _ => hits,
                    })
                }
                Err(AppError::Conflict { .. }) if attempt == 0 => continue,
                Err(e) => return Err(e),
            }
        }
        Err(AppError::Internal)
    }
}

/// Every limit the app applies, shared by all requests of this replica.
#[derive(Debug)]
pub struct Limits {
    /// Authentication actions per client IP and action (`AUTH_RATE_LIMIT_PER_MINUTE`).
    pub auth: RateLimiter,
    /// Signups on public forms per client and workspace, so a bot cannot fill a plan's contact
    /// limit.
    pub signups: RateLimiter,
    /// Recorded views and clicks of public pages per client and workspace; the page is served
    /// either way. Counted here up to the limit before the shared counter hears of it: a view
    /// costs no database round trip, and a client gets at most the limit on each replica.
    pub views: RateLimiter,
    /// Emails a member has sent one at a time (invitations, campaign tests) per workspace per
    /// day, so no account can mail strangers in a loop.
    pub member_emails: RateLimiter,
}

/// Recorded page views and clicks per client IP and workspace per minute.
pub const VIEWS_PER_MINUTE: u32 = 60;
/// Invitation emails (new and resent) and campaign tests per workspace per day.
pub const MEMBER_EMAILS_PER_DAY: u32 = 50;

impl Limits {
    /// The app's limits over `db`, with `auth_per_minute` from the configuration.
    pub fn new(db: &Db, clock: &Clock, auth_per_minute: u32) -> Self {
        let minute = Duration::from_secs(60);
        Limits {
            auth: RateLimiter::new(db, clock, "auth", auth_per_minute, minute),
            signups: RateLimiter::new(db, clock, "signup", 10, minute),
            views: RateLimiter::new(db, clock, "view", VIEWS_PER_MINUTE, minute)
                .batched(VIEWS_PER_MINUTE),
            member_emails: RateLimiter::new(
                db,
                clock,
                "invitation_email",
                MEMBER_EMAILS_PER_DAY,
                Duration::from_secs(24 * 3600),
            ),
        }
    }
}
