//! The two plain routes of connecting a member's Google Calendar: out to Google's consent
//! page, and back with its code.

use super::gcal;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use identity::service::Auth;
use platform::AppState;
use serde::Deserialize;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// `GET /booking/google/connect/{workspace_id}`: any member connects their own calendar.
pub async fn connect(
    State(state): State<AppState>,
    Path(workspace_id): Path<String>,
    req: Request,
) -> Response {
    let auth = req.extensions().get::<Auth>().cloned();
    let scope =
        match WorkspaceScope::require(&state, auth.as_ref(), &workspace_id, Permission::View).await
        {
            Ok(s) => s,
            Err(e) => return (e.status_code(), e.to_string()).into_response(),
        };
    let handle = match workspaces::service::workspaces::get(&state, &scope).await {
        Ok(ws) => ws.handle,
        Err(e) => return (e.status_code(), e.to_string()).into_response(),
    };
    match gcal::connect(&state, &scope, &handle).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e) => Redirect::to(&format!(
            "/app/{handle}/booking/hours?calendar=unavailable&why={}",
            app_core::url::encode_query_value(&e.to_string())
        ))
        .into_response(),
    }
}

/// Google's answer.
#[derive(Debug, Deserialize)]
pub struct Callback {
    #[serde(default)]
    code: String,
    #[serde(default)]
    state: String,
}

/// `GET /booking/google/callback`.
pub async fn callback(State(state): State<AppState>, Query(q): Query<Callback>) -> Response {
    match gcal::finish(&state, &q.code, &q.state).await {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(e) => (
            StatusCode::BAD_REQUEST,
            format!("Google Calendar was not connected: {e}"),
        )
            .into_response(),
    }
}
