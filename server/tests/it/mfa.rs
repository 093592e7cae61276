//! Two-step verification: enrolment, the second log-in step, single-use codes, recovery codes.

use crate::common;

use axum::http::StatusCode;
use common::{client::Client, TestApp};
use std::time::Duration;
use totp_rs::{Algorithm, Secret, TOTP};

const PASSWORD: &str = "a perfectly long passphrase";

fn code_for(app: &TestApp, key: &str, offset_steps: i64) -> String {
    let secret = Secret::Encoded(key.to_owned()).to_bytes().unwrap();
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, secret, None, String::new()).unwrap();
    totp.generate((app.state.clock.unix() + offset_steps * 30) as u64)
}

/// Signs up and turns MFA on; returns the client, email, key and recovery codes.
async fn enrolled(app: &TestApp) -> (Client, String, String, Vec<String>) {
    let email = format!(
        "{}@example.com",
        common::fresh_db_name("mfa").to_lowercase()
    );
    let mut c = app.client();
    c.call(
        "register",
        &[("name", "Mo"), ("email", &email), ("password", PASSWORD)],
    )
    .await;
    let setup = c.call("start_mfa", &[]).await.json();
    let key = setup["manual_key"].as_str().unwrap().to_owned();
    assert!(setup["otpauth_url"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/Mewayz:"));
    assert!(setup["qr_svg"]
        .as_str()
        .unwrap()
        .starts_with("data:image/svg+xml;base64,"));

    let wrong = c.call("confirm_mfa", &[("code", "000000")]).await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.body
    );
    let ok = c
        .call("confirm_mfa", &[("code", &code_for(app, &key, 0))])
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let codes: Vec<String> = ok
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    (c, email, key, codes)
}

async fn password_step(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    let a = c
        .call(
            "login",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("next", "/app/more"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.location(), Some("/login/code"));
    assert!(
        !c.cookies.contains_key("mw_at"),
        "signed in before the second step"
    );
    assert!(c.cookies.contains_key("mw_mfa"));
    c
}

#[tokio::test]
async fn log_in_asks_for_a_code_after_the_password_and_each_code_works_once() {
    let app = TestApp::start().await;
    let (_, email, key, _) = enrolled(&app).await;
    // The enrolment code was used; move to the next time step.
    app.state.clock.advance(Duration::from_secs(30));

    let mut c = password_step(&app, &email).await;
    assert!(c.me().await.is_null());
    let wrong = c.call("login_code", &[("code", "123456")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let code = code_for(&app, &key, 0);
    let ok = c.call("login_code", &[("code", &code)]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(ok.location(), Some("/app/more"));
    assert_eq!(c.me().await["email"], email.as_str());
    assert!(!c.cookies.contains_key("mw_mfa"));

    // The same code cannot be replayed by someone who saw it.
    let mut other = password_step(&app, &email).await;
    assert_eq!(
        other.call("login_code", &[("code", &code)]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.cleanup().await;
}

#[tokio::test]
async fn recovery_codes_work_once_each() {
    let app = TestApp::start().await;
    let (_, email, _, codes) = enrolled(&app).await;
    let mut c = password_step(&app, &email).await;
    assert_eq!(
        c.call("login_code", &[("code", &codes[3].to_uppercase())])
            .await
            .status,
        StatusCode::OK
    );
    let mut again = password_step(&app, &email).await;
    assert_eq!(
        again
            .call("login_code", &[("code", &codes[3])])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        c.call("get_mfa_status", &[]).await.json()["recovery_codes_left"],
        9
    );
    app.cleanup().await;
}

#[tokio::test]
async fn five_wrong_codes_end_the_attempt() {
    let app = TestApp::start().await;
    let (_, email, key, _) = enrolled(&app).await;
    app.state.clock.advance(Duration::from_secs(30));
    let mut c = password_step(&app, &email).await;
    for _ in 0..4 {
        assert_eq!(
            c.call("login_code", &[("code", "999999")]).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let last = c.call("login_code", &[("code", "999999")]).await;
    assert!(
        last.field_errors("form")[0].contains("Log in again"),
        "{}",
        last.body
    );
    let late = c
        .call("login_code", &[("code", &code_for(&app, &key, 0))])
        .await;
    assert_eq!(
        late.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the right code after the attempts ran out"
    );
    assert!(c.me().await.is_null());
    app.cleanup().await;
}

#[tokio::test]
async fn turning_it_off_needs_the_password_and_a_code() {
    let app = TestApp::start().await;
    let (mut c, email, key, _) = enrolled(&app).await;
    app.state.clock.advance(Duration::from_secs(30));
    let a = c
        .call(
            "disable_mfa",
            &[
                ("password", "not my password"),
                ("code", &code_for(&app, &key, 0)),
            ],
        )
        .await;
    assert_eq!(
        a.field_errors("password"),
        vec!["That password is not right."]
    );
    let a = c
        .call("disable_mfa", &[("password", PASSWORD), ("code", "000000")])
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let a = c
        .call(
            "disable_mfa",
            &[("password", PASSWORD), ("code", &code_for(&app, &key, 0))],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(c.call("get_mfa_status", &[]).await.json()["enabled"], false);

    let mut fresh = app.client();
    let a = fresh
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(a.location(), Some("/app"));
    app.cleanup().await;
}

#[tokio::test]
async fn mfa_endpoints_need_a_signed_in_user() {
    let app = TestApp::start().await;
    let mut anon = app.client();
    for name in ["start_mfa", "get_mfa_status"] {
        assert_eq!(
            anon.call(name, &[]).await.status,
            StatusCode::UNAUTHORIZED,
            "{name}"
        );
    }
    assert_eq!(
        anon.call("confirm_mfa", &[("code", "123456")]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        anon.call("login_code", &[("code", "123456")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.cleanup().await;
}
