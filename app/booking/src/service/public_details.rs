//! A held time's details form and the booking it becomes: free services confirm at once, paid
//! ones go through Stripe's payment page and confirm on its report.

use super::book::{self, Details};
use super::payment;
use super::public::{hold_tag_ok, not_found, service, unavailable};
use super::public_form::{booked, details};
use super::public_html::PAGE;
use super::store::ServiceDoc;
use app_core::error::AppError;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use platform::public_page::message;
use platform::AppState;
use serde::Deserialize;
use std::collections::HashMap;
use workspaces::service::store::Workspace;

async fn held(
    state: &AppState,
    (handle, slug, id, tag): &(String, String, String, String),
) -> Result<(Workspace, ServiceDoc, super::store::Booking), Response> {
    if !hold_tag_ok(state, id, tag) {
        return Err(not_found());
    }
    let (ws, s) = service(state, handle, slug).await?;
    match book::find(state, &s.id, id).await {
        Ok(Some(b)) => Ok((ws, s, b)),
        Ok(None) => Err(not_found()),
        Err(e) => Err(unavailable(e)),
    }
}

fn ran_out(ws: &Workspace, s: &ServiceDoc) -> Response {
    PAGE.render(
        StatusCode::GONE,
        "Time no longer held",
        &format!(
            "{}<p><a href=\"/@{}/book/{}\">Choose a time again</a></p>",
            message(
                "We could not keep this time",
                "The few minutes we hold a time for ran out before the booking was finished."
            ),
            app_core::text::escape_html(&ws.handle),
            app_core::text::escape_html(&s.settings.slug)
        ),
    )
}

/// The details page's query: back from Stripe's payment page.
#[derive(Debug, Default, Deserialize)]
pub struct Back {
    #[serde(default)]
    paid: Option<String>,
    #[serde(default)]
    package: Option<String>,
}

/// `GET /@{handle}/book/{service}/h/{id}/{tag}`: the details form of a hold (or, back from a
/// payment, the booking once Stripe has reported it).
pub async fn details_page(
    State(state): State<AppState>,
    Path(p): Path<(String, String, String, String)>,
    Query(back): Query<Back>,
) -> Response {
    let (ws, s, b) = match held(&state, &p).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    match b.status {
        crate::model::BookingStatus::Confirmed => {
            PAGE.render(StatusCode::OK, "You're booked", &booked(&s, &b))
        }
        crate::model::BookingStatus::Held if b.hold_until > Some(state.clock.now()) => {
            if back.paid.is_some() && b.checkout_id.is_some() {
                let html = format!(
                    "<meta http-equiv=\"refresh\" content=\"2\">{}",
                    message(
                        "Confirming your payment",
                        "This takes a few seconds; the page updates by itself."
                    )
                );
                return PAGE.render(StatusCode::ACCEPTED, "Confirming", &html);
            }
            let typed = Details {
                name: b.name.clone(),
                email: b.email.clone(),
                answers: Vec::new(),
            };
            form_page(&state, &s, StatusCode::OK, &details(&s, &b, &typed, &[]))
        }
        _ => ran_out(&ws, &s),
    }
}

/// The details form's page: a paid service's form leads on to Stripe's payment page, which the
/// page's policy must allow.
fn form_page(state: &AppState, s: &ServiceDoc, status: StatusCode, html: &str) -> Response {
    if payment::paid(s) {
        let origin = billing::service::one_off::checkout_origin(state);
        PAGE.render_posting_to(status, &s.settings.name, html, &origin)
    } else {
        PAGE.render(status, &s.settings.name, html)
    }
}

/// `POST /@{handle}/book/{service}/h/{id}/{tag}`: books the held time, or for a paid service
/// sends the visitor to pay.
pub async fn details_post(
    State(state): State<AppState>,
    Path(p): Path<(String, String, String, String)>,
    Query(back): Query<Back>,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let (ws, s, b) = match held(&state, &p).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let typed = Details {
        name: f.get("name").cloned().unwrap_or_default(),
        email: f.get("email").cloned().unwrap_or_default(),
        answers: (0..s.settings.questions.len())
            .map(|i| f.get(&format!("q{i}")).cloned().unwrap_or_default())
            .collect(),
    };
    if b.status == crate::model::BookingStatus::Confirmed {
        return PAGE.render(StatusCode::OK, "You're booked", &booked(&s, &b));
    }
    if let Err(errors) = book::check_details(&s, &typed) {
        let html = details(&s, &b, &typed, &errors);
        return form_page(&state, &s, StatusCode::UNPROCESSABLE_ENTITY, &html);
    }
    if let Some(token) = back.package.as_deref().filter(|t| !t.is_empty()) {
        return with_package(&state, (&ws, &s, &b), &typed, token).await;
    }
    if payment::paid(&s) {
        let here = format!(
            "{}/@{}/book/{}/h/{}/{}",
            state.config.base_url, p.0, p.1, p.2, p.3
        );
        let urls = (format!("{here}?paid=1"), here);
        return match payment::start(&state, (&s, &ws.currency, &b), &typed, urls).await {
            Ok(Some(url)) => Redirect::to(&url).into_response(),
            Ok(None) => ran_out(&ws, &s),
            Err(AppError::Unavailable { .. }) => {
                let errors = [(
                    "name".to_owned(),
                    "Payments are not set up here yet, so this service cannot be booked online."
                        .to_owned(),
                )];
                PAGE.render(
                    StatusCode::SERVICE_UNAVAILABLE,
                    &s.settings.name,
                    &details(&s, &b, &typed, &errors),
                )
            }
            Err(e) => unavailable(e),
        };
    }
    match book::confirm(&state, &s, &b.id, &typed).await {
        Ok(Some(done)) => {
            super::manage::booked(&state, &s, &done).await;
            PAGE.render(StatusCode::OK, "You're booked", &booked(&s, &done))
        }
        Ok(None) => ran_out(&ws, &s),
        Err(e) => unavailable(e),
    }
}

/// Books hold `b` with a session of the package `token` names instead of a payment.
async fn with_package(
    state: &AppState,
    (ws, s, b): (&Workspace, &ServiceDoc, &super::store::Booking),
    typed: &Details,
    token: &str,
) -> Response {
    let package = match super::packages::by_token(state, s, token).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(),
        Err(e) => return unavailable(e),
    };
    let spent = match super::packages::spend(state, &package).await {
        Ok(Some(p)) => p,
        Ok(None) => {
            let errors = [(
                "name".to_owned(),
                "Your package has no sessions left.".to_owned(),
            )];
            return PAGE.render(
                StatusCode::CONFLICT,
                &s.settings.name,
                &details(s, b, typed, &errors),
            );
        }
        Err(e) => return unavailable(e),
    };
    let confirmed = book::confirm(state, s, &b.id, typed).await;
    let done = match confirmed {
        Ok(Some(done)) => done,
        other => {
            if let Err(e) = super::packages::restore(state, &spent.id).await {
                tracing::warn!(error = %e, package = %spent.id, "a package session was not given back");
            }
            return match other {
                Ok(_) => ran_out(ws, s),
                Err(e) => unavailable(e),
            };
        }
    };
    let marked = super::store::bookings(state)
        .update_one(
            mongodb::bson::doc! { "_id": &done.id },
            mongodb::bson::doc! { "$set": { "package_id": &spent.id } },
        )
        .await;
    if let Err(e) = marked {
        tracing::warn!(error = %e, booking = %done.id, "booking not marked as paid by its package");
    }
    super::manage::booked(state, s, &done).await;
    let left = format!(
        "<p>{} of {} sessions left in your package.</p>",
        spent.left, spent.sessions
    );
    PAGE.render(
        StatusCode::OK,
        "You're booked",
        &format!("{}{left}", booked(s, &done)),
    )
}
