//! People and workspaces for tests: sign up through the real endpoints.

use super::client::Client;
use super::TestApp;
use axum::http::StatusCode;

/// The password every test account uses.
pub const PASSWORD: &str = "a perfectly long passphrase";

/// A name no other test uses, usable as a handle.
pub fn unique(tag: &str) -> String {
    super::fresh_db_name(tag).to_lowercase().replace('_', "-")
}

/// An email address no other test uses.
pub fn unique_email(tag: &str) -> String {
    format!("{}@example.com", super::fresh_db_name(tag).to_lowercase())
}

/// Signs `c` up as "Anna Example" with `email`.
pub async fn register(c: &mut Client, email: &str) -> super::client::Answer {
    c.call(
        "register",
        &[
            ("name", "Anna Example"),
            ("email", email),
            ("password", PASSWORD),
        ],
    )
    .await
}

/// A signed-in browser of a new account; returns it with the account's email.
pub async fn signed_up(app: &TestApp, name: &str) -> (Client, String) {
    let email = format!("{}@example.com", unique(name));
    let mut c = app.client();
    c.call(
        "register",
        &[("name", name), ("email", &email), ("password", PASSWORD)],
    )
    .await;
    (c, email)
}

/// Confirms `email` through the verification link it was sent, in browser `c`.
pub async fn verify(c: &mut Client, email: &str) {
    let mail = super::mail::latest(email, "Confirm your email for Mewayz").await;
    let a = c.call("verify_email", &[("token", &mail.token())]).await;
    assert!(a.status.is_success(), "verify_email: {}", a.body);
}

/// A signed-in browser of a new account whose email is confirmed.
pub async fn verified(app: &TestApp, name: &str) -> (Client, String) {
    let (mut c, email) = signed_up(app, name).await;
    verify(&mut c, &email).await;
    (c, email)
}

/// Creates a workspace with `handle` as `c`; returns its id.
pub async fn workspace(c: &mut Client, handle: &str) -> String {
    let a = c
        .call(
            "create_workspace",
            &[
                ("name", "Studio"),
                ("handle", handle),
                ("time_zone", "Europe/Paris"),
                ("currency", "EUR"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.location(), Some(format!("/app/{handle}").as_str()));
    c.call("get_workspace", &[("handle", handle)]).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The TOTP code of `key` at the app's time, `offset_steps` periods of 30 s away.
pub fn totp_code(app: &TestApp, key: &str, offset_steps: i64) -> String {
    let totp = totp_rs::TOTP::new(
        totp_rs::Algorithm::SHA1,
        6,
        1,
        30,
        totp_rs::Secret::Encoded(key.to_owned()).to_bytes().unwrap(),
        None,
        String::new(),
    )
    .unwrap();
    totp.generate((app.state.clock.unix() + offset_steps * 30) as u64)
}

/// Turns on two-step verification for `c` with a code computed from the key it is shown;
/// returns the key.
pub async fn turn_on_mfa(app: &TestApp, c: &mut Client) -> String {
    let key = c.call("start_mfa", &[]).await.json()["manual_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let code = totp_code(app, &key, 0);
    assert_eq!(
        c.call("confirm_mfa", &[("code", &code)]).await.status,
        StatusCode::OK
    );
    key
}

/// Invites `email` to workspace `ws` as a viewer.
pub async fn invite(c: &mut Client, ws: &str, email: &str) -> super::client::Answer {
    c.call(
        "invite_member",
        &[("workspace_id", ws), ("email", email), ("role", "viewer")],
    )
    .await
}
