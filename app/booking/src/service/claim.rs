//! Taking a seat: one MongoDB transaction per attempt reads the host's calendar, applies the
//! slot rules and inserts the booking. Every attempt first writes the host's and the service's
//! lock document, so two attempts on one calendar conflict in the database and the loser starts
//! again with what the winner wrote: two visitors can never take one seat, whatever the page
//! showed them.

use super::slots::{check, Hours, Refusal, Rules, Taken};
use super::store::{bookings, dt, ts, Booking, LOCKS};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use jiff::{SignedDuration, Timestamp};
use mongodb::bson::{doc, DateTime, Document};
use mongodb::error::{TRANSIENT_TRANSACTION_ERROR, UNKNOWN_TRANSACTION_COMMIT_RESULT};
use platform::AppState;
use rand::Rng;
use std::time::Duration;

/// How many times an attempt that lost a conflict starts again.
const ATTEMPTS: usize = 60;

/// Bookings that hold time: confirmed ones and holds not yet run out.
pub fn active(now: DateTime) -> Document {
    doc! { "$or": [
        { "status": "confirmed" },
        { "status": "held", "hold_until": { "$gt": now } },
    ] }
}

/// The bookings that matter for a session of `service_id` at `start` with any of `hosts`:
/// the hosts' calendars around it and the service's week on either side (for its limits).
pub fn around(
    hosts: &[String],
    service_id: &str,
    (from, to): (Timestamp, Timestamp),
    now: DateTime,
) -> Document {
    let week = SignedDuration::from_hours(8 * 24);
    doc! { "$and": [
        { "$or": [ { "host_id": { "$in": hosts } }, { "service_id": service_id } ] },
        { "busy_until": { "$gt": dt(from - week) }, "busy_from": { "$lt": dt(to + week) } },
        active(now),
    ] }
}

/// A stored booking as the slot rules read it.
pub fn taken(b: &Booking) -> Taken {
    Taken {
        host_id: b.host_id.clone(),
        service_id: b.service_id.clone(),
        slot: b.slot.clone(),
        start: ts(b.start),
        busy_from: ts(b.busy_from),
        busy_until: ts(b.busy_until),
    }
}

/// Inserts `booking` (for `booking.host_id` at `booking.start`) if the rules still allow it,
/// deciding inside a transaction that conflicts with every other decision about the host or
/// the service. With `replacing`, the booking (or hold) of that id moves: it does not count
/// against the new time and is cancelled in the same transaction.
pub async fn claim(
    state: &AppState,
    rules: &Rules,
    hours: &Hours,
    booking: &Booking,
    (replacing, external): (Option<&str>, &[Taken]),
) -> Result<Result<(), Refusal>, AppError> {
    let client = state.db.database().client();
    let locks = state.db.collection::<Document>(LOCKS);
    let start = ts(booking.start);
    for _ in 0..ATTEMPTS {
        let mut session = client.start_session().await?;
        session.start_transaction().await?;
        let decided: Result<Result<(), Refusal>, mongodb::error::Error> = async {
            for key in [
                format!("host:{}", booking.host_id),
                format!("service:{}", booking.service_id),
            ] {
                locks
                    .update_one(doc! { "_id": key }, doc! { "$inc": { "n": 1 } })
                    .upsert(true)
                    .session(&mut session)
                    .await?;
            }
            let now = state.clock.now();
            let hosts = [booking.host_id.clone()];
            let mut filter = around(&hosts, &booking.service_id, (start, start), now);
            if let Some(old) = replacing {
                filter.insert("_id", doc! { "$ne": old });
            }
            let mut cursor = bookings(state).find(filter).session(&mut session).await?;
            let mut calendar: Vec<Taken> = cursor
                .stream(&mut session)
                .map_ok(|b| taken(&b))
                .try_collect()
                .await?;
            calendar.extend_from_slice(external);
            if let Err(refusal) = check(rules, &booking.host_id, hours, &calendar, ts(now), start) {
                return Ok(Err(refusal));
            }
            bookings(state)
                .insert_one(booking)
                .session(&mut session)
                .await?;
            if let Some(old) = replacing {
                let moved = bookings(state)
                    .update_one(
                        doc! { "_id": old, "status": { "$in": ["confirmed", "held"] } },
                        doc! { "$set": { "status": "cancelled", "moved_to": &booking.id } },
                    )
                    .session(&mut session)
                    .await?;
                if moved.matched_count == 0 {
                    return Ok(Err(Refusal::Moved));
                }
            }
            Ok(Ok(()))
        }
        .await;
        match decided {
            Ok(Err(refusal)) => {
                session.abort_transaction().await.ok();
                return Ok(Err(refusal));
            }
            Ok(Ok(())) => loop {
                match session.commit_transaction().await {
                    Ok(()) => return Ok(Ok(())),
                    Err(e) if e.contains_label(UNKNOWN_TRANSACTION_COMMIT_RESULT) => continue,
                    Err(e) if e.contains_label(TRANSIENT_TRANSACTION_ERROR) => break,
                    Err(e) => return Err(e.into()),
                }
            },
            Err(e) if e.contains_label(TRANSIENT_TRANSACTION_ERROR) => {
                session.abort_transaction().await.ok();
            }
            Err(e) => {
                session.abort_transaction().await.ok();
                return Err(e.into());
            }
        }
        // Lost a conflict: wait a little, differently from the others, and decide again.
        let ms = rand::rng().random_range(2..25);
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    tracing::warn!(host = %booking.host_id, "booking attempts kept conflicting");
    Err(AppError::Unavailable {
        service: "Booking".into(),
    })
}
