//! Waitlists for full days: a visitor leaves their name for a day of a service; when a booking
//! of that day is cancelled (or moves away), its time is held for the first person waiting and
//! they get an email to finish the booking. An offer not taken in time passes to the next.

use super::book::{self, rules};
use super::store::{bookings, dt, ts, Booking, ServiceDoc};
use crate::model::BookingStatus;
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use identity::model::{email_problem, normalize_email};
use jiff::civil::Date;
use mongodb::bson::{doc, DateTime, Document};
use platform::jobs::{Enqueue, JobKind};
use platform::AppState;
use serde::{Deserialize, Serialize};

/// Collection name.
pub const WAITLIST: &str = "booking_waitlist";

/// How long a freed time is held for the person it is offered to.
pub const OFFER_HOURS: i64 = 2;

/// Someone waiting for a day of a service.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Service.
    pub service_id: String,
    /// The day, `YYYY-MM-DD` in `tz`.
    pub date: String,
    /// The visitor's zone.
    pub tz: String,
    /// The day's bounds in that zone.
    pub day_from: DateTime,
    /// See `day_from`.
    pub day_until: DateTime,
    /// Who.
    pub name: String,
    /// Their address.
    pub email: String,
    /// `waiting`, `offered`, `booked` or `passed` (an offer ran out).
    pub status: String,
    /// The hold offered to them.
    #[serde(default)]
    pub booking_id: Option<String>,
    /// When they joined: first come, first offered.
    pub created_at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Entry> {
    state.db.collection(WAITLIST)
}

/// Puts `name` <`email`> on the waitlist of service `s` for `date` in zone `tz`; joining twice
/// for one day keeps one place. Problems come back by field.
pub async fn join(
    state: &AppState,
    s: &ServiceDoc,
    (date, tz): (&str, &str),
    (name, email): (&str, &str),
) -> Result<(), AppError> {
    let mut p = Vec::new();
    let zone = super::store::zone(tz);
    let today = ts(state.clock.now()).to_zoned_datetime(zone.clone()).date();
    let day = date.parse::<Date>().ok().filter(|d| *d >= today);
    if day.is_none() {
        p.push(("date", "Choose a day from today on."));
    }
    if name.trim().is_empty() || name.chars().count() > 100 {
        p.push(("name", "Write your name (up to 100 characters)."));
    }
    let email = normalize_email(email);
    if let Some(problem) = email_problem(&email) {
        p.push(("email", problem));
    }
    let (Some(day), true) = (day, p.is_empty()) else {
        return Err(AppError::invalid_fields(p));
    };
    let bound = |d: Date| d.to_zoned_datetime(zone.clone()).map(|z| dt(z.timestamp()));
    let (Ok(from), Ok(until)) = (bound(day), bound(day.tomorrow().unwrap_or(day))) else {
        return Err(AppError::invalid("date", "Choose a day from today on."));
    };
    coll(state)
        .update_one(
            doc! { "service_id": &s.id, "date": day.to_string(), "tz": tz, "email": &email, "status": "waiting" },
            doc! { "$setOnInsert": {
                "_id": app_core::ids::new_id(), "workspace_id": &s.workspace_id, "day_from": from,
                "day_until": until, "name": name.trim(), "created_at": state.clock.now(),
            } },
        )
        .upsert(true)
        .await?;
    Ok(())
}

/// After booking `b` freed its time: offers it to the first person waiting for its day. A
/// failure is logged; the time is simply open to everyone then.
pub async fn freed(state: &AppState, s: &ServiceDoc, b: &Booking) {
    if let Err(e) = offer_next(state, s, b).await {
        tracing::warn!(error = %e, booking = %b.id, "waitlist offer failed");
    }
}

/// Offers the time booking `freed` held to the first person waiting for its day.
async fn offer_next(state: &AppState, s: &ServiceDoc, freed: &Booking) -> Result<(), AppError> {
    let (start, minutes) = (freed.start, freed.minutes());
    if ts(start) <= ts(state.clock.now()) {
        return Ok(());
    }
    let next = coll(state)
        .find_one_and_update(
            doc! { "service_id": &s.id, "status": "waiting", "day_from": { "$lte": start }, "day_until": { "$gt": start } },
            doc! { "$set": { "status": "offered" } },
        )
        .sort(doc! { "created_at": 1 })
        .return_document(mongodb::options::ReturnDocument::After)
        .await?;
    let Some(entry) = next else {
        return Ok(());
    };
    let now = state.clock.now();
    let until = DateTime::from_millis(now.timestamp_millis() + OFFER_HOURS * 3_600_000);
    let base = Booking {
        status: BookingStatus::Held,
        hold_until: Some(until),
        name: entry.name.clone(),
        email: entry.email.clone(),
        visitor_tz: entry.tz.clone(),
        ..book::blank(s, now)
    };
    match book::take(state, s, (rules(s, minutes), ts(start)), base, None).await? {
        Ok(held) => {
            coll(state)
                .update_one(
                    doc! { "_id": &entry.id },
                    doc! { "$set": { "booking_id": &held.id } },
                )
                .await?;
            tell(state, s, &entry, &held).await?;
            let key = format!("{}:{}", OFFER_ENDS.name, held.id);
            let payload = doc! { "entry_id": &entry.id, "booking_id": &held.id };
            let at = Enqueue {
                key: Some(&key),
                run_at: Some(until),
            };
            state.jobs.enqueue(OFFER_ENDS.name, payload, at).await?;
        }
        // Taken meanwhile: they keep their place for the next time.
        Err(_) => {
            coll(state)
                .update_one(
                    doc! { "_id": &entry.id },
                    doc! { "$set": { "status": "waiting" } },
                )
                .await?;
        }
    }
    Ok(())
}

async fn tell(
    state: &AppState,
    s: &ServiceDoc,
    entry: &Entry,
    held: &Booking,
) -> Result<(), AppError> {
    let link = format!(
        "{}{}",
        state.config.base_url,
        super::public::details_path(state, s, held).await?
    );
    let when = super::public_form::when(held);
    let text = format!(
        "Hi {},\n\nA time opened up for {}: {when}.\nWe are keeping it for you for {OFFER_HOURS} hours. Book it here: {link}\n",
        entry.name, s.settings.name
    );
    let html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5\"><p>Hi {},</p>\
         <p>A time opened up for {}: {}.</p><p>We are keeping it for you for {OFFER_HOURS} hours.</p><p><a href=\"{}\">Book it</a></p></body></html>",
        app_core::text::escape_html(&entry.name),
        app_core::text::escape_html(&s.settings.name),
        app_core::text::escape_html(&when),
        app_core::text::escape_html(&link)
    );
    let subject = format!("A time opened up: {}", s.settings.name);
    super::notify::send(state, (&entry.email, subject), (text, html), None).await
}

/// When an offer's hold runs out: booked, or passed on to the next person waiting.
pub const OFFER_ENDS: JobKind = JobKind {
    name: "booking.offer_ends",
    run: offer_ends_job,
    max_attempts: 8,
};

fn offer_ends_job<'a>(
    state: &'a AppState,
    payload: &'a Document,
) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move { offer_ends(state, payload).await.map_err(|e| e.to_string()) })
}

async fn offer_ends(state: &AppState, payload: &Document) -> Result<(), AppError> {
    let (Ok(entry), Ok(id)) = (payload.get_str("entry_id"), payload.get_str("booking_id")) else {
        return Ok(());
    };
    let Some(b) = bookings(state).find_one(doc! { "_id": id }).await? else {
        return Ok(());
    };
    if b.status == BookingStatus::Confirmed {
        coll(state)
            .update_one(
                doc! { "_id": entry },
                doc! { "$set": { "status": "booked" } },
            )
            .await?;
        return Ok(());
    }
    coll(state)
        .update_one(
            doc! { "_id": entry, "status": "offered" },
            doc! { "$set": { "status": "passed" } },
        )
        .await?;
    let service = super::store::services(state)
        .find_one(doc! { "_id": &b.service_id })
        .await?;
    match service {
        Some(s) if b.status == BookingStatus::Held => offer_next(state, &s, &b).await,
        _ => Ok(()),
    }
}
