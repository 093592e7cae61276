//! The visitor-facing booking routes: `/@handle/book` (services), `/@handle/book/<service>`
//! (open times by day in the visitor's zone), the hold a chosen time becomes and the details
//! form that books it. Plain HTML; the times page's only script detects the zone.

use super::book;
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

/// The workspace at `handle` (with bookings on) and its bookable service at `slug`.
pub async fn service(
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
    /// The token of a package paying for the booking.
    #[serde(default)]
    pub package: String,
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
    if super::payment::paid(s) && billing::service::payments::of(state).is_none() {
        let text = "This service is paid, and payments are not set up here yet. Please contact us to book.";
        return PAGE.render(
            StatusCode::SERVICE_UNAVAILABLE,
            &s.settings.name,
            &message(&s.settings.name, text),
        );
    }
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

/// Where the booking pages of `s` lead, carrying the package of `package` (a link's token)
/// when it is genuine and has sessions left, with its balance as the banner.
async fn booking_target(state: &AppState, ws: &Workspace, s: &ServiceDoc, package: &str) -> Target {
    let path = format!("/@{}/book/{}", ws.handle, s.settings.slug);
    let found = match package {
        "" => None,
        t => super::packages::by_token(state, s, t).await.ok().flatten(),
    };
    let banner = found.as_ref().map(|p| match (p.status.as_str(), p.left) {
        ("pending", _) => {
            "We are confirming your payment: reload in a moment to book with your package."
                .to_owned()
        }
        ("paid", 0) => "Your package has no sessions left.".to_owned(),
        ("paid", n) => format!(
            "Booking with your package: {n} of {} sessions left. Nothing to pay.",
            p.sessions
        ),
        _ => "This package was not paid.".to_owned(),
    });
    Target {
        post_to: format!("{path}/hold"),
        path,
        moving: None,
        sells_package: s.settings.package_sessions > 0
            && billing::service::payments::of(state).is_some(),
        package: found
            .filter(|p| p.status == "paid" && p.left > 0)
            .map(|_| package.to_owned()),
        banner,
    }
}

/// `GET /@{handle}/book/{service}`.
pub async fn times(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
    Query(q): Query<TimesQuery>,
) -> Response {
    match service(&state, &handle, &slug).await {
        Ok((ws, s)) => {
            let target = booking_target(&state, &ws, &s, &q.package).await;
            times_page(&state, (&ws, &s, &target), &q, None).await
        }
        Err(r) => r,
    }
}

/// The chosen time.
#[derive(Debug, Deserialize)]
pub struct HoldForm {
    #[serde(default)]
    package: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    tz: String,
    #[serde(default)]
    d: Option<u32>,
}

/// The path of hold `b`'s details form (signed: the link is the capability).
pub async fn details_path(
    state: &AppState,
    s: &ServiceDoc,
    b: &super::store::Booking,
) -> Result<String, AppError> {
    let ws = super::store::workspace(state, &s.workspace_id).await?;
    Ok(format!(
        "/@{}/book/{}/h/{}/{}",
        ws.handle,
        s.settings.slug,
        b.id,
        hold_tag(state, &b.id)
    ))
}

/// Whether `tag` signs hold `id`.
pub fn hold_tag_ok(state: &AppState, id: &str, tag: &str) -> bool {
    verify_mac(state.config.app_secret.expose(), "booking.hold", id, tag)
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
        ..Default::default()
    };
    let target = booking_target(&state, &ws, &s, &f.package).await;
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
                (&ws, &s, &target),
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
            (&ws, &s, &target),
            &q,
            Some("Choose one of the times shown."),
        )
        .await;
    };
    let (tz, _) = zone_or(&f.tz, &ws.time_zone);
    match book::hold(&state, &s, book::length(&s, f.d), start, &tz).await {
        Ok(Ok(b)) => {
            let carry = match &target.package {
                Some(t) => format!("?package={}", app_core::url::encode_query_value(t)),
                None => String::new(),
            };
            let tag = hold_tag(&state, &b.id);
            let to = format!(
                "/@{}/book/{}/h/{}/{tag}{carry}",
                ws.handle, s.settings.slug, b.id
            );
            Redirect::to(&to).into_response()
        }
        Ok(Err(refusal)) => {
            times_page(&state, (&ws, &s, &target), &q, Some(refusal.message())).await
        }
        Err(e) => unavailable(e),
    }
}
