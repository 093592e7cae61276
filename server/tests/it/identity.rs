//! Accounts end to end through the real router: sign-up, verification, log-in, throttling,
//! sessions, refresh rotation, password reset, cross-origin refusal.

use crate::common;

use axum::http::StatusCode;
use common::{mail, TestApp};
use std::time::Duration;

use common::people::{register, unique_email, PASSWORD};

#[tokio::test]
async fn sign_up_signs_in_and_the_emailed_link_verifies_once() {
    let app = TestApp::start().await;
    let mut c = app.client();
    let email = unique_email("signup");
    let a = register(&mut c, &email).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.location(), Some("/onboarding"));
    for name in ["mw_at", "mw_rt"] {
        let set = a
            .headers
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|v| v.starts_with(name))
            .unwrap();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Lax"),
            "{set}"
        );
    }
    let me = c.me().await;
    assert_eq!(me["email"], email.as_str());
    assert_eq!(me["email_verified"], false);

    let message = mail::wait_for(&email, 1).await;
    assert_eq!(message.subject, "Confirm your email for Mewayz");
    let token = message.token();
    let a = c.call("verify_email", &[("token", &token)]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(c.me().await["email_verified"], true);

    // Single use.
    let again = c.call("verify_email", &[("token", &token)]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.field_errors("token")[0].contains("expired or was already used"));
    app.cleanup().await;
}

#[tokio::test]
async fn bad_sign_up_input_is_explained_per_field_and_creates_nothing() {
    let app = TestApp::start().await;
    let mut c = app.client();
    let a = c
        .call(
            "register",
            &[
                ("name", ""),
                ("email", "not-an-email"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(a.field_errors("name"), vec!["Enter your name."]);
    assert!(a.field_errors("email")[0].contains("valid email"));
    assert!(a.field_errors("password")[0].contains("at least 10"));
    assert!(!c.cookies.contains_key("mw_at"));

    let email = unique_email("common");
    let a = c
        .call(
            "register",
            &[
                ("name", "Bo"),
                ("email", &email),
                ("password", "Password123"),
            ],
        )
        .await;
    assert!(
        a.field_errors("password")[0].contains("too common"),
        "{}",
        a.body
    );
    let a = c
        .call(
            "register",
            &[
                ("name", "Bo"),
                ("email", &email),
                ("password", &"x".repeat(129)),
            ],
        )
        .await;
    assert!(
        a.field_errors("password")[0].contains("at most 128"),
        "{}",
        a.body
    );
    // Nothing was created: logging in with that email fails like any unknown account.
    let a = c
        .call("login", &[("email", &email), ("password", "Password123")])
        .await;
    assert_eq!(a.field_errors("form"), vec!["Incorrect email or password."]);
    app.cleanup().await;
}

#[tokio::test]
async fn emails_are_unique_whatever_their_case() {
    let app = TestApp::start().await;
    let email = unique_email("dup");
    assert_eq!(
        register(&mut app.client(), &email).await.status,
        StatusCode::OK
    );
    let a = register(&mut app.client(), &email.to_uppercase()).await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    assert_eq!(a.json()["field"], "email");
    app.cleanup().await;
}

#[tokio::test]
async fn wrong_email_and_wrong_password_get_the_same_answer() {
    let app = TestApp::start().await;
    let email = unique_email("same");
    register(&mut app.client(), &email).await;
    let mut c = app.client();
    let wrong_pw = c
        .call(
            "login",
            &[("email", &email), ("password", "not the password!")],
        )
        .await;
    let no_user = c
        .call(
            "login",
            &[
                ("email", &unique_email("nobody")),
                ("password", "not the password!"),
            ],
        )
        .await;
    assert_eq!(wrong_pw.status, no_user.status);
    assert_eq!(wrong_pw.body, no_user.body);
    assert!(!c.cookies.contains_key("mw_at"));

    let ok = c
        .call(
            "login",
            &[
                ("email", &email.to_uppercase()),
                ("password", PASSWORD),
                ("next", "/app/more"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(ok.location(), Some("/app/more"));
    // Only local paths are followed after log-in.
    let mut c2 = app.client();
    let ok = c2
        .call(
            "login",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(ok.location(), Some("/app"));
    app.cleanup().await;
}

#[tokio::test]
async fn the_eleventh_wrong_password_is_refused_unchecked_and_the_owner_gets_in_after_the_pause() {
    let app = TestApp::start().await;
    let email = unique_email("brute");
    register(&mut app.client(), &email).await;
    let mut attacker = app.client();
    for i in 0..10 {
        let a = attacker
            .call(
                "login",
                &[
                    ("email", &email),
                    ("password", &format!("guess number {i}")),
                ],
            )
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {i}: {}",
            a.body
        );
    }
    // Refused without checking: even the right password is not accepted now.
    let a = attacker
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
    assert!(a.json()["retry_after_secs"].as_u64().unwrap() > 0);

    app.state.clock.advance(Duration::from_secs(61));
    let a = attacker
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(
        a.status,
        StatusCode::OK,
        "the owner's password after the pause: {}",
        a.body
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_device_that_signed_in_before_is_not_locked_out_by_someone_guessing() {
    let app = TestApp::start().await;
    let email = unique_email("victim");
    let mut owner = app.client();
    register(&mut owner, &email).await;
    owner.call("logout", &[]).await;
    assert!(owner.cookies.contains_key("mw_dev"), "{:?}", owner.cookies);

    let mut attacker = app.client();
    for i in 0..12 {
        attacker
            .call(
                "login",
                &[
                    ("email", &email),
                    ("password", &format!("guess number {i}")),
                ],
            )
            .await;
    }
    assert_eq!(
        attacker
            .call("login", &[("email", &email), ("password", PASSWORD)])
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let a = owner
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    app.cleanup().await;
}

#[tokio::test]
async fn cross_origin_posts_are_refused() {
    let app = TestApp::start().await;
    let mut c = app.client();
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let req = axum::http::Request::post("/api/register")
            .header("host", "mewayz.test")
            .header(name, value)
            .header("content-type", "application/x-www-form-urlencoded");
        let a = c
            .send(
                req,
                axum::body::Body::from("name=A&email=a%40example.com&password=xxxxxxxxxxxx"),
            )
            .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{name}: {value}");
    }
    let same = axum::http::Request::post("/api/current_user")
        .header("host", "mewayz.test")
        .header("origin", "http://mewayz.test")
        .header("sec-fetch-site", "same-origin");
    assert_eq!(
        c.send(same, axum::body::Body::empty()).await.status,
        StatusCode::OK
    );
    app.cleanup().await;
}

#[tokio::test]
async fn auth_actions_are_rate_limited_per_client() {
    let app = TestApp::start_with(
        &common::mongodb_uri(),
        &[("AUTH_RATE_LIMIT_PER_MINUTE", "3")],
    )
    .await;
    let mut c = app.client();
    for _ in 0..3 {
        let a = c
            .call(
                "login",
                &[("email", "x@example.com"), ("password", "whatever it is")],
            )
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let a = c
        .call(
            "login",
            &[("email", "x@example.com"), ("password", "whatever it is")],
        )
        .await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    app.cleanup().await;
}

#[tokio::test]
async fn signed_in_pages_send_visitors_to_log_in_and_back() {
    let app = TestApp::start().await;
    let mut c = app.client();
    let a = c.get("/app/more").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), Some("/login?next=/app/more"));
    register(&mut c, &unique_email("guard")).await;
    assert_eq!(c.get("/app/more").await.status, StatusCode::OK);
    let a = c.get("/login").await;
    assert_eq!(a.location(), Some("/app"));
    app.cleanup().await;
}

#[tokio::test]
async fn verification_emails_can_be_resent_once_a_minute() {
    let app = TestApp::start().await;
    let mut c = app.client();
    let email = unique_email("resend");
    register(&mut c, &email).await;
    mail::wait_for(&email, 1).await;
    let a = c.call("resend_verification", &[]).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
    app.state.clock.advance(Duration::from_secs(61));
    assert_eq!(
        c.call("resend_verification", &[]).await.status,
        StatusCode::OK
    );
    mail::wait_for(&email, 2).await;
    assert_eq!(mail::count(&email).await, 2);
    app.cleanup().await;
}
