//! The visitor's own booking page at `/booking/<id>/<signature>` (the link in its emails):
//! cancel, or move to another time through the times page, while the service allows.

use super::manage::{self, changeable, manage_path};
use super::public::{not_found, times_page, unavailable, zone_or, TimesQuery};
use super::public_form::when;
use super::public_html::{Target, PAGE};
use super::store::{Booking, ServiceDoc};
use app_core::error::AppError;
use app_core::text::escape_html as escape;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use http::StatusCode;
use jiff::Timestamp;
use mongodb::bson::doc;
use platform::public_page::message;
use platform::request::client_ip;
use platform::AppState;
use serde::Deserialize;
use workspaces::service::store::Workspace;

async fn found(
    state: &AppState,
    id: &str,
    tag: &str,
) -> Result<(Booking, ServiceDoc, Workspace), Response> {
    let (b, s) = match manage::find(state, id, tag).await {
        Ok(Some(found)) => found,
        Ok(None) => return Err(not_found()),
        Err(e) => return Err(unavailable(e)),
    };
    match super::store::workspace(state, &b.workspace_id).await {
        Ok(ws) => Ok((b, s, ws)),
        Err(AppError::NotFound { .. }) => Err(not_found()),
        Err(e) => Err(unavailable(e)),
    }
}

fn summary(s: &ServiceDoc, b: &Booking) -> String {
    format!(
        "<h1>{}</h1><p class=\"ok\">{}</p>",
        escape(&s.settings.name),
        escape(&when(b))
    )
}

/// `GET /booking/{id}/{tag}`.
pub async fn page(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
) -> Response {
    let (b, s, ws) = match found(&state, &id, &tag).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut html = summary(&s, &b);
    if b.status != crate::model::BookingStatus::Confirmed {
        html.push_str(
            "<p>This booking is cancelled or has moved: your latest email has its time.</p>",
        );
    } else if changeable(&s, &b, state.clock.now()) {
        let path = manage_path(&state, &b.id);
        html.push_str(&format!(
            "<p><a href=\"{path}/move\">Move to another time</a></p>\
             <form method=\"post\" action=\"{path}/cancel\"><button type=\"submit\">Cancel booking</button></form>"
        ));
    } else {
        html.push_str(&format!(
            "<p>It is too close to the session to change it here ({} hours before at the latest). Please contact {} directly.</p>",
            s.settings.cancel_hours,
            escape(&ws.name)
        ));
    }
    PAGE.render(StatusCode::OK, &s.settings.name, &html)
}

/// `POST /booking/{id}/{tag}/cancel`.
pub async fn cancel(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
) -> Response {
    let (b, s, _) = match found(&state, &id, &tag).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !changeable(&s, &b, state.clock.now()) {
        let text = "This booking cannot be cancelled here any more.";
        return PAGE.render(
            StatusCode::CONFLICT,
            "Not cancelled",
            &message("Not cancelled", text),
        );
    }
    match manage::cancel(&state, &s, &b).await {
        Ok(_) => PAGE.render(
            StatusCode::OK,
            "Cancelled",
            &message(
                "Booking cancelled",
                "We have let them know. The time is free for others now.",
            ),
        ),
        Err(e) => unavailable(e),
    }
}

fn move_target(state: &AppState, b: &Booking) -> Target {
    let path = format!("{}/move", manage_path(state, &b.id));
    Target {
        post_to: path.clone(),
        path,
        moving: Some(b.id.clone()),
        package: None,
        banner: None,
        sells_package: false,
    }
}

/// `GET /booking/{id}/{tag}/move`: the service's times, this booking's own counted as free.
pub async fn move_page(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
    Query(mut q): Query<TimesQuery>,
) -> Response {
    let (b, s, ws) = match found(&state, &id, &tag).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !changeable(&s, &b, state.clock.now()) {
        return Redirect::to(&manage_path(&state, &b.id)).into_response();
    }
    if q.tz.is_empty() {
        q.tz = b.visitor_tz.clone();
    }
    times_page(&state, (&ws, &s, &move_target(&state, &b)), &q, None).await
}

/// The new time.
#[derive(Debug, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    start: String,
    #[serde(default)]
    tz: String,
}

/// `POST /booking/{id}/{tag}/move`: moves the booking if the new time is open.
pub async fn move_post(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
    parts: Parts,
    Form(f): Form<MoveForm>,
) -> Response {
    let (b, s, ws) = match found(&state, &id, &tag).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !changeable(&s, &b, state.clock.now()) {
        return Redirect::to(&manage_path(&state, &b.id)).into_response();
    }
    let q = TimesQuery {
        tz: zone_or(&f.tz, &b.visitor_tz).0,
        ..Default::default()
    };
    let target = move_target(&state, &b);
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    if let Err(e) = state
        .limits
        .signups
        .check(&format!("move {ip} {}", b.id))
        .await
    {
        return unavailable(e);
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
    match manage::reschedule(&state, &s, &b, start).await {
        Ok(Ok(new)) => {
            let html = format!(
                "{}<p>We have let them know and sent you the new time.</p><p><a href=\"{}\">Cancel or move it</a></p>",
                summary(&s, &new).replace("<h1>", "<h1>Moved: "),
                manage_path(&state, &new.id)
            );
            PAGE.render(StatusCode::OK, "Moved", &html)
        }
        Ok(Err(refusal)) => {
            times_page(&state, (&ws, &s, &target), &q, Some(refusal.message())).await
        }
        Err(e) => unavailable(e),
    }
}
