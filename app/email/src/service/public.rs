//! The visitor-facing email routes: a list's subscribe form at `/subscribe/<list>`, the
//! confirmation link's page, and the unsubscribe page that also takes RFC 8058 one-click posts
//! from mail clients. Plain HTML, no WASM, no cookies.

use super::links::{self, Purpose};
use super::lists::{self, MailList};
use super::public_html::{form, message, one_button, page};
use super::signup::{self, Outcome};
use super::subscriptions;
use crate::model::ConsentMethod;
use app_core::error::AppError;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use http::request::Parts;
use http::StatusCode;
use mongodb::bson::doc;
use platform::request::client_ip;
use platform::AppState;
use serde::Deserialize;

fn not_found() -> Response {
    page(
        StatusCode::NOT_FOUND,
        "Not found",
        &message(
            "This link does not work",
            "The list may have been removed, or the address was copied incompletely.",
        ),
    )
}

fn unavailable(e: AppError) -> Response {
    tracing::warn!(error = %e, "public email page failed");
    page(
        e.status_code(),
        "Something went wrong",
        &message(
            "Something went wrong",
            "Nothing was changed. Please try again in a minute.",
        ),
    )
}

async fn list_or_404(state: &AppState, id: &str) -> Result<MailList, Response> {
    match lists::find_public(state, id).await {
        Ok(Some(list)) => Ok(list),
        Ok(None) => Err(not_found()),
        Err(e) => Err(unavailable(e)),
    }
}

/// `GET /subscribe/{list}`.
pub async fn form_page(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match list_or_404(&state, &id).await {
        Ok(list) => page(StatusCode::OK, &list.name, &form(&list.name, "", None)),
        Err(r) => r,
    }
}

/// The subscribe form's fields.
#[derive(Debug, Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    email: String,
}

/// `POST /subscribe/{list}`: at most a few signups a minute from one client per list.
pub async fn form_post(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
    Form(f): Form<SignupForm>,
) -> Response {
    let list = match list_or_404(&state, &id).await {
        Ok(list) => list,
        Err(r) => return r,
    };
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    match state
        .limits
        .signups
        .check(&format!("{ip} {}", list.id))
        .await
    {
        Ok(()) => {}
        Err(AppError::RateLimited { .. }) => {
            let error = "Too many signups from here. Try again in a minute.";
            return page(
                StatusCode::TOO_MANY_REQUESTS,
                &list.name,
                &form(&list.name, &f.email, Some(error)),
            );
        }
        Err(e) => return unavailable(e),
    }
    match signup::signup(&state, &list, &f.email, &ip).await {
        Ok(Outcome::Subscribed) => page(
            StatusCode::OK,
            "You're subscribed",
            &message("You're subscribed", &format!("You will receive {} by email.", list.name)),
        ),
        Ok(Outcome::CheckInbox) => page(
            StatusCode::OK,
            "Check your inbox",
            &message("Check your inbox", "We sent you a link to confirm your subscription. It is not complete until you click it."),
        ),
        Err(e) if e.is_field_level() => {
            let error = e.field_messages("email").into_iter().next();
            page(StatusCode::UNPROCESSABLE_ENTITY, &list.name, &form(&list.name, &f.email, error.as_deref()))
        }
        Err(e) => unavailable(e),
    }
}

/// `GET /subscribe/confirm/{id}/{tag}`: a button, so a mail scanner following the link does not
/// confirm for the reader.
pub async fn confirm_page(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
) -> Response {
    if !links::verify(&state, Purpose::Confirm, &id, &tag) {
        return not_found();
    }
    page(
        StatusCode::OK,
        "Confirm your subscription",
        &one_button(
            "Confirm your subscription",
            "One click and you are on the list.",
            "Yes, subscribe me",
        ),
    )
}

/// `POST /subscribe/confirm/{id}/{tag}`.
pub async fn confirm_post(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
    parts: Parts,
) -> Response {
    if !links::verify(&state, Purpose::Confirm, &id, &tag) {
        return not_found();
    }
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    match signup::confirm(&state, &id, &ip).await {
        Ok(Some((_, list))) => page(
            StatusCode::OK,
            "You're subscribed",
            &message(
                "You're subscribed",
                &format!("Thank you. You will receive {} by email.", list.name),
            ),
        ),
        Ok(None) => not_found(),
        Err(e) => unavailable(e),
    }
}

/// `GET /unsubscribe/{id}/{tag}`: a button (link scanners must not unsubscribe anyone).
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
) -> Response {
    if !links::verify(&state, Purpose::Unsubscribe, &id, &tag) {
        return not_found();
    }
    page(
        StatusCode::OK,
        "Unsubscribe",
        &one_button(
            "Unsubscribe",
            "You will not receive this list's emails any more.",
            "Unsubscribe",
        ),
    )
}

/// `POST /unsubscribe/{id}/{tag}`: from the page's button, or a mail client's one-click
/// (RFC 8058: `List-Unsubscribe=One-Click` in the body, which needs no other check).
pub async fn unsubscribe_post(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
    parts: Parts,
) -> Response {
    if !links::verify(&state, Purpose::Unsubscribe, &id, &tag) {
        return not_found();
    }
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    let done = subscriptions::take_off(
        &state,
        doc! { "_id": &id },
        ConsentMethod::Unsubscribed,
        Some(&ip),
    )
    .await;
    match done {
        Ok(_) => page(
            StatusCode::OK,
            "You're unsubscribed",
            &message(
                "You're unsubscribed",
                "You will not receive these emails any more.",
            ),
        ),
        Err(e) => unavailable(e),
    }
}
