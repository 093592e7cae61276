//! What a visitor can do with their booking from the link in its emails: see it, cancel it or
//! move it while the service's limit allows, and the reminders it sends.

use super::book;
use super::notify::{self, Change};
use super::slots::Refusal;
use super::store::{bookings, services, ts, Booking, ServiceDoc};
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use identity::service::secrets::{mac, verify_mac};
use jiff::Timestamp;
use mongodb::bson::{doc, DateTime, Document};
use platform::jobs::{Enqueue, JobKind};
use platform::AppState;

const PURPOSE: &str = "booking.manage";

/// The address of booking `id`'s page, signed so nobody reaches it by guessing.
pub fn manage_url(state: &AppState, id: &str) -> String {
    format!("{}{}", state.config.base_url, manage_path(state, id))
}

/// [`manage_url`] without the origin.
pub fn manage_path(state: &AppState, id: &str) -> String {
    format!(
        "/booking/{id}/{}",
        mac(state.config.app_secret.expose(), PURPOSE, id)
    )
}

/// Booking `id` with its service, if `tag` is its signature.
pub async fn find(
    state: &AppState,
    id: &str,
    tag: &str,
) -> Result<Option<(Booking, ServiceDoc)>, AppError> {
    if !verify_mac(state.config.app_secret.expose(), PURPOSE, id, tag) {
        return Ok(None);
    }
    let Some(b) = bookings(state).find_one(doc! { "_id": id }).await? else {
        return Ok(None);
    };
    let s = services(state)
        .find_one(doc! { "_id": &b.service_id })
        .await?;
    Ok(s.map(|s| (b, s)))
}

/// Whether the visitor may still cancel or move `b` themselves.
pub fn changeable(s: &ServiceDoc, b: &Booking, now: DateTime) -> bool {
    let limit = i64::from(s.settings.cancel_hours) * 3_600_000;
    b.status == crate::model::BookingStatus::Confirmed
        && now.timestamp_millis() + limit <= b.start.timestamp_millis()
}

/// Cancels confirmed booking `b` and tells both sides; `None` when it was not confirmed any
/// more.
pub async fn cancel(
    state: &AppState,
    s: &ServiceDoc,
    b: &Booking,
) -> Result<Option<Booking>, AppError> {
    let done = bookings(state)
        .find_one_and_update(
            doc! { "_id": &b.id, "status": "confirmed" },
            doc! { "$set": { "status": "cancelled" } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?;
    if let Some(done) = &done {
        super::packages::give_back(state, done).await?;
        notify::tell(state, s, done, Change::Cancelled).await?;
        super::waitlist::freed(state, s, done).await;
    }
    Ok(done)
}

/// Moves `b` to `start` (its length kept) and tells both sides.
pub async fn reschedule(
    state: &AppState,
    s: &ServiceDoc,
    b: &Booking,
    start: Timestamp,
) -> Result<Result<Booking, Refusal>, AppError> {
    let moved = book::reschedule(state, s, b, (book::length(s, Some(b.minutes())), start)).await?;
    if let Ok(new) = &moved {
        super::gcal::sync(state, b, "delete").await?;
        super::waitlist::freed(state, s, b).await;
        notify::tell(state, s, new, Change::Moved).await?;
        remind_later(state, new).await?;
    }
    Ok(moved)
}

/// Tells both sides of new booking `b` and queues its reminders. A failure is logged: the
/// booking stands, and the owner sees it in the app.
pub async fn booked(state: &AppState, s: &ServiceDoc, b: &Booking) {
    if let Err(e) = notify::tell(state, s, b, Change::Booked).await {
        tracing::warn!(error = %e, booking = %b.id, "booking emails not queued");
    }
    if let Err(e) = remind_later(state, b).await {
        tracing::warn!(error = %e, booking = %b.id, "booking reminders not queued");
    }
}

/// Reminders go this many hours before a session.
const REMIND_HOURS: [i64; 2] = [24, 1];

/// Queues booking `b`'s reminders (those still ahead).
pub async fn remind_later(state: &AppState, b: &Booking) -> Result<(), AppError> {
    let now = state.clock.now().timestamp_millis();
    for hours in REMIND_HOURS {
        let at = b.start.timestamp_millis() - hours * 3_600_000;
        if at <= now {
            continue;
        }
        let key = format!("{}:{}:{hours}", REMIND.name, b.id);
        let payload = doc! { "booking_id": &b.id, "start": b.start, "hours": hours };
        let when = Enqueue {
            key: Some(&key),
            run_at: Some(DateTime::from_millis(at)),
        };
        state.jobs.enqueue(REMIND.name, payload, when).await?;
    }
    Ok(())
}

/// Sends a booking's reminder, if it is still confirmed for the same time.
pub const REMIND: JobKind = JobKind {
    name: "booking.remind",
    run: remind_job,
    max_attempts: 8,
};

fn remind_job<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(remind(state, payload))
}

async fn remind(state: &AppState, payload: &Document) -> Result<(), String> {
    let id = payload.get_str("booking_id").map_err(|e| e.to_string())?;
    let start = payload.get_datetime("start").map_err(|e| e.to_string())?;
    let hours = payload.get_i64("hours").map_err(|e| e.to_string())?;
    let found = bookings(state)
        .find_one(doc! { "_id": id, "status": "confirmed", "start": start })
        .await
        .map_err(|e| e.to_string())?;
    let Some(b) = found else {
        return Ok(());
    };
    let s = services(state)
        .find_one(doc! { "_id": &b.service_id })
        .await
        .map_err(|e| e.to_string())?;
    match s {
        Some(s) if ts(b.start) > ts(state.clock.now()) => notify::remind(state, &s, &b, hours)
            .await
            .map_err(|e| e.to_string()),
        _ => Ok(()),
    }
}
