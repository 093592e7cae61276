//! One-off payments other modules take from visitors (a paid booking): a Stripe Checkout
//! Session in payment mode. Its outcome comes back through the webhook as a
//! [`platform::CheckoutEvent`] to the module named in its metadata.

use super::payments::{failure, require};
use app_core::error::AppError;
use platform::AppState;
use std::collections::HashMap;
use std::str::FromStr;
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionLineItemsPriceData,
    ExpireCheckoutSession, ProductData, RetrieveCheckoutSession,
};
use stripe_core::refund::CreateRefund;

/// What is paid for.
#[derive(Debug, Clone)]
pub struct OneOff<'a> {
    /// Amount in minor units.
    pub amount: i64,
    /// ISO 4217 code.
    pub currency: &'a str,
    /// The line the payer reads ("Intro call, Mon 7 Dec 09:00").
    pub name: &'a str,
    /// The payer's address, filled in on the payment page.
    pub email: &'a str,
    /// How the module recognises the payment when its outcome arrives.
    pub metadata: HashMap<String, String>,
    /// Where the payer goes after paying, and after giving up.
    pub success_url: String,
    /// See `success_url`.
    pub cancel_url: String,
    /// Unix time after which the session can no longer be paid (Stripe: 30 minutes to 24 hours
    /// ahead).
    pub expires_at: i64,
}

/// The origin of Stripe's payment pages, which a form that starts a payment redirects to.
pub fn checkout_origin(state: &AppState) -> String {
    match &state.config.stripe {
        Some(c) if !c.api_base.starts_with("https://api.stripe.com") => {
            let (scheme, rest) = c.api_base.split_once("://").unwrap_or(("https", ""));
            format!("{scheme}://{}", rest.split('/').next().unwrap_or(""))
        }
        _ => "https://checkout.stripe.com".to_owned(),
    }
}

/// Opens the payment page; returns (session id, its address). `Unavailable` when this server
/// has no payments configured.
pub async fn start(state: &AppState, p: OneOff<'_>) -> Result<(String, String), AppError> {
    let payments = require(state)?;
    let currency = stripe_types::Currency::from_str(&p.currency.to_lowercase())
        .map_err(|_| AppError::invalid("currency", "This currency cannot be charged."))?;
    let mut price = CreateCheckoutSessionLineItemsPriceData::new(currency);
    price.unit_amount = Some(p.amount);
    price.product_data = Some(ProductData::new(p.name));
    let session = CreateCheckoutSession::new()
        .mode(stripe_shared::CheckoutSessionMode::Payment)
        .customer_email(p.email)
        .line_items(vec![CreateCheckoutSessionLineItems {
            price_data: Some(price),
            quantity: Some(1),
            ..Default::default()
        }])
        .metadata(p.metadata)
        .expires_at(p.expires_at)
        .success_url(p.success_url)
        .cancel_url(p.cancel_url)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    let url = session.url.ok_or(AppError::Internal)?;
    Ok((session.id.as_str().to_owned(), url))
}

/// Closes an unpaid payment page early (its seat was given up); Stripe then reports it expired.
pub async fn expire(state: &AppState, session_id: &str) -> Result<(), AppError> {
    let payments = require(state)?;
    ExpireCheckoutSession::new(session_id)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    Ok(())
}

/// Gives back in full what the paid session `session_id` took.
pub async fn refund(state: &AppState, session_id: &str) -> Result<(), AppError> {
    let payments = require(state)?;
    let session = RetrieveCheckoutSession::new(session_id)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    let intent = session.payment_intent.ok_or(AppError::Conflict {
        field: None,
        message: "This payment has nothing to refund.".into(),
    })?;
    CreateRefund::new()
        .payment_intent(intent.id().as_str())
        .send(&payments.client)
        .await
        .map_err(failure)?;
    Ok(())
}
