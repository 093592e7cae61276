//! Packages: a visitor buys N sessions of a service at once through Stripe and spends one per
//! booking from a personal link (the link is the capability: nobody spends a package by
//! knowing its owner's address). A cancelled booking gives its session back.

use super::store::{Booking, ServiceDoc};
use app_core::error::AppError;
use billing::service::one_off::{self, OneOff};
use identity::model::{email_problem, normalize_email};
use identity::service::secrets::{mac, verify_mac};
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Collection name.
pub const PACKAGES: &str = "booking_packages";
const PURPOSE: &str = "booking.package";

/// A bought (or being bought) package.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Package {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The service its sessions are for.
    pub service_id: String,
    /// Buyer.
    pub name: String,
    /// Their address.
    pub email: String,
    /// Sessions bought.
    pub sessions: u32,
    /// Sessions not yet used.
    pub left: u32,
    /// `pending` until Stripe reports the payment, then `paid`; `expired` if never paid.
    pub status: String,
    /// Its payment page.
    #[serde(default)]
    pub checkout_id: Option<String>,
    /// Created.
    pub created_at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Package> {
    state.db.collection(PACKAGES)
}

/// The package's token for links: `<id>.<signature>`.
pub fn token(state: &AppState, id: &str) -> String {
    format!(
        "{id}.{}",
        mac(state.config.app_secret.expose(), PURPOSE, id)
    )
}

/// The package a link's `token` names, if it is genuine and of service `s`.
pub async fn by_token(
    state: &AppState,
    s: &ServiceDoc,
    token: &str,
) -> Result<Option<Package>, AppError> {
    let Some((id, tag)) = token.split_once('.') else {
        return Ok(None);
    };
    if !verify_mac(state.config.app_secret.expose(), PURPOSE, id, tag) {
        return Ok(None);
    }
    Ok(coll(state)
        .find_one(doc! { "_id": id, "service_id": &s.id })
        .await?)
}

/// Starts buying service `s`'s package for `name` <`email`>; returns Stripe's payment page.
pub async fn buy(
    state: &AppState,
    (s, currency): (&ServiceDoc, &str),
    (name, email): (&str, &str),
    cancel_url: String,
) -> Result<String, AppError> {
    let c = &s.settings;
    if c.package_sessions == 0 {
        return Err(AppError::NotFound {
            what: "package".into(),
        });
    }
    let email = normalize_email(email);
    let mut p = Vec::new();
    if name.trim().is_empty() || name.chars().count() > 100 {
        p.push(("name", "Write your name (up to 100 characters)."));
    }
    if let Some(problem) = email_problem(&email) {
        p.push(("email", problem));
    }
    if !p.is_empty() {
        return Err(AppError::invalid_fields(p));
    }
    let now = state.clock.now();
    let package = Package {
        id: app_core::ids::new_id(),
        workspace_id: s.workspace_id.clone(),
        service_id: s.id.clone(),
        name: name.trim().to_owned(),
        email: email.clone(),
        sessions: c.package_sessions,
        left: c.package_sessions,
        status: "pending".into(),
        checkout_id: None,
        created_at: now,
    };
    coll(state).insert_one(&package).await?;
    let line = format!("{} sessions of {}", c.package_sessions, c.name);
    let (checkout, url) = one_off::start(
        state,
        OneOff {
            amount: c.package_price_cents,
            currency,
            name: &line,
            email: &email,
            metadata: HashMap::from([("package_id".to_owned(), package.id.clone())]),
            success_url: format!("{}&bought=1", link(state, s, &package.id).await?),
            cancel_url,
            expires_at: now.timestamp_millis() / 1000 + 31 * 60,
        },
    )
    .await?;
    coll(state)
        .update_one(
            doc! { "_id": &package.id },
            doc! { "$set": { "checkout_id": checkout } },
        )
        .await?;
    Ok(url)
}

/// The address a package's owner books from: the service's times, paid by the package.
pub async fn link(state: &AppState, s: &ServiceDoc, id: &str) -> Result<String, AppError> {
    let ws = super::store::workspace(state, &s.workspace_id).await?;
    Ok(format!(
        "{}/@{}/book/{}?package={}",
        state.config.base_url,
        ws.handle,
        s.settings.slug,
        token(state, id)
    ))
}

/// Stripe's report on a package's payment: paid makes it usable and emails its link; unpaid
/// marks it expired.
pub async fn settle(
    state: &AppState,
    (id, session_id, paid): (&str, &str, bool),
) -> Result<(), AppError> {
    let status = if paid { "paid" } else { "expired" };
    let settled = coll(state)
        .find_one_and_update(
            doc! { "_id": id, "status": "pending", "checkout_id": session_id },
            doc! { "$set": { "status": status } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?;
    let (Some(p), true) = (settled, paid) else {
        return Ok(());
    };
    let Some(s) = super::store::services(state)
        .find_one(doc! { "_id": &p.service_id })
        .await?
    else {
        return Ok(());
    };
    let url = link(state, &s, &p.id).await?;
    let text = format!(
        "Hi {},\n\nThank you: you have {} sessions of {}. Book each one from your own link (keep it to yourself):\n{url}\n",
        p.name, p.sessions, s.settings.name
    );
    let html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5\"><p>Hi {},</p>\
         <p>Thank you: you have {} sessions of {}.</p><p><a href=\"{}\">Book a session</a> (this link is yours: keep it to yourself).</p></body></html>",
        app_core::text::escape_html(&p.name),
        p.sessions,
        app_core::text::escape_html(&s.settings.name),
        app_core::text::escape_html(&url)
    );
    let subject = format!("Your package: {}", s.settings.name);
    super::notify::send(state, (&p.email, subject), (text, html), None).await
}

/// Takes one session of package `p` for a booking; `None` when none is left (checked and
/// spent in one update, so two bookings cannot spend the last one twice).
pub async fn spend(state: &AppState, p: &Package) -> Result<Option<Package>, AppError> {
    Ok(coll(state)
        .find_one_and_update(
            doc! { "_id": &p.id, "status": "paid", "left": { "$gt": 0 } },
            doc! { "$inc": { "left": -1 } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?)
}

/// Gives back the session cancelled booking `b` took from its package, if it took one.
pub async fn give_back(state: &AppState, b: &Booking) -> Result<(), AppError> {
    match &b.package_id {
        Some(id) => restore(state, id).await,
        None => Ok(()),
    }
}

/// Gives one session back to package `id`.
pub async fn restore(state: &AppState, id: &str) -> Result<(), AppError> {
    coll(state)
        .update_one(
            doc! { "_id": id, "status": "paid" },
            doc! { "$inc": { "left": 1 } },
        )
        .await?;
    Ok(())
}
