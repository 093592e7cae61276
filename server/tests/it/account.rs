//! Account settings: name, email change with re-verification, password change.

use crate::common;

use axum::http::StatusCode;
use common::{mail, TestApp};

const PASSWORD: &str = "a perfectly long passphrase";

fn unique_email(tag: &str) -> String {
    format!("{}@example.com", common::fresh_db_name(tag).to_lowercase())
}

#[tokio::test]
async fn the_name_can_be_changed_but_not_emptied() {
    let app = TestApp::start().await;
    let mut c = app.client();
    c.call(
        "register",
        &[
            ("name", "Old Name"),
            ("email", &unique_email("name")),
            ("password", PASSWORD),
        ],
    )
    .await;
    let bad = c.call("update_name", &[("name", "   ")]).await;
    assert_eq!(bad.field_errors("name"), vec!["Enter your name."]);
    assert_eq!(c.me().await["name"], "Old Name");
    assert_eq!(
        c.call("update_name", &[("name", "New Name")]).await.status,
        StatusCode::OK
    );
    assert_eq!(c.me().await["name"], "New Name");
    app.cleanup().await;
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_signs_out_other_devices() {
    let app = TestApp::start().await;
    let email = unique_email("pw");
    let mut laptop = app.client();
    laptop
        .call(
            "register",
            &[("name", "Pat"), ("email", &email), ("password", PASSWORD)],
        )
        .await;
    let mut phone = app.client();
    phone
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;

    let wrong = laptop
        .call(
            "change_password",
            &[
                ("current_password", "not the password"),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(
        wrong.field_errors("current_password"),
        vec!["That password is not right."]
    );
    let weak = laptop
        .call(
            "change_password",
            &[("current_password", PASSWORD), ("new_password", "short")],
        )
        .await;
    assert!(
        weak.field_errors("new_password")[0].contains("at least 10"),
        "{}",
        weak.body
    );

    let ok = laptop
        .call(
            "change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert!(!laptop.me().await.is_null(), "this device stays signed in");
    assert!(phone.me().await.is_null(), "other devices are signed out");
    let old = app
        .client()
        .call("login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new = app
        .client()
        .call(
            "login",
            &[("email", &email), ("password", "a brand new passphrase")],
        )
        .await;
    assert_eq!(new.status, StatusCode::OK);
    app.cleanup().await;
}

#[tokio::test]
async fn a_new_email_takes_effect_only_once_confirmed_from_its_inbox() {
    let app = TestApp::start().await;
    let old = unique_email("old");
    let new = unique_email("new");
    let mut c = app.client();
    c.call(
        "register",
        &[("name", "Em"), ("email", &old), ("password", PASSWORD)],
    )
    .await;

    let wrong = c
        .call(
            "change_email",
            &[("email", &new), ("current_password", "nope nope nope")],
        )
        .await;
    assert_eq!(
        wrong.field_errors("current_password"),
        vec!["That password is not right."]
    );
    let mut other = app.client();
    let taken_email = unique_email("taken");
    other
        .call(
            "register",
            &[
                ("name", "Ta"),
                ("email", &taken_email),
                ("password", PASSWORD),
            ],
        )
        .await;
    let taken = c
        .call(
            "change_email",
            &[("email", &taken_email), ("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);

    let ok = c
        .call(
            "change_email",
            &[("email", &new), ("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(
        c.me().await["email"],
        old.as_str(),
        "changed before confirmation"
    );

    let message = mail::wait_for(&new, 1).await;
    assert_eq!(message.subject, "Confirm your new email for Mewayz");
    assert_eq!(
        c.call("verify_email", &[("token", &message.token())])
            .await
            .status,
        StatusCode::OK
    );
    let me = c.me().await;
    assert_eq!(
        (me["email"].as_str(), me["email_verified"].as_bool()),
        (Some(new.as_str()), Some(true))
    );
    let notice = mail::wait_for(&old, 2).await;
    assert_eq!(notice.subject, "Your Mewayz email was changed");

    assert_eq!(
        app.client()
            .call("login", &[("email", &old), ("password", PASSWORD)])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.client()
            .call("login", &[("email", &new), ("password", PASSWORD)])
            .await
            .status,
        StatusCode::OK
    );
    app.cleanup().await;
}

#[tokio::test]
async fn settings_need_a_signed_in_user() {
    let app = TestApp::start().await;
    let mut anon = app.client();
    assert_eq!(
        anon.call("update_name", &[("name", "X")]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        anon.call(
            "change_password",
            &[("current_password", "a"), ("new_password", "b")]
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        anon.call(
            "change_email",
            &[("email", "a@b.co"), ("current_password", "a")]
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    app.cleanup().await;
}
