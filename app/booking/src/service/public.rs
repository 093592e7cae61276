//! The visitor-facing booking routes: `/@handle/book` (services), `/@handle/book/<service>`
//! (open times by day in the visitor's zone), the hold a chosen time becomes and the details
//! form that books it. Plain HTML; the times page's only script detects the zone.

use super::book::{self, Details};
use super::public_form::{booked, details};
use super::public_html::{self, Target, TimesPage, PAGE, TIMES_PAGE};
use super::services;
use super::store::ServiceDoc;
use app_core::error::AppError;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use http::StatusCode;
use identity::service::secrets::{mac, verify_mac};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use mongodb::bson::doc;
use platform::public_page::message;
use platform::request::client_ip;
use platform::AppState;
use serde::Deserialize;
use std::collections::HashMap;
use workspaces::service::store::{workspaces, Workspace};

/// The page of an address that leads nowhere.
pub fn not_found() -> Response {
    PAGE.render(
        StatusCode::NOT_FOUND,
        "Not found",
        &message(
            "Nothing to book here",
            "The address may be mistyped, or the service is no longer offered.",
        ),
    )
}

/// The page of a failure that changed nothing.
pub fn unavailable(e: AppError) -> Response {
    tracing::warn!(error = %e, "public booking page failed");
    PAGE.render(
        e.status_code(),
        "Something went wrong",
        &message(
            "Something went wrong",
            "Nothing was booked. Please try again in a minute.",
        ),
    )
}

async fn workspace(state: &AppState, handle: &str) -> Result<Workspace, Response> {
    match workspaces(&state.db)
        .find_one(doc! { "handle": handle.to_ascii_lowercase(), "modules": "booking" })
        .await
    {
        Ok(Some(ws)) => Ok(ws),
        Ok(None) => Err(not_found()),
        Err(e) => Err(unavailable(e.into())),
    }
}

async fn service(
    state: &AppState,
    handle: &str,
    slug: &str,
) -> Result<(Workspace, ServiceDoc), Response> {
    let ws = workspace(state, handle).await?;
    match services::find_public(state, &ws.id, slug).await {
        Ok(Some(s)) => Ok((ws, s)),
        Ok(None) => Err(not_found()),
        Err(e) => Err(unavailable(e)),
    }
}

/// `GET /@{handle}/book`.
pub async fn list(State(state): State<AppState>, Path(handle): Path<String>) -> Response {
    let ws = match workspace(&state, &handle).await {
        Ok(ws) => ws,
        Err(r) => return r,
    };
    match services::list_public(&state, &ws.id).await {
        Ok(list) => PAGE.render(
            StatusCode::OK,
            &format!("Book with {}", ws.name),
            &public_html::services(&ws.name, &ws.handle, &list, &ws.currency),
        ),
        Err(e) => unavailable(e),
    }
}

/// The times page's query: zone, length and first day.
#[derive(Debug, Default, Deserialize)]
pub struct TimesQuery {
    /// The visitor's zone.
    #[serde(default)]
    pub tz: String,
    /// Length in minutes.
    #[serde(default)]
    pub d: Option<u32>,
    /// First day shown.
    #[serde(default)]
    pub from: String,
}

/// `tz` if it is a zone, else `fallback`, else UTC.
pub fn zone_or(tz: &str, fallback: &str) -> (String, TimeZone) {
    for z in [tz, fallback, "UTC"] {
        if let Ok(zone) = TimeZone::get(z) {
            return (z.to_owned(), zone);
        }
    }
    ("UTC".into(), TimeZone::UTC)
}

/// The times page of service `s` for `target`, in the zone, length and week of `q`, with
/// `error` above the times after a refused choice.
pub async fn times_page(
    state: &AppState,
    (ws, s, target): (&Workspace, &ServiceDoc, &Target),
    q: &TimesQuery,
    error: Option<&str>,
) -> Response {
    let (tz_name, tz) = zone_or(&q.tz, &ws.time_zone);
    let minutes = book::length(s, q.d);
    let now = super::store::ts(state.clock.now());
    let today = now.to_zoned_datetime(tz.clone()).date();
    let first = q
        .from
        .parse::<jiff::civil::Date>()
        .ok()
        .filter(|d| *d >= today)
        .unwrap_or(today);
    let midnight = |d: jiff::civil::Date| {
        d.to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp())
            .unwrap_or(now)
    };
    let after = first
        .checked_add(jiff::Span::new().days(7))
        .unwrap_or(first);
    let span = (midnight(first).max(now), midnight(after));
    let times = match book::open_times(state, s, minutes, span, target.moving.as_deref()).await {
        Ok(t) => t,
        Err(e) => return unavailable(e),
    };
    let last = now + SignedDuration::from_hours(24 * i64::from(s.settings.window_days));
    let prev = first
        .checked_sub(jiff::Span::new().days(7))
        .ok()
        .map(|d| d.max(today))
        .filter(|_| first > today);
    let next = (midnight(after) < last).then_some(after);
    let page = TimesPage {
        handle: &ws.handle,
        target,
        service: s,
        currency: &ws.currency,
        tz: &tz_name,
        minutes,
        days: (
            first.to_string(),
            prev.map(|d| d.to_string()),
            next.map(|d| d.to_string()),
        ),
        times: &times,
        error,
    };
    let status = if error.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    TIMES_PAGE.render(status, &s.settings.name, &public_html::times(&page))
}

fn booking_target(ws: &Workspace, s: &ServiceDoc) -> Target {
    let path = format!("/@{}/book/{}", ws.handle, s.settings.slug);
    Target {
        post_to: format!("{path}/hold"),
        path,
        moving: None,
    }
}

/// `GET /@{handle}/book/{service}`.
pub async fn times(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
    Query(q): Query<TimesQuery>,
) -> Response {
    match service(&state, &handle, &slug).await {
        Ok((ws, s)) => times_page(&state, (&ws, &s, &booking_target(&ws, &s)), &q, None).await,
        Err(r) => r,
    }
}

/// The chosen time.
#[derive(Debug, Deserialize)]
pub struct HoldForm {
    #[serde(default)]
    start: String,
    #[serde(default)]
    tz: String,
    #[serde(default)]
    d: Option<u32>,
}

fn hold_tag(state: &AppState, id: &str) -> String {
    mac(state.config.app_secret.expose(), "booking.hold", id)
}

/// `POST /@{handle}/book/{service}/hold`: holds the chosen time and sends the visitor to its
/// details form; a few holds a minute per client and service.
pub async fn hold(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
    parts: Parts,
    Form(f): Form<HoldForm>,
) -> Response {
    let (ws, s) = match service(&state, &handle, &slug).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let q = TimesQuery {
        tz: f.tz.clone(),
        d: f.d,
        from: String::new(),
    };
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    match state
        .limits
        .signups
        .check(&format!("book {ip} {}", s.id))
        .await
    {
        Ok(()) => {}
        Err(AppError::RateLimited { .. }) => {
            return times_page(
                &state,
                (&ws, &s, &booking_target(&ws, &s)),
                &q,
                Some("Too many tries from here. Try again in a minute."),
            )
            .await
        }
        Err(e) => return unavailable(e),
    }
    let Ok(start) = f.start.parse::<Timestamp>() else {
        return times_page(
            &state,
            (&ws, &s, &booking_target(&ws, &s)),
            &q,
            Some("Choose one of the times shown."),
        )
        .await;
    };
    let (tz, _) = zone_or(&f.tz, &ws.time_zone);
    match book::hold(&state, &s, book::length(&s, f.d), start, &tz).await {
        Ok(Ok(b)) => Redirect::to(&format!(
            "/@{}/book/{}/h/{}/{}",
            ws.handle,
            s.settings.slug,
            b.id,
            hold_tag(&state, &b.id)
        ))
        .into_response(),
        Ok(Err(refusal)) => {
            times_page(
                &state,
                (&ws, &s, &booking_target(&ws, &s)),
                &q,
                Some(refusal.message()),
            )
            .await
        }
        Err(e) => unavailable(e),
    }
}

async fn held(
    state: &AppState,
    (handle, slug, id, tag): &(String, String, String, String),
) -> Result<(Workspace, ServiceDoc, super::store::Booking), Response> {
    if !verify_mac(state.config.app_secret.expose(), "booking.hold", id, tag) {
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

/// `GET /@{handle}/book/{service}/h/{id}/{tag}`: the details form of a hold.
pub async fn details_page(
    State(state): State<AppState>,
    Path(p): Path<(String, String, String, String)>,
) -> Response {
    let (ws, s, b) = match held(&state, &p).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    match b.status {
        crate::model::BookingStatus::Confirmed => {
            PAGE.render(StatusCode::OK, "You're booked", &booked(&s, &b))
        }
        crate::model::BookingStatus::Held if b.hold_until > Some(state.clock.now()) => PAGE.render(
            StatusCode::OK,
            &s.settings.name,
            &details(&s, &b, &Details::default(), &[]),
        ),
        _ => ran_out(&ws, &s),
    }
}

/// `POST /@{handle}/book/{service}/h/{id}/{tag}`: books the held time.
pub async fn details_post(
    State(state): State<AppState>,
    Path(p): Path<(String, String, String, String)>,
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
        return PAGE.render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &s.settings.name,
            &details(&s, &b, &typed, &errors),
        );
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
