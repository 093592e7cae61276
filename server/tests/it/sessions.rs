//! Sessions through the real router: log-out, refresh rotation and reuse, forged tokens,
//! password reset, the list of signed-in devices.

use crate::common;

use axum::http::StatusCode;
use common::{mail, TestApp};
use std::time::Duration;

use common::people::{register, unique_email, PASSWORD};

#[tokio::test]
async fn logging_out_revokes_the_session_even_for_a_copied_access_token() {
    let app = TestApp::start().await;
    let mut c = app.client();
    register(&mut c, &unique_email("logout")).await;
    let stolen = c.cookies.clone();
    assert_eq!(c.call("logout", &[]).await.status, StatusCode::OK);
    assert!(c.me().await.is_null());

    let mut thief = app.client();
    thief
        .cookies
        .insert("mw_at".into(), stolen["mw_at"].clone());
    assert!(
        thief.me().await.is_null(),
        "a revoked session's access token still worked"
    );
    let mut thief = app.client();
    thief
        .cookies
        .insert("mw_rt".into(), stolen["mw_rt"].clone());
    assert!(
        thief.me().await.is_null(),
        "a revoked session's refresh token still worked"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn refresh_rotates_and_a_reused_refresh_token_revokes_the_session() {
    let app = TestApp::start().await;
    let mut c = app.client();
    let email = unique_email("rotate");
    register(&mut c, &email).await;
    let first_refresh = c.cookies["mw_rt"].clone();

    // The access token expires; the refresh token renews it and is itself replaced.
    app.state.clock.advance(Duration::from_secs(16 * 60));
    assert_eq!(c.me().await["email"], email.as_str());
    let second_refresh = c.cookies["mw_rt"].clone();
    assert_ne!(first_refresh, second_refresh);

    // Someone replays the first refresh token later: theft. The whole session ends.
    app.state.clock.advance(Duration::from_secs(60));
    let mut thief = app.client();
    thief.cookies.insert("mw_rt".into(), first_refresh);
    assert!(thief.me().await.is_null());
    app.state.clock.advance(Duration::from_secs(16 * 60));
    c.cookies.remove("mw_at");
    assert!(
        c.me().await.is_null(),
        "the session survived the reuse of its old refresh token"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn tampered_and_foreign_access_tokens_are_refused() {
    let app = TestApp::start().await;
    let mut c = app.client();
    register(&mut c, &unique_email("tamper")).await;
    let token = c.cookies["mw_at"].clone();
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged_payload;
    {
        use base64::Engine;
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let mut claims: serde_json::Value =
            serde_json::from_slice(&engine.decode(parts[1]).unwrap()).unwrap();
        claims["sub"] = "someone-else".into();
        forged_payload = engine.encode(claims.to_string());
    }
    parts[1] = &forged_payload;
    for bad in [
        parts.join("."),
        format!("{}.", token.rsplit_once('.').unwrap().0),
        "garbage".into(),
    ] {
        let mut thief = app.client();
        thief.cookies.insert("mw_at".into(), bad.clone());
        assert!(thief.me().await.is_null(), "accepted {bad}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn password_reset_never_reveals_accounts_and_ends_every_session() {
    let app = TestApp::start().await;
    let email = unique_email("reset");
    let mut laptop = app.client();
    register(&mut laptop, &email).await;
    let mut phone = app.client();
    phone
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;

    let mut anon = app.client();
    let unknown = anon
        .call(
            "request_password_reset",
            &[("email", &unique_email("ghost"))],
        )
        .await;
    let known = anon
        .call("request_password_reset", &[("email", &email)])
        .await;
    assert_eq!(
        (unknown.status, unknown.body.as_str()),
        (known.status, known.body.as_str())
    );

    let message = mail::wait_for(&email, 2).await; // verification, then reset
    assert_eq!(message.subject, "Reset your Mewayz password");
    let token = message.token();
    let weak = anon
        .call(
            "reset_password",
            &[("token", &token), ("password", "short")],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = anon
        .call(
            "reset_password",
            &[("token", &token), ("password", "a brand new passphrase")],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(done.location(), Some("/login?reset=1"));

    assert!(laptop.me().await.is_null());
    assert!(phone.me().await.is_null());
    let old = anon
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new = anon
        .call(
            "login",
            &[("email", &email), ("password", "a brand new passphrase")],
        )
        .await;
    assert_eq!(new.status, StatusCode::OK);
    let reuse = app
        .client()
        .call(
            "reset_password",
            &[("token", &token), ("password", "yet another passphrase")],
        )
        .await;
    assert_eq!(reuse.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Thirty minutes is the limit.
    app.client()
        .call("request_password_reset", &[("email", &email)])
        .await;
    let late = mail::wait_for(&email, 3).await.token();
    app.state.clock.advance(Duration::from_secs(31 * 60));
    let expired = app
        .client()
        .call(
            "reset_password",
            &[("token", &late), ("password", "yet another passphrase")],
        )
        .await;
    assert_eq!(expired.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.cleanup().await;
}

#[tokio::test]
async fn sessions_are_listed_and_revocable_only_by_their_owner() {
    let app = TestApp::start().await;
    let email = unique_email("devices");
    let mut laptop = app.client();
    register(&mut laptop, &email).await;
    let mut phone = app.client();
    phone
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;

    let list = laptop.call("list_sessions", &[]).await.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    let phone_session = list.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let mut stranger = app.client();
    register(&mut stranger, &unique_email("stranger")).await;
    let a = stranger
        .call("revoke_session", &[("id", &phone_session)])
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(!phone.me().await.is_null());

    assert_eq!(
        laptop
            .call("revoke_session", &[("id", &phone_session)])
            .await
            .status,
        StatusCode::OK
    );
    assert!(phone.me().await.is_null());
    assert_eq!(
        laptop
            .call("list_sessions", &[])
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    assert_eq!(
        laptop.call("logout_everywhere", &[]).await.status,
        StatusCode::OK
    );
    assert!(laptop.me().await.is_null());
    assert_eq!(
        app.client().call("list_sessions", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    app.cleanup().await;
}
