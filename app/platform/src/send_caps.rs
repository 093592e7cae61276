//! The caps SMTP providers put on a server per hour and per day, kept across replicas: each
//! window is one document with the count of the current fixed period and of the one before,
//! and the messages in the sliding window are estimated as the current count plus the part of
//! the previous one the window still covers. A reservation is one guarded update, so two
//! replicas cannot both take the last places.

use super::clock::Clock;
use super::db::Db;
use app_core::error::AppError;
use mongodb::bson::{doc, Document};

/// Collection name: one document per server and window.
pub const SEND_CAPS: &str = "send_caps";

/// A cap's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Any 60 minutes.
    Hour,
    /// Any 24 hours.
    Day,
}

impl Window {
    fn millis(self) -> i64 {
        match self {
            Window::Hour => 3_600_000,
            Window::Day => 86_400_000,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Window::Hour => "hour",
            Window::Day => "day",
        }
    }
}

/// Reserves up to `n` messages on server `server` under every cap of `caps`; returns how many
/// it got (0 when a cap is reached). What one cap grants and a later one does not is given
/// back.
pub async fn reserve(
    db: &Db,
    clock: &Clock,
    server: &str,
    caps: &[(Window, u32)],
    n: u32,
) -> Result<u32, AppError> {
    let mut granted = n;
    let mut taken: Vec<(Window, u32)> = Vec::new();
    for &(window, cap) in caps {
        let got = take(db, clock, server, window, cap, granted).await?;
        if got < granted {
            for &(w, had) in &taken {
                give_back(db, server, w, had - got).await?;
            }
            for t in &mut taken {
                t.1 = got;
            }
        }
        granted = got;
        taken.push((window, got));
        if granted == 0 {
            break;
        }
    }
    Ok(granted)
}

/// Gives back `n` messages reserved on `server` and not sent.
pub async fn release(
    db: &Db,
    server: &str,
    caps: &[(Window, u32)],
    n: u32,
) -> Result<(), AppError> {
    for &(window, _) in caps {
        give_back(db, server, window, n).await?;
    }
    Ok(())
}

async fn give_back(db: &Db, server: &str, window: Window, n: u32) -> Result<(), AppError> {
    if n == 0 {
        return Ok(());
    }
    let id = format!("{server}:{}", window.key());
    db.collection::<Document>(SEND_CAPS)
        .update_one(
            doc! { "_id": id, "current": { "$gte": i64::from(n) } },
            doc! { "$inc": { "current": -i64::from(n) } },
        )
        .await?;
    Ok(())
}

/// Takes up to `n` places in one window of `server`, capped at `cap`.
async fn take(
    db: &Db,
    clock: &Clock,
    server: &str,
    window: Window,
    cap: u32,
    n: u32,
) -> Result<u32, AppError> {
    let coll = db.collection::<Document>(SEND_CAPS);
    let id = format!("{server}:{}", window.key());
    let len = window.millis();
    // A few rounds: a period that rolls over, or another replica taking places first, sends
    // it round again.
    for _ in 0..8 {
        let now = clock.now().timestamp_millis();
        let period = now - now.rem_euclid(len);
        let Some(d) = coll.find_one(doc! { "_id": &id }).await? else {
            let fresh = doc! { "_id": &id, "start": period, "current": 0i64, "previous": 0i64 };
            match coll.insert_one(fresh).await.map_err(AppError::from) {
                Ok(_) | Err(AppError::Conflict { .. }) => continue,
                Err(e) => return Err(e),
            }
        };
        let start = d.get_i64("start").unwrap_or(0);
        let current = d.get_i64("current").unwrap_or(0);
        if start < period {
            let previous = if start == period - len { current } else { 0 };
            coll.update_one(
                doc! { "_id": &id, "start": start },
                doc! { "$set": { "start": period, "previous": previous, "current": 0i64 } },
            )
            .await?;
            continue;
        }
        // The part of the previous period still inside the sliding window.
        let previous = d.get_i64("previous").unwrap_or(0);
        let still = previous * (len - (now - start)) / len;
        let room = i64::from(cap) - still - current;
        let got = room.clamp(0, i64::from(n));
        if got == 0 {
            return Ok(0);
        }
        let done = coll
            .update_one(
                doc! {
                    "_id": &id,
                    "start": start,
                    "current": { "$lte": i64::from(cap) - still - got },
                },
                doc! { "$inc": { "current": got } },
            )
            .await?;
        if done.modified_count == 1 {
            return Ok(got as u32);
        }
    }
    Ok(0)
}
