//! The time every service asks for. Production reads the system clock; tests move it forward to
//! cross expiry and back-off boundaries without sleeping.

use mongodb::bson::DateTime;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// RFC 3339 text of a stored time, as screens receive it (empty for a time out of range).
pub fn rfc3339(t: DateTime) -> String {
    t.try_to_rfc3339_string().unwrap_or_default()
}

/// A clock that can be advanced (tests only ever move it forward).
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// The current time.
    pub fn now(&self) -> DateTime {
        DateTime::from_millis(
            DateTime::now().timestamp_millis() + self.offset_ms.load(Ordering::Relaxed),
        )
    }

    /// The current time plus `d`.
    pub fn after(&self, d: Duration) -> DateTime {
        DateTime::from_millis(self.now().timestamp_millis() + d.as_millis() as i64)
    }

    /// Seconds since the Unix epoch, for token claims.
    pub fn unix(&self) -> i64 {
        self.now().timestamp_millis() / 1000
    }

    /// Moves time forward by `d` for everyone holding this clock.
    pub fn advance(&self, d: Duration) {
        self.offset_ms
            .fetch_add(d.as_millis() as i64, Ordering::Relaxed);
    }
}
