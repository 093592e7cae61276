//! Bookings from start to end: the times a service has open, a visitor's hold on one, the
//! booking it becomes once they give their name, and cancelling.

use super::claim::{around, claim, taken};
use super::hours::{of, rules_hours};
use super::slots::{open, slot_key, Refusal, Rules, Taken};
use super::store::{bookings, dt, Booking, ServiceDoc};
use crate::model::BookingStatus;
use app_core::error::AppError;
use futures_util::TryStreamExt;
use identity::model::{email_problem, normalize_email};
use jiff::{SignedDuration, Timestamp};
use mongodb::bson::doc;
use platform::{AppState, Capture, ContactEvent};

/// How long a chosen time waits for the visitor's name and address.
pub const HOLD_MINUTES: i64 = 10;

/// The service's rules for a session of `minutes`.
pub fn rules(s: &ServiceDoc, minutes: u32) -> Rules {
    let c = &s.settings;
    Rules {
        service_id: s.id.clone(),
        minutes,
        buffer_before: c.buffer_before,
        buffer_after: c.buffer_after,
        notice_minutes: c.notice_minutes,
        window_days: c.window_days,
        per_day: c.per_day,
        per_week: c.per_week,
        seats: c.seats,
    }
}

/// The session length `minutes` if the service offers it, else its first.
pub fn length(s: &ServiceDoc, minutes: Option<u32>) -> u32 {
    let d = &s.settings.durations;
    minutes
        .filter(|m| d.contains(m))
        .or_else(|| d.first().copied())
        .unwrap_or(30)
}

async fn calendar(
    state: &AppState,
    s: &ServiceDoc,
    span: (Timestamp, Timestamp),
    except: Option<&str>,
) -> Result<Vec<Taken>, AppError> {
    let now = state.clock.now();
    let mut filter = around(&s.settings.hosts, &s.id, span, now);
    if let Some(id) = except {
        filter.insert("_id", doc! { "$ne": id });
    }
    let mut cal: Vec<Taken> = bookings(state)
        .find(filter)
        .await?
        .map_ok(|b| taken(&b))
        .try_collect()
        .await?;
    let day = SignedDuration::from_hours(24);
    for host in &s.settings.hosts {
        cal.extend(
            super::gcal::busy(
                state,
                (&s.workspace_id, host),
                (span.0 - day, span.1 + day),
                false,
            )
            .await,
        );
    }
    Ok(cal)
}

/// The start times of a `minutes` session open from `from` until `to` with any host, each
/// with its seats left; booking `except` (one being moved) takes no time.
pub async fn open_times(
    state: &AppState,
    s: &ServiceDoc,
    minutes: u32,
    span: (Timestamp, Timestamp),
    except: Option<&str>,
) -> Result<Vec<(Timestamp, u32)>, AppError> {
    let cal = calendar(state, s, span, except).await?;
    let now = super::store::ts(state.clock.now());
    let r = rules(s, minutes);
    let mut times: Vec<(Timestamp, u32)> = Vec::new();
    for host in &s.settings.hosts {
        let hours = rules_hours(&of(state, &s.workspace_id, host).await?);
        for (t, left) in open(&r, host, &hours, &cal, now, span) {
            match times.iter_mut().find(|(x, _)| *x == t) {
                Some(known) => known.1 = known.1.max(left),
                None => times.push((t, left)),
            }
        }
    }
    times.sort_by_key(|(t, _)| *t);
    Ok(times)
}

/// Holds a seat of the `minutes` session at `start` for a visitor reading times in
/// `visitor_tz` (see [`take`]).
pub async fn hold(
    state: &AppState,
    s: &ServiceDoc,
    minutes: u32,
    start: Timestamp,
    visitor_tz: &str,
) -> Result<Result<Booking, Refusal>, AppError> {
    let now = state.clock.now();
    let held = Booking {
        status: BookingStatus::Held,
        hold_until: Some(mongodb::bson::DateTime::from_millis(
            now.timestamp_millis() + HOLD_MINUTES * 60_000,
        )),
        name: String::new(),
        email: String::new(),
        answers: Vec::new(),
        uid: String::new(),
        sequence: 0,
        visitor_tz: visitor_tz.to_owned(),
        ..blank(s, now)
    };
    take(state, s, (rules(s, minutes), start), held, None).await
}

/// A booking of service `s` with nothing filled in, made `now`.
pub fn blank(s: &ServiceDoc, now: mongodb::bson::DateTime) -> Booking {
    Booking {
        id: String::new(),
        workspace_id: s.workspace_id.clone(),
        service_id: s.id.clone(),
        host_id: String::new(),
        slot: String::new(),
        start: now,
        end: now,
        busy_from: now,
        busy_until: now,
        status: BookingStatus::Held,
        hold_until: None,
        name: String::new(),
        email: String::new(),
        answers: Vec::new(),
        uid: String::new(),
        sequence: 0,
        checkout_id: None,
        package_id: None,
        google_event_id: None,
        paid_cents: 0,
        refunded_cents: 0,
        refund_due: 0,
        visitor_tz: String::new(),
        created_at: now,
    }
}

/// Moves confirmed booking `old` to the `minutes` session at `start`: one transaction books
/// the new time and cancels the old one, so the visitor never holds both or neither.
pub async fn reschedule(
    state: &AppState,
    s: &ServiceDoc,
    old: &Booking,
    (minutes, start): (u32, Timestamp),
) -> Result<Result<Booking, Refusal>, AppError> {
    let moved = Booking {
        status: BookingStatus::Confirmed,
        uid: if old.uid.is_empty() {
            old.id.clone()
        } else {
            old.uid.clone()
        },
        sequence: old.sequence + 1,
        name: old.name.clone(),
        email: old.email.clone(),
        answers: old.answers.clone(),
        visitor_tz: old.visitor_tz.clone(),
        package_id: old.package_id.clone(),
        paid_cents: old.paid_cents,
        ..blank(s, state.clock.now())
    };
    take(state, s, (rules(s, minutes), start), moved, Some(&old.id)).await
}

/// Books `base` (its status and the person) into the `minutes` session at `start`: with a
/// host already running that session if there is one, else the host with the fewest sessions
/// of this service around then (round robin). With `replacing`, that booking moves here.
pub async fn take(
    state: &AppState,
    s: &ServiceDoc,
    (r, start): (Rules, Timestamp),
    base: Booking,
    replacing: Option<&str>,
) -> Result<Result<Booking, Refusal>, AppError> {
    let cal = calendar(state, s, (start, start), replacing).await?;
    let mut hosts = s.settings.hosts.clone();
    hosts.sort_by_key(|h| {
        let key = slot_key(&s.id, h, start);
        let joined = cal.iter().any(|t| t.slot == key);
        let load = cal
            .iter()
            .filter(|t| &t.host_id == h && t.service_id == s.id)
            .count();
        (!joined, load)
    });
    let end = start + SignedDuration::from_mins(i64::from(r.minutes));
    let mut first_refusal = None;
    for host in hosts {
        let hours = rules_hours(&of(state, &s.workspace_id, &host).await?);
        let booking = Booking {
            id: app_core::ids::new_id(),
            slot: slot_key(&s.id, &host, start),
            host_id: host,
            start: dt(start),
            end: dt(end),
            busy_from: dt(start - SignedDuration::from_mins(i64::from(r.buffer_before))),
            busy_until: dt(end + SignedDuration::from_mins(i64::from(r.buffer_after))),
            ..base.clone()
        };
        let around = (
            start - SignedDuration::from_hours(24),
            end + SignedDuration::from_hours(24),
        );
        let host = (s.workspace_id.as_str(), booking.host_id.as_str());
        let external = super::gcal::busy(state, host, around, true).await;
        match claim(state, &r, &hours, &booking, (replacing, &external)).await? {
            Ok(()) => return Ok(Ok(booking)),
            Err(refusal) => {
                first_refusal.get_or_insert(refusal);
            }
        }
    }
    Ok(Err(first_refusal.unwrap_or(Refusal::NotOpen)))
}

/// Books the `minutes` session at `start` for `d` on a member's behalf: confirmed at once,
/// with the service's notice and window waived (the member decides), its hours, seats,
/// buffers and limits kept.
pub async fn manual(
    state: &AppState,
    s: &ServiceDoc,
    (minutes, start): (u32, Timestamp),
    d: &Details,
    zone: &str,
) -> Result<Result<Booking, Refusal>, AppError> {
    // The member books for them: the visitor's questions are not theirs to answer.
    let mut asked_nothing = s.clone();
    asked_nothing.settings.questions.clear();
    let answers = check_details(&asked_nothing, d).map_err(AppError::invalid_fields)?;
    let r = rules(s, minutes).waived();
    let base = Booking {
        status: BookingStatus::Confirmed,
        name: d.name.trim().to_owned(),
        email: normalize_email(&d.email),
        answers,
        visitor_tz: zone.to_owned(),
        ..blank(s, state.clock.now())
    };
    let booked = take(state, s, (r, start), base, None).await?;
    if let Ok(b) = &booked {
        capture(state, s, b).await?;
    }
    Ok(booked)
}

/// Makes the person of booking `b` a contact (or adds the booking to theirs) with the booking
/// on their timeline, and tells the modules that act on new contacts.
pub async fn capture(state: &AppState, s: &ServiceDoc, b: &Booking) -> Result<(), AppError> {
    let summary = format!(
        "Booked {} for {}",
        s.settings.name,
        super::public_form::when(b)
    );
    let capture = Capture {
        workspace_id: &s.workspace_id,
        email: &b.email,
        name: Some(&b.name),
        source: "booking",
        kind: "booking.booked",
        summary: &summary,
        ip: None,
    };
    if let Some(intake) = state.contact_intake() {
        intake.capture(state, capture).await?;
    }
    state.contact_event(ContactEvent::Captured(capture)).await
}

/// The visitor's details, as the booking form posts them.
#[derive(Debug, Clone, Default)]
pub struct Details {
    /// Name.
    pub name: String,
    /// Address.
    pub email: String,
    /// One answer per service question, in order.
    pub answers: Vec<String>,
}

/// (field or question, message or answer) pairs.
pub type Pairs = Vec<(String, String)>;

/// Checks the details against the service's questions: the problems by field, or the
/// (question, answer) pairs.
pub fn check_details(s: &ServiceDoc, d: &Details) -> Result<Pairs, Pairs> {
    let mut p = Vec::new();
    let name = d.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        p.push((
            "name".to_owned(),
            "Write your name (up to 100 characters).".to_owned(),
        ));
    }
    if let Some(problem) = email_problem(&normalize_email(&d.email)) {
        p.push(("email".to_owned(), problem.to_owned()));
    }
    let mut answers = Vec::new();
    for (i, q) in s.settings.questions.iter().enumerate() {
        let a = d.answers.get(i).map(|a| a.trim()).unwrap_or("");
        if q.required && a.is_empty() {
            p.push((format!("q{i}"), "Please answer this question.".to_owned()));
        } else if a.chars().count() > 2000 {
            p.push((
                format!("q{i}"),
                "Keep the answer under 2,000 characters.".to_owned(),
            ));
        }
        answers.push((q.label.clone(), a.to_owned()));
    }
    if p.is_empty() {
        Ok(answers)
    } else {
        Err(p)
    }
}

/// Turns hold `id` into a booking with the visitor's details; `None` when the hold ran out (or
/// is not a hold any more). The visitor becomes (or stays) a contact with the booking on
/// their timeline.
pub async fn confirm(
    state: &AppState,
    s: &ServiceDoc,
    id: &str,
    d: &Details,
) -> Result<Option<Booking>, AppError> {
    let answers = check_details(s, d).map_err(AppError::invalid_fields)?;
    let email = normalize_email(&d.email);
    let now = state.clock.now();
    let confirmed = bookings(state)
        .find_one_and_update(
            doc! { "_id": id, "service_id": &s.id, "status": "held", "hold_until": { "$gt": now } },
            doc! { "$set": {
                "status": "confirmed",
                "name": d.name.trim(),
                "email": &email,
                "answers": answers.iter().map(|(q, a)| vec![q.clone(), a.clone()]).collect::<Vec<_>>(),
            }, "$unset": { "hold_until": "" } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?;
    let Some(booking) = confirmed else {
        return Ok(None);
    };
    capture(state, s, &booking).await?;
    Ok(Some(booking))
}

/// The hold or booking `id` of service `service_id`, for the visitor's pages.
pub async fn find(
    state: &AppState,
    service_id: &str,
    id: &str,
) -> Result<Option<Booking>, AppError> {
    Ok(bookings(state)
        .find_one(doc! { "_id": id, "service_id": service_id })
        .await?)
}
