//! Account pre-hijacking: someone registers a victim's address before the victim arrives with
//! Google. Linking must hand the account to the Google identity and shut the squatter out.

use crate::common::fake_google::{app_with, person, sign_in, FakeGoogle};
use crate::common::people::{verify, PASSWORD};
use axum::http::StatusCode;

#[tokio::test]
async fn a_squatter_who_pre_registered_the_address_loses_it_when_its_owner_uses_google() {
    let fake = FakeGoogle::start().await;
    let app = app_with(&fake).await;
    let victim = person("prehijack", true);

    let mut squatter = app.client();
    let a = squatter
        .call(
            "register",
            &[
                ("name", "Squatter"),
                ("email", &victim.email),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let account = squatter.me().await["id"].clone();

    let mut owner = app.client();
    let done = sign_in(&fake, &mut owner, &victim).await;
    assert_eq!(done.location(), Some("/app/more"));
    assert_eq!(owner.me().await["id"], account, "the address's account");

    // The squatter's session ended and their password no longer opens the account.
    assert!(squatter.me().await.is_null());
    let a = app
        .client()
        .call("login", &[("email", &victim.email), ("password", PASSWORD)])
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);

    // The account's security log says what happened.
    let log = owner.call("list_security_events", &[]).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    let entry = log.json()[0].clone();
    assert_eq!(entry["kind"], "google.linked_unverified");
    assert!(entry["summary"].as_str().unwrap().contains("password"));
    app.cleanup().await;
}

#[tokio::test]
async fn linking_google_to_a_verified_account_keeps_its_password_and_sessions() {
    let fake = FakeGoogle::start().await;
    let app = app_with(&fake).await;
    let who = person("keeps", true);
    let mut first = app.client();
    first
        .call(
            "register",
            &[
                ("name", "Kept"),
                ("email", &who.email),
                ("password", PASSWORD),
            ],
        )
        .await;
    verify(&mut first, &who.email).await;

    let mut second = app.client();
    sign_in(&fake, &mut second, &who).await;
    assert_eq!(second.me().await["id"], first.me().await["id"]);
    let a = app
        .client()
        .call("login", &[("email", &who.email), ("password", PASSWORD)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let log = first.call("list_security_events", &[]).await.json();
    assert_eq!(log[0]["kind"], "google.linked");
    app.cleanup().await;
}
