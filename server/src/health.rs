//! Liveness and readiness, as an orchestrator asks for them.

use app::platform::db::PingError;
use app::platform::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::time::Duration;

/// How long readiness waits for the database before answering 503.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// Liveness: the process is up and serving. Never touches the database, so a database outage
/// does not get healthy pods restarted.
pub async fn healthz() -> Response {
    reply(StatusCode::OK, json!({ "status": "ok" }))
}

/// Readiness: the database is reachable and its indexes are in place. Turns 200 by itself once
/// the database comes up, because the driver keeps reconnecting in the background.
pub async fn readyz(State(state): State<AppState>) -> Response {
    if !state.db.schema_ready() {
        return unavailable("database indexes are not in place yet");
    }
    match state.db.ping(PING_TIMEOUT).await {
        Ok(()) => reply(StatusCode::OK, json!({ "status": "ready" })),
        Err(PingError::TimedOut) => unavailable("database did not answer in time"),
        Err(PingError::Failed(cause)) => {
            tracing::warn!(%cause, "readiness: database ping failed");
            unavailable("database unreachable")
        }
    }
}

fn unavailable(reason: &str) -> Response {
    reply(
        StatusCode::SERVICE_UNAVAILABLE,
        json!({ "status": "unavailable", "reason": reason }),
    )
}

fn reply(status: StatusCode, body: serde_json::Value) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}
