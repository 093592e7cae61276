//! Workspaces, members, invitations and the audit log.

use crate::common;

use axum::http::StatusCode;
use common::{mail, TestApp};
use std::time::Duration;

use common::people::{signed_up, unique, verified, workspace, PASSWORD};

#[tokio::test]
async fn handles_are_unique_and_reserved_words_are_refused() {
    let app = TestApp::start().await;
    let (mut a, _) = signed_up(&app, "h1").await;
    let (mut b, _) = signed_up(&app, "h2").await;
    let handle = unique("taken");
    workspace(&mut a, &handle).await;
    let dup = b
        .call(
            "create_workspace",
            &[
                ("name", "Mine"),
                ("handle", &handle),
                ("time_zone", "UTC"),
                ("currency", "USD"),
            ],
        )
        .await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
    assert_eq!(dup.json()["message"], "That handle is taken. Try another.");
    let reserved = b
        .call(
            "create_workspace",
            &[
                ("name", "Mine"),
                ("handle", "settings"),
                ("time_zone", "UTC"),
                ("currency", "USD"),
            ],
        )
        .await;
    assert_eq!(
        reserved.field_errors("handle"),
        vec!["That handle is reserved. Try another."]
    );
    app.cleanup().await;
}

#[tokio::test]
async fn invitations_work_for_existing_users_once_and_are_audited() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "own").await;
    let ws = workspace(&mut owner, &unique("inv")).await;
    let (mut bob, bob_email) = verified(&app, "bob").await;

    let inv = owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", &bob_email.to_uppercase()),
                ("role", "editor"),
            ],
        )
        .await;
    assert_eq!(inv.status, StatusCode::OK, "{}", inv.body);
    let message = mail::wait_for(&bob_email, 2).await; // verification, then invitation
    assert_eq!(message.subject, "Join Studio on Mewayz");
    let token = message.token();

    // Someone else cannot use Bob's invitation.
    let (mut eve, _) = signed_up(&app, "eve").await;
    let a = eve.call("accept_invitation", &[("token", &token)]).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let preview = bob
        .call("preview_invitation", &[("token", &token)])
        .await
        .json();
    assert_eq!(
        (preview["for_you"].as_bool(), preview["role"].as_str()),
        (Some(true), Some("editor"))
    );

    let a = bob.call("accept_invitation", &[("token", &token)]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let mine = bob.call("list_my_workspaces", &[]).await.json();
    assert_eq!(mine[0]["role"], "editor");
    assert_eq!(
        bob.call("accept_invitation", &[("token", &token)])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let log = owner
        .call("list_audit_log", &[("workspace_id", &ws)])
        .await
        .json();
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec![
            "invitation.accepted",
            "invitation.sent",
            "workspace.created"
        ]
    );
    let only = owner
        .call(
            "list_audit_log",
            &[("workspace_id", &ws), ("action", "invitation.")],
        )
        .await
        .json();
    assert_eq!(only.as_array().unwrap().len(), 2);
    app.cleanup().await;
}

#[tokio::test]
async fn a_new_user_can_sign_up_on_the_way_and_invitations_expire() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "own2").await;
    let ws = workspace(&mut owner, &unique("newbie")).await;
    let email = format!("{}@example.com", unique("newbie"));
    owner
        .call(
            "invite_member",
            &[("workspace_id", &ws), ("email", &email), ("role", "viewer")],
        )
        .await;
    let token = mail::wait_for(&email, 1).await.token();

    let mut newbie = app.client();
    let preview = newbie
        .call("preview_invitation", &[("token", &token)])
        .await
        .json();
    assert_eq!(preview["signed_in"], false);
    let a = newbie
        .call(
            "register",
            &[
                ("name", "New"),
                ("email", &email),
                ("password", PASSWORD),
                ("next", &format!("/invite?token={token}")),
            ],
        )
        .await;
    assert_eq!(
        a.location(),
        Some(format!("/invite?token={token}").as_str())
    );
    // The address is confirmed first; the confirmation link leads back to the invitation.
    let refused = newbie.call("accept_invitation", &[("token", &token)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let preview = newbie
        .call("preview_invitation", &[("token", &token)])
        .await
        .json();
    assert_eq!(
        (&preview["for_you"], &preview["verified"]),
        (&true.into(), &false.into())
    );
    let confirm = mail::latest(&email, "Confirm your email for Mewayz").await;
    let (_, next) = confirm.text.split_once("&next=").expect("a way back");
    let next = next.split_whitespace().next().unwrap();
    assert_eq!(next, format!("/invite%3Ftoken%3D{token}"));
    let a = newbie
        .call(
            "verify_email",
            &[
                ("token", &confirm.token()),
                ("next", &format!("/invite?token={token}")),
            ],
        )
        .await;
    assert_eq!(
        a.location(),
        Some(format!("/invite?token={token}").as_str())
    );
    assert_eq!(
        newbie
            .call("accept_invitation", &[("token", &token)])
            .await
            .status,
        StatusCode::OK
    );

    let late = format!("{}@example.com", unique("late"));
    owner
        .call(
            "invite_member",
            &[("workspace_id", &ws), ("email", &late), ("role", "viewer")],
        )
        .await;
    let late_token = mail::wait_for(&late, 1).await.token();
    app.state.clock.advance(Duration::from_secs(8 * 24 * 3600));
    let (mut l, _) = (app.client(), ());
    l.call(
        "register",
        &[("name", "Late"), ("email", &late), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(
        l.call("accept_invitation", &[("token", &late_token)])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_workspace_always_keeps_an_owner() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "solo").await;
    let ws = workspace(&mut owner, &unique("solo")).await;
    let me = owner.me().await["id"].as_str().unwrap().to_owned();
    let a = owner
        .call("leave_workspace", &[("workspace_id", &ws)])
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let a = owner
        .call(
            "change_member_role",
            &[("workspace_id", &ws), ("user_id", &me), ("role", "admin")],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);

    // Transfer to an admin: they own it, the old owner becomes admin.
    let (mut ada, ada_email) = verified(&app, "ada").await;
    owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", &ada_email),
                ("role", "admin"),
            ],
        )
        .await;
    let token = mail::wait_for(&ada_email, 2).await.token();
    ada.call("accept_invitation", &[("token", &token)]).await;
    let ada_id = ada.me().await["id"].as_str().unwrap().to_owned();
    assert_eq!(
        owner
            .call(
                "transfer_ownership",
                &[("workspace_id", &ws), ("user_id", &ada_id)]
            )
            .await
            .status,
        StatusCode::OK
    );
    let members = ada
        .call("list_members", &[("workspace_id", &ws)])
        .await
        .json();
    let role_of = |id: &str| {
        members
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["user_id"] == id)
            .unwrap()["role"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        (role_of(&ada_id), role_of(&me)),
        ("owner".to_owned(), "admin".to_owned())
    );
    // Now the old owner may leave.
    assert_eq!(
        owner
            .call("leave_workspace", &[("workspace_id", &ws)])
            .await
            .status,
        StatusCode::OK
    );
    assert!(owner
        .call("list_my_workspaces", &[])
        .await
        .json()
        .as_array()
        .unwrap()
        .is_empty());
    app.cleanup().await;
}
