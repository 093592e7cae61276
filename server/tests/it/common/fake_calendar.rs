//! The Google Calendar API of the fake Google: access tokens it gave out (and refreshes),
//! free/busy from ranges a test sets, and events written and deleted.

use super::fake_google::Fake;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Per account: tokens, busy ranges and events.
#[derive(Default)]
pub struct Calendars {
    access: HashMap<String, String>,
    refresh: HashMap<String, String>,
    pub busy: HashMap<String, Vec<(String, String)>>,
    pub events: HashMap<String, Vec<Value>>,
    issued: usize,
}

impl Calendars {
    /// New access and refresh tokens for `email`.
    pub fn grant(&mut self, email: &str) -> (String, String) {
        self.issued += 1;
        let (a, r) = (
            format!("acc-{}", self.issued),
            format!("ref-{}", self.issued),
        );
        self.access.insert(a.clone(), email.to_owned());
        self.refresh.insert(r.clone(), email.to_owned());
        (a, r)
    }

    /// A new access token for the account of `refresh`.
    pub fn refresh(&mut self, refresh: &str) -> Option<String> {
        let email = self.refresh.get(refresh)?.clone();
        self.issued += 1;
        let a = format!("acc-{}", self.issued);
        self.access.insert(a.clone(), email);
        Some(a)
    }
}

fn who(f: &Fake, headers: &HeaderMap) -> Option<String> {
    let token = headers
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")?;
    f.calendar.lock().unwrap().access.get(token).cloned()
}

fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({ "error": { "code": 401 } })),
    )
        .into_response()
}

async fn free_busy(State(f): State<Fake>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let Some(email) = who(&f, &headers) else {
        return unauthorized();
    };
    let busy: Vec<Value> = f
        .calendar
        .lock()
        .unwrap()
        .busy
        .get(&email)
        .into_iter()
        .flatten()
        .filter(|(a, b)| {
            body["timeMin"].as_str() < Some(b.as_str())
                && Some(a.as_str()) < body["timeMax"].as_str()
        })
        .map(|(a, b)| json!({ "start": a, "end": b }))
        .collect();
    Json(json!({ "kind": "calendar#freeBusy", "calendars": { "primary": { "busy": busy } } }))
        .into_response()
}

async fn insert(
    State(f): State<Fake>,
    headers: HeaderMap,
    Json(mut body): Json<Value>,
) -> Response {
    let Some(email) = who(&f, &headers) else {
        return unauthorized();
    };
    let mut c = f.calendar.lock().unwrap();
    let id = format!("evt{}", c.events.values().map(Vec::len).sum::<usize>() + 1);
    body["id"] = json!(id);
    c.events.entry(email).or_default().push(body.clone());
    Json(body).into_response()
}

async fn remove(State(f): State<Fake>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let Some(email) = who(&f, &headers) else {
        return unauthorized();
    };
    let mut c = f.calendar.lock().unwrap();
    let list = c.events.entry(email).or_default();
    let before = list.len();
    list.retain(|e| e["id"] != id.as_str());
    if list.len() == before {
        return StatusCode::GONE.into_response();
    }
    StatusCode::NO_CONTENT.into_response()
}

/// The routes, merged into the fake Google.
pub(super) fn routes() -> Router<Fake> {
    Router::new()
        .route("/calendar/v3/freeBusy", post(free_busy))
        .route("/calendar/v3/calendars/primary/events", post(insert))
        .route("/calendar/v3/calendars/primary/events/{id}", delete(remove))
}
