//! Who is calling, and how often: a client writes the left of `X-Forwarded-For` itself, and a
//! limit counted per replica is multiplied by the number of replicas.

use crate::common::people::{unique_email, PASSWORD};
use crate::common::{config, leptos_options, mongodb_uri, tempdir, TestApp};
use axum::http::StatusCode;

#[tokio::test]
async fn a_spoofed_forwarded_for_neither_dodges_limits_nor_fakes_the_session_address() {
    let app = TestApp::start_with(
        &mongodb_uri(),
        &[
            ("TRUSTED_PROXY_HOPS", "1"),
            ("AUTH_RATE_LIMIT_PER_MINUTE", "3"),
        ],
    )
    .await;
    // Our one proxy appends the address it saw; everything left of it is the client's word.
    for i in 0..4 {
        let spoofed = format!("10.0.0.{i}, 203.0.113.7");
        let a = app
            .client()
            .call_with(
                "login",
                &[
                    ("email", "nobody@example.com"),
                    ("password", "not the password"),
                ],
                &[("x-forwarded-for", &spoofed)],
            )
            .await;
        let expected = if i < 3 {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(a.status, expected, "attempt {i}: {}", a.body);
    }

    let mut c = app.client();
    let a = c
        .call_with(
            "register",
            &[
                ("name", "Proxied"),
                ("email", &unique_email("proxied")),
                ("password", PASSWORD),
            ],
            &[("x-forwarded-for", "6.6.6.6, 198.51.100.23")],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let sessions = c.call("list_sessions", &[]).await.json();
    assert_eq!(sessions[0]["ip"], "198.51.100.23");
    app.cleanup().await;
}

#[tokio::test]
async fn limits_hold_across_replicas_sharing_one_database() {
    let extra = [("AUTH_RATE_LIMIT_PER_MINUTE", "3")];
    let a = TestApp::start_with(&mongodb_uri(), &extra).await;
    // A second replica of the same deployment: same database, its own memory.
    let site = tempdir::TempSite::new();
    let state_b = app::platform::AppState::new(
        config(&mongodb_uri(), a.state.config.mongodb_db.as_str(), &extra),
        leptos_options(site.path()),
        server::modules(),
    )
    .await
    .unwrap();
    let b = server::router(state_b);
    let attempt = |router: axum::Router| async move {
        crate::common::client::Client::new(router, crate::common::BASE_URL)
            .call(
                "request_password_reset",
                &[("email", "someone@example.com")],
            )
            .await
            .status
    };
    let mut statuses = Vec::new();
    for router in [&a.router, &b, &a.router, &b] {
        statuses.push(attempt(router.clone()).await);
    }
    assert!(
        statuses[..3]
            .iter()
            .all(|s| s.is_success() || s.is_redirection()),
        "{statuses:?}"
    );
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
    a.cleanup().await;
}
