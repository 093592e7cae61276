//! Open redirects after sign-in: browsers drop tabs and newlines from URLs and read `\` as `/`,
//! so `/\t/evil.example` and `/\evil.example` lead off the site. Every way in lands on our own
//! pages.

use crate::common::fake_google::{app_with, person, FakeGoogle};
use crate::common::people::{signed_up, totp_code, turn_on_mfa, PASSWORD};
use crate::common::TestApp;
use axum::http::StatusCode;

/// Destinations that browsers resolve to another site.
const OFF_SITE: &[&str] = &[
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "//evil.example",
    "https://evil.example/app",
    "/ /evil.example",
];

#[tokio::test]
async fn a_next_parameter_with_tabs_or_backslashes_cannot_send_a_login_off_site() {
    let app = TestApp::start().await;
    let (_, email) = signed_up(&app, "redirect").await;
    for next in OFF_SITE {
        let a = app
            .client()
            .call(
                "login",
                &[("email", &email), ("password", PASSWORD), ("next", next)],
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        assert_eq!(a.location(), Some("/app"), "next={next:?}");
    }
    let a = app
        .client()
        .call(
            "login",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", "/app/more?tab=1#top"),
            ],
        )
        .await;
    assert_eq!(a.location(), Some("/app/more?tab=1#top"));
    app.cleanup().await;
}

#[tokio::test]
async fn the_second_step_and_google_sign_in_cannot_be_sent_off_site() {
    let app = TestApp::start().await;
    let (mut c, email) = signed_up(&app, "redirect-mfa").await;
    let key = turn_on_mfa(&app, &mut c).await;
    let mut b = app.client();
    let a = b
        .call(
            "login",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", "/\t/evil.example"),
            ],
        )
        .await;
    assert_eq!(a.location(), Some("/login/code"));
    let code = totp_code(&app, &key, 1);
    let a = b.call("login_code", &[("code", &code)]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.location(), Some("/app"));
    app.cleanup().await;

    let fake = FakeGoogle::start().await;
    let app = app_with(&fake).await;
    for next in ["/%5Cevil.example", "/%09/evil.example"] {
        let mut c = app.client();
        let start = c.get(&format!("/auth/google?next={next}")).await;
        let back = fake.consent(start.location().unwrap(), &person("g-next", true));
        let done = c.get(&back).await;
        assert_eq!(done.location(), Some("/app"), "next={next}");
    }
    app.cleanup().await;
}
