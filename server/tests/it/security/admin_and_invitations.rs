//! An email address is trusted only once its owner proved it: platform admin rights and
//! invitations need a verified address.

use crate::common::people::{
    invite, signed_up, turn_on_mfa, unique, unique_email, verify, workspace, PASSWORD,
};
use crate::common::{mail, mongodb_uri, TestApp};
use axum::http::StatusCode;

#[tokio::test]
async fn claiming_an_unverified_admin_address_with_your_own_mfa_is_not_admin() {
    let email = unique_email("unclaimed-admin");
    let app = TestApp::start_with(&mongodb_uri(), &[("ADMIN_EMAILS", &email)]).await;

    // The attacker registers the admin's address first and turns on MFA with their own phone.
    let mut attacker = app.client();
    let a = attacker
        .call(
            "register",
            &[
                ("name", "Mallory"),
                ("email", &email),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    turn_on_mfa(&app, &mut attacker).await;

    let a = attacker.call("admin_list_plans", &[]).await;
    // Refused like any other user: nothing says the address is on the admin list.
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    assert_eq!(attacker.me().await["platform_admin"], false);

    // Whoever reads that mailbox and confirms it is the admin.
    verify(&mut attacker, &email).await;
    let a = attacker.call("admin_list_plans", &[]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(attacker.me().await["platform_admin"], true);
    app.cleanup().await;
}

#[tokio::test]
async fn an_unverified_account_cannot_accept_an_invitation_sent_to_its_address() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "inviter").await;
    let ws = workspace(&mut owner, &unique("invited")).await;

    // The address has an account nobody confirmed; the invitation link leaked to its holder.
    let (mut squatter, email) = signed_up(&app, "squatter").await;
    let a = invite(&mut owner, &ws, &email).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let token = mail::latest(&email, "Join Studio on Mewayz").await.token();

    let a = squatter
        .call("accept_invitation", &[("token", &token)])
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert!(a.field_errors("token")[0].contains("Confirm your email"));
    let mine = squatter.call("list_my_workspaces", &[]).await.json();
    assert_eq!(mine.as_array().map(Vec::len), Some(0));
    // The invitation page says what to do.
    let preview = squatter
        .call("preview_invitation", &[("token", &token)])
        .await
        .json();
    assert_eq!(
        (&preview["for_you"], &preview["verified"]),
        (&true.into(), &false.into())
    );

    // Once the address is confirmed from its mailbox, the same link works.
    verify(&mut squatter, &email).await;
    let a = squatter
        .call("accept_invitation", &[("token", &token)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    app.cleanup().await;
}
