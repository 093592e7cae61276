//! A stolen "trusted device" cookie (`mw_dev`) exempts its holder from the log-in pause. It must
//! expire, and end when the owner changes the password or logs out everywhere.

use crate::common::client::Client;
use crate::common::people::{register, unique_email, PASSWORD};
use crate::common::TestApp;
use axum::http::StatusCode;
use std::time::Duration;

/// Pauses log-ins to `email` by guessing from another browser.
async fn lock(app: &TestApp, email: &str) {
    let mut attacker = app.client();
    for i in 0..10 {
        attacker
            .call(
                "login",
                &[("email", email), ("password", &format!("guess number {i}"))],
            )
            .await;
    }
}

/// A browser holding only `device` as its cookie.
fn with_device(app: &TestApp, device: &str) -> Client {
    let mut c = app.client();
    c.cookies.insert("mw_dev".into(), device.into());
    c
}

async fn login(c: &mut Client, email: &str, password: &str) -> StatusCode {
    c.call("login", &[("email", email), ("password", password)])
        .await
        .status
}

#[tokio::test]
async fn a_copied_device_cookie_stops_working_after_log_out_everywhere_a_new_password_or_90_days() {
    let app = TestApp::start().await;
    let email = unique_email("device");
    let mut owner = app.client();
    let a = register(&mut owner, &email).await;
    let set = a.headers.get_all("set-cookie").iter().find_map(|v| {
        v.to_str()
            .ok()
            .filter(|v| v.starts_with("mw_dev="))
            .map(str::to_owned)
    });
    assert!(
        set.unwrap().contains("Max-Age=7776000"),
        "the browser keeps it 90 days"
    );
    let copied = owner.cookies["mw_dev"].clone();
    lock(&app, &email).await;
    assert_eq!(
        login(&mut with_device(&app, &copied), &email, PASSWORD).await,
        StatusCode::OK
    );

    // Log out everywhere: the copy no longer exempts anyone.
    owner.call("logout_everywhere", &[]).await;
    lock(&app, &email).await;
    assert_eq!(
        login(&mut with_device(&app, &copied), &email, PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );

    // A new password ends the devices trusted before it.
    app.state.clock.advance(Duration::from_secs(16 * 60));
    let mut owner = app.client();
    assert_eq!(login(&mut owner, &email, PASSWORD).await, StatusCode::OK);
    let before = owner.cookies["mw_dev"].clone();
    let new_password = "another perfectly long passphrase";
    let a = owner
        .call(
            "change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", new_password),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    lock(&app, &email).await;
    assert_eq!(
        login(&mut with_device(&app, &before), &email, new_password).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The browser that changed it got a fresh one.
    let after = owner.cookies["mw_dev"].clone();
    assert_ne!(after, before);
    assert_eq!(
        login(&mut with_device(&app, &after), &email, new_password).await,
        StatusCode::OK
    );

    // After 90 days a device is a stranger again.
    app.state.clock.advance(Duration::from_secs(91 * 24 * 3600));
    lock(&app, &email).await;
    assert_eq!(
        login(&mut with_device(&app, &after), &email, new_password).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    app.cleanup().await;
}
