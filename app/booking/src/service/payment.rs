//! Paid services: the visitor's hold becomes a Stripe Checkout payment; the booking is
//! confirmed only when Stripe reports it paid, and the seat is released when the payment page
//! runs out unpaid.

use super::book::{check_details, Details};
use super::store::{bookings, services, Booking, ServiceDoc};
use app_core::error::AppError;
use billing::service::one_off::{self, OneOff};
use futures_util::future::BoxFuture;
use identity::model::normalize_email;
use mongodb::bson::{doc, DateTime};
use platform::{AppState, CheckoutEvent};
use std::collections::HashMap;

/// How long Stripe's payment page stays open (its shortest allowed).
const PAY_MINUTES: i64 = 30;
/// The seat is held a little longer than the payment page, for Stripe's report to arrive.
const HOLD_MINUTES: i64 = PAY_MINUTES + 10;

/// Whether visitors pay for `s` when booking.
pub fn paid(s: &ServiceDoc) -> bool {
    s.settings.price_cents > 0
}

/// Keeps hold `b` for the payment with the visitor's details and opens Stripe's payment page;
/// returns its address. `None` when the hold ran out first.
pub async fn start(
    state: &AppState,
    (s, currency, b): (&ServiceDoc, &str, &Booking),
    d: &Details,
    (success_url, cancel_url): (String, String),
) -> Result<Option<String>, AppError> {
    let answers = check_details(s, d).map_err(AppError::invalid_fields)?;
    let now = state.clock.now();
    let until = DateTime::from_millis(now.timestamp_millis() + HOLD_MINUTES * 60_000);
    let email = normalize_email(&d.email);
    let kept = bookings(state)
        .find_one_and_update(
            doc! { "_id": &b.id, "status": "held", "hold_until": { "$gt": now } },
            doc! { "$set": {
                "name": d.name.trim(), "email": &email, "hold_until": until,
                "answers": answers.iter().map(|(q, a)| vec![q.clone(), a.clone()]).collect::<Vec<_>>(),
            } },
        )
        .await?;
    let Some(kept) = kept else {
        return Ok(None);
    };
    let name = format!("{}, {}", s.settings.name, super::public_form::when(b));
    let (id, url) = one_off::start(
        state,
        OneOff {
            amount: s.settings.price_cents,
            currency,
            name: &name,
            email: &email,
            metadata: HashMap::from([("booking_id".to_owned(), b.id.clone())]),
            success_url,
            cancel_url,
            expires_at: now.timestamp_millis() / 1000 + PAY_MINUTES * 60 + 30,
        },
    )
    .await?;
    bookings(state)
        .update_one(
            doc! { "_id": &b.id },
            doc! { "$set": { "checkout_id": &id } },
        )
        .await?;
    // Back from an earlier payment page without paying and trying again: that page closes
    // (after the new one is recorded, so its "expired" report finds nothing to release).
    if let Some(old) = kept.checkout_id {
        if let Err(e) = one_off::expire(state, &old).await {
            tracing::info!(error = %e, session = %old, "an earlier payment page was not closed");
        }
    }
    Ok(Some(url))
}

/// Booking's part of Stripe's reports: paid confirms the held booking (once), expired unpaid
/// releases its seat.
pub fn on_checkout<'a>(
    state: &'a AppState,
    e: CheckoutEvent<'a>,
) -> BoxFuture<'a, Result<(), AppError>> {
    Box::pin(async move {
        if let Some(id) = e.metadata.get("package_id") {
            return super::packages::settle(state, (id, e.session_id, e.paid)).await;
        }
        let Some(id) = e.metadata.get("booking_id") else {
            return Ok(());
        };
        let held = doc! { "_id": id, "status": "held", "checkout_id": e.session_id };
        let Some(b) = bookings(state).find_one(held.clone()).await? else {
            return Ok(());
        };
        let Some(s) = services(state)
            .find_one(doc! { "_id": &b.service_id })
            .await?
        else {
            return Ok(());
        };
        if !e.paid {
            bookings(state)
                .update_one(
                    held,
                    doc! { "$set": { "status": "cancelled" }, "$unset": { "hold_until": "" } },
                )
                .await?;
            super::waitlist::freed(state, &s, &b).await;
            return Ok(());
        }
        if b.hold_until.is_none_or(|until| until <= state.clock.now()) {
            return late(state, &s, &b).await;
        }
        let done = bookings(state)
            .find_one_and_update(
                held,
                doc! { "$set": { "status": "confirmed", "paid_cents": s.settings.price_cents },
                "$unset": { "hold_until": "" } },
            )
            .return_document(mongodb::options::ReturnDocument::After)
            .await?;
        if let Some(done) = done {
            super::book::capture(state, &s, &done).await?;
            super::manage::booked(state, &s, &done).await;
        }
        Ok(())
    })
}

/// A payment reported after its hold ran out: the seat is taken again if it is still free
/// (in one transaction that also closes the old hold); if someone else has it meanwhile,
/// nobody is double-booked: the booking is cancelled and refunded through Stripe (or marked
/// `refund_due` when that fails), and both sides are told.
async fn late(state: &AppState, s: &ServiceDoc, b: &Booking) -> Result<(), AppError> {
    // The visitor chose the time in good faith: notice and window no longer apply.
    let r = super::book::rules(s, b.minutes()).waived();
    let base = Booking {
        status: crate::model::BookingStatus::Confirmed,
        uid: b.id.clone(),
        name: b.name.clone(),
        email: b.email.clone(),
        answers: b.answers.clone(),
        visitor_tz: b.visitor_tz.clone(),
        checkout_id: b.checkout_id.clone(),
        paid_cents: s.settings.price_cents,
        ..super::book::blank(s, state.clock.now())
    };
    let at = super::store::ts(b.start);
    match super::book::take(state, s, (r, at), base, Some(&b.id)).await? {
        Ok(done) => {
            super::book::capture(state, s, &done).await?;
            super::manage::booked(state, s, &done).await;
        }
        Err(_) => {
            let checkout = b.checkout_id.clone().unwrap_or_default();
            let refunded = match one_off::refund(state, &checkout).await {
                Ok(()) => true,
                Err(e) => {
                    tracing::error!(booking = %b.id, error = %e, "paid too late for a taken time; refund it by hand");
                    false
                }
            };
            let field = if refunded {
                "refunded_cents"
            } else {
                "refund_due"
            };
            bookings(state)
                .update_one(
                    doc! { "_id": &b.id, "status": "held" },
                    doc! { "$set": { "status": "cancelled", field: s.settings.price_cents } },
                )
                .await?;
            super::notify::refund(state, s, b, refunded).await?;
        }
    }
    Ok(())
}
