//! Liveness and readiness through the real router.

use crate::common;

use axum::http::StatusCode;
use common::{text, TestApp};

#[tokio::test]
async fn ready_when_the_database_is_up() {
    let app = TestApp::start().await;
    app_platform_ready(&app).await;

    let res = app.get("/readyz", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
    assert_eq!(body["status"], "ready");

    let res = app.get("/healthz", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    app.cleanup().await;
}

#[tokio::test]
async fn not_ready_until_indexes_are_ensured() {
    let app = TestApp::start().await;
    // Nothing has ensured the indexes yet, as right after start-up.
    let res = app.get("/readyz", &[]).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
    assert_eq!(body["status"], "unavailable");
    assert!(body["reason"].as_str().unwrap().contains("indexes"));
    app.cleanup().await;
}

#[tokio::test]
async fn unreachable_database_is_reported_but_liveness_stays_green() {
    let port = closed_port();
    let app = TestApp::start_with_uri(&format!(
        "mongodb://127.0.0.1:{port}/?directConnection=true"
    ))
    .await;
    app.state.db.mark_schema_ready();

    let res = app.get("/healthz", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);

    let res = app.get("/readyz", &[]).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
    assert_eq!(body["status"], "unavailable");
    assert!(body["reason"].as_str().unwrap().contains("database"));
}

async fn app_platform_ready(app: &TestApp) {
    app::platform::indexes::ensure(
        &app.state.db,
        &app::platform::indexes::of(&app.state.modules),
    )
    .await
    .expect("indexes");
    app.state.db.mark_schema_ready();
}

/// A port on which nothing listens: bound, then released.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}
