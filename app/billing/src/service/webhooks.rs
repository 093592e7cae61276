//! `POST /webhooks/stripe`: Stripe's events, verified and processed exactly once.
//!
//! The signature is checked on the raw body with Stripe's 300-second tolerance. Each event id is
//! stored under a unique key before it is handled, so a redelivered event changes nothing; if
//! handling fails the mark is removed and Stripe's retry runs it again. Handlers never trust the
//! event's copy of an object: they read the subscription's current state from Stripe, so events
//! that arrive out of order still end in the right state.

use super::payments::{failure, Payments};
use super::subscriptions::apply;
use app_core::error::AppError;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use mongodb::bson::{doc, Document};
use platform::AppState;
use std::time::Duration;
use stripe_billing::subscription::RetrieveSubscription;
use stripe_webhook::{EventObject, Webhook};

/// Processed event ids, kept 30 days (Stripe stops retrying after 3).
pub const STRIPE_EVENTS: &str = "stripe_events";

/// The webhook endpoint.
pub async fn receive(State(state): State<AppState>, headers: HeaderMap, body: String) -> Response {
    let Some(payments) = super::payments::of(&state) else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "payments are not configured",
        )
            .into_response();
    };
    let Some(signature) = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
    else {
        return (StatusCode::BAD_REQUEST, "missing Stripe-Signature").into_response();
    };
    let event = match Webhook::construct_event_with_timestamp(
        &body,
        signature,
        payments.webhook_secret(),
        state.clock.unix(),
    ) {
        Ok(event) => event,
        Err(e) => {
            tracing::warn!(error = %e, "Stripe webhook refused");
            return (StatusCode::BAD_REQUEST, format!("refused: {e}")).into_response();
        }
    };
    let id = event.id.as_str().to_owned();
    let events = state.db.collection::<Document>(STRIPE_EVENTS);
    let mark = doc! {
        "_id": &id,
        "type": event.type_.as_str(),
        "received_at": state.clock.now(),
        "expires_at": state.clock.after(Duration::from_secs(30 * 86_400)),
    };
    match events.insert_one(mark).await.map_err(AppError::from) {
        Ok(_) => {}
        Err(AppError::Conflict { .. }) => {
            return (StatusCode::OK, "already processed").into_response();
        }
        Err(e) => return (e.status_code(), "could not record the event").into_response(),
    }
    match handle(&state, &payments, event.data.object).await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(event = %id, error = %e, "Stripe webhook failed; Stripe will retry");
            let _ = events.delete_one(doc! { "_id": &id }).await;
            (StatusCode::INTERNAL_SERVER_ERROR, "failed; retry").into_response()
        }
    }
}

/// Brings the subscription an event is about up to date with Stripe; hands a one-off payment's
/// outcome to the module that opened it.
async fn handle(
    state: &AppState,
    payments: &Payments,
    object: EventObject,
) -> Result<(), AppError> {
    use EventObject::*;
    let subscription_id = match object {
        CheckoutSessionCompleted(session) | CheckoutSessionExpired(session)
            if session.mode == stripe_shared::CheckoutSessionMode::Payment =>
        {
            let metadata = session.metadata.unwrap_or_default();
            let event = platform::CheckoutEvent {
                session_id: session.id.as_str(),
                paid: session.payment_status == stripe_shared::CheckoutSessionPaymentStatus::Paid,
                metadata: &metadata,
            };
            return state.checkout_event(event).await;
        }
        CheckoutSessionCompleted(session) => session.subscription.map(|s| s.id().to_string()),
        CustomerSubscriptionCreated(sub)
        | CustomerSubscriptionUpdated(sub)
        | CustomerSubscriptionDeleted(sub) => Some(sub.id.to_string()),
        InvoicePaid(invoice) | InvoicePaymentFailed(invoice) => invoice
            .parent
            .and_then(|p| p.subscription_details)
            .map(|d| d.subscription.id().to_string()),
        _ => None,
    };
    let Some(id) = subscription_id else {
        return Ok(());
    };
    let sub = RetrieveSubscription::new(id.as_str())
        .send(&payments.client)
        .await
        .map_err(failure)?;
    apply(state, &sub).await
}
