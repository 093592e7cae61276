//! Guessing the second step in parallel: someone who knows the password fires many codes at one
//! pending sign-in at once, hoping that more than the allowed tries get judged.

use crate::common::people::{signed_up, totp_code, turn_on_mfa, PASSWORD};
use crate::common::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn thirty_parallel_wrong_codes_get_five_tries_and_count_towards_the_lockout() {
    let app = TestApp::start().await;
    let (mut owner, email) = signed_up(&app, "mfa-race").await;
    let key = turn_on_mfa(&app, &mut owner).await;
    let valid: Vec<String> = (-1..=1).map(|s| totp_code(&app, &key, s)).collect();
    let wrong = (0..1_000_000)
        .map(|n| format!("{n:06}"))
        .find(|c| !valid.contains(c))
        .unwrap();

    // Two sign-ins with the right password, thirty wrong codes fired at each at once.
    for round in 0..2 {
        let mut attacker = app.client();
        let a = attacker
            .call("login", &[("email", &email), ("password", PASSWORD)])
            .await;
        assert_eq!(
            a.location(),
            Some("/login/code"),
            "round {round}: five judged codes do not lock the account yet: {}",
            a.body
        );
        let guesses = (0..30).map(|_| {
            let mut c = app.client();
            c.cookies = attacker.cookies.clone();
            let code = wrong.clone();
            async move { c.call("login_code", &[("code", &code)]).await }
        });
        let answers = futures_util::future::join_all(guesses).await;
        assert!(answers.iter().all(|a| a.status != StatusCode::OK));
    }

    // Ten wrong codes in all lock the account like ten wrong passwords would...
    let a = app
        .client()
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
    // ...except for a browser that signed in to it before.
    let a = owner
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(a.location(), Some("/login/code"), "{}", a.body);
    app.cleanup().await;
}
