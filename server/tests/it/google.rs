//! "Continue with Google" against a local OpenID provider that speaks Google's protocol.

use crate::common;

use axum::http::StatusCode;
use common::fake_google::{app_with, person, sign_in, FakeGoogle, Person};
use common::TestApp;

#[tokio::test]
async fn a_new_google_user_gets_an_account_and_a_session() {
    let fake = FakeGoogle::start().await;
    let app = app_with(&fake).await;
    let mut c = app.client();
    let who = person("newg", true);
    let done = sign_in(&fake, &mut c, &who).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), Some("/app/more"));
    let me = c.me().await;
    assert_eq!(me["email"], who.email.as_str());
    assert_eq!(me["name"], "Gigi Google");
    assert_eq!(me["email_verified"], true);
    // The same Google account later signs in to the same Mewayz account.
    let mut again = app.client();
    sign_in(&fake, &mut again, &who).await;
    assert_eq!(again.me().await["id"], me["id"]);
    app.cleanup().await;
}

#[tokio::test]
async fn an_existing_account_is_linked_only_for_a_verified_email() {
    let fake = FakeGoogle::start().await;
    let app = app_with(&fake).await;
    let mut owner = app.client();
    let who = person("link", false);
    owner
        .call(
            "register",
            &[
                ("name", "Lin"),
                ("email", &who.email),
                ("password", "a perfectly long passphrase"),
            ],
        )
        .await;
    let owner_id = owner.me().await["id"].clone();

    let mut c = app.client();
    let refused = sign_in(&fake, &mut c, &who).await;
    assert_eq!(refused.location(), Some("/login?error=google_unverified"));
    assert!(c.me().await.is_null());

    let verified = Person {
        email_verified: true,
        ..who
    };
    let mut c = app.client();
    let done = sign_in(&fake, &mut c, &verified).await;
    assert_eq!(done.location(), Some("/app/more"));
    assert_eq!(c.me().await["id"], owner_id);
    app.cleanup().await;
}

#[tokio::test]
async fn a_forged_callback_or_token_is_refused() {
    let fake = FakeGoogle::start().await;
    let app = app_with(&fake).await;
    let who = person("forged", true);

    // A callback the browser did not start (no state cookie): login CSRF.
    let mut victim = app.client();
    let mut attacker = app.client();
    let to_google = attacker
        .get("/auth/google")
        .await
        .location()
        .unwrap()
        .to_owned();
    let back = fake.consent(&to_google, &who);
    let a = victim.get(&back).await;
    assert_eq!(a.location(), Some("/login?error=google_failed"));
    assert!(victim.me().await.is_null());

    // An ID token for another client.
    fake.sign_for_audience("some-other-client");
    let mut c = app.client();
    let a = sign_in(&fake, &mut c, &who).await;
    assert_eq!(a.location(), Some("/login?error=google_failed"));
    assert!(c.me().await.is_null());
    fake.sign_for_audience(common::fake_google::CLIENT_ID);

    // The person said no at Google.
    let mut c = app.client();
    let a = c
        .get("/auth/google/callback?error=access_denied&state=x")
        .await;
    assert_eq!(a.location(), Some("/login?error=google_cancelled"));
    app.cleanup().await;
}

#[tokio::test]
async fn the_button_shows_only_when_google_is_configured() {
    let app = TestApp::start().await;
    assert_eq!(
        app.client().call("auth_providers", &[]).await.json()["google"],
        false
    );
    let a = app.client().get("/auth/google").await;
    assert_eq!(a.location(), Some("/login?error=google_unavailable"));
    let fake = FakeGoogle::start().await;
    let with = app_with(&fake).await;
    assert_eq!(
        with.client().call("auth_providers", &[]).await.json()["google"],
        true
    );
    app.cleanup().await;
    with.cleanup().await;
}
