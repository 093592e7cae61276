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
