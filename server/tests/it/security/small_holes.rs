//! Smaller holes: mail loops through invitations, deleting a colleague's note, widening the
//! tenant filter, the development mailbox, and reset links that outlive an email change.

use crate::common::client::{Answer, Client};
use crate::common::crm::{add, ok};
use crate::common::people::{invite, signed_up, unique, workspace, PASSWORD};
use crate::common::{mail, mongodb_uri, TestApp};
use app::workspaces::WorkspaceScope;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use mongodb::bson::{doc, DateTime, Document};
use std::net::SocketAddr;
use std::time::Duration;

/// Moves the app's clock to one hour into the next UTC day, so a test's day-long window does not
/// end half-way through it.
fn start_of_a_day(app: &TestApp) {
    let now = app.state.clock.now().timestamp_millis();
    let day = 24 * 3600 * 1000;
    let target = (now / day + 1) * day + 3600 * 1000;
    app.state
        .clock
        .advance(Duration::from_millis((target - now) as u64));
}

#[tokio::test]
async fn resending_an_invitation_in_a_loop_is_held_to_one_a_minute_and_a_daily_cap() {
    let app = TestApp::start().await;
    start_of_a_day(&app);
    let (mut owner, _) = signed_up(&app, "resender").await;
    let ws = workspace(&mut owner, &unique("resender")).await;
    let target = format!("{}@example.com", unique("spammed"));
    let id = invite(&mut owner, &ws, &target).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = resend(&mut owner, &ws, &id).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
    let mut sent = 1;
    loop {
        app.state.clock.advance(Duration::from_secs(61));
        let a = resend(&mut owner, &ws, &id).await;
        if a.status != StatusCode::OK {
            assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
            let wait = a.json()["retry_after_secs"].as_u64().unwrap();
            assert!(wait > 3600, "the daily allowance is spent: {wait}");
            break;
        }
        sent += 1;
        assert!(sent <= 50, "no daily cap");
    }
    assert_eq!(sent, 50);
    app.settle_jobs().await;
    assert_eq!(mail::count(&target).await, 50);
    app.state.clock.advance(Duration::from_secs(24 * 3600));
    assert_eq!(resend(&mut owner, &ws, &id).await.status, StatusCode::OK);
    app.cleanup().await;
}

async fn resend(c: &mut Client, ws: &str, id: &str) -> Answer {
    c.call("resend_invitation", &[("workspace_id", ws), ("id", id)])
        .await
}

async fn member(app: &TestApp, ws: &str, tag: &str, role: &str) -> Client {
    let (mut c, _) = signed_up(app, tag).await;
    let id = c.me().await["id"].as_str().unwrap().to_owned();
    app.state
        .db
        .collection::<Document>("memberships")
        .insert_one(doc! { "_id": format!("{ws}-{id}"), "workspace_id": ws, "user_id": &id, "role": role, "created_at": DateTime::now() })
        .await
        .unwrap();
    c
}

#[tokio::test]
async fn an_editor_cannot_delete_a_colleagues_note() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "notes").await;
    let ws = workspace(&mut owner, &unique("notes")).await;
    let mut author = member(&app, &ws, "author", "editor").await;
    let mut other = member(&app, &ws, "other", "editor").await;
    let contact = add(&mut author, &ws, "Noted", "noted@example.com", &[]).await;
    let cid = contact["id"].as_str().unwrap();
    for body in ["first", "second"] {
        ok(
            &mut author,
            "add_note",
            &[("workspace_id", &ws), ("contact_id", cid), ("body", body)],
        )
        .await;
    }
    let notes = |detail: serde_json::Value| -> Vec<(String, Option<bool>)> {
        detail["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "note.added")
            .map(|e| {
                (
                    e["id"].as_str().unwrap().to_owned(),
                    e["can_delete"].as_bool(),
                )
            })
            .collect()
    };
    let get = [("workspace_id", ws.as_str()), ("id", cid)];
    let seen_by_other = notes(ok(&mut other, "get_contact", &get).await);
    let a = other
        .call(
            "delete_note",
            &[("workspace_id", &ws), ("id", &seen_by_other[0].0)],
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    assert_eq!(notes(ok(&mut author, "get_contact", &get).await).len(), 2);
    // The screen offers the button only where it works.
    assert!(
        seen_by_other.iter().all(|(_, can)| *can == Some(false)),
        "{seen_by_other:?}"
    );
    let mine = notes(ok(&mut author, "get_contact", &get).await);
    assert!(mine.iter().all(|(_, can)| *can == Some(true)), "{mine:?}");

    // Its author may delete it, and so may an admin or the owner.
    ok(
        &mut author,
        "delete_note",
        &[("workspace_id", &ws), ("id", &mine[0].0)],
    )
    .await;
    ok(
        &mut owner,
        "delete_note",
        &[("workspace_id", &ws), ("id", &mine[1].0)],
    )
    .await;
    assert!(notes(ok(&mut author, "get_contact", &get).await).is_empty());
    app.cleanup().await;
}

#[tokio::test]
async fn a_workspace_id_in_extra_conditions_cannot_widen_the_tenant_filter() {
    let app = TestApp::start().await;
    let coll = app.state.db.collection::<Document>("activity");
    coll.insert_many([
        doc! { "_id": "mine", "workspace_id": "ws-a" },
        doc! { "_id": "theirs", "workspace_id": "ws-b" },
    ])
    .await
    .unwrap();
    let scope = WorkspaceScope::system("ws-a");
    let count = |f: Document| {
        let coll = coll.clone();
        async move { coll.count_documents(f).await.unwrap() }
    };
    assert_eq!(
        count(scope.filter_with(doc! { "workspace_id": "ws-b" })).await,
        0
    );
    assert_eq!(
        count(scope.filter_with(doc! { "workspace_id": { "$in": ["ws-a", "ws-b"] } })).await,
        1
    );
    assert_eq!(count(scope.filter_with(doc! { "_id": "mine" })).await, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn the_dev_mailbox_with_its_reset_links_is_served_to_this_machine_only() {
    let app = TestApp::start_with(&mongodb_uri(), &[("APP_ENV", "development")]).await;
    let get = |from: &str, forwarded: bool| {
        let mut req = Request::get("/dev/mailbox");
        if forwarded {
            req = req.header("x-forwarded-for", "203.0.113.5");
        }
        let mut req = req.body(Body::empty()).unwrap();
        req.extensions_mut()
            .insert(ConnectInfo(from.parse::<SocketAddr>().unwrap()));
        req
    };
    assert_eq!(
        app.request(get("203.0.113.5:40000", false)).await.status(),
        StatusCode::NOT_FOUND
    );
    // A proxy on this machine forwarding someone else's request.
    assert_eq!(
        app.request(get("127.0.0.1:40000", true)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.request(get("127.0.0.1:40000", false)).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.request(get("[::1]:40000", false)).await.status(),
        StatusCode::OK
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_reset_link_sent_to_an_old_address_dies_with_the_email_change() {
    let app = TestApp::start().await;
    let (mut c, old) = signed_up(&app, "moving").await;
    let a = c.call("request_password_reset", &[("email", &old)]).await;
    assert!(a.status.is_success(), "{}", a.body);
    let reset = mail::latest(&old, "Reset your Mewayz password")
        .await
        .token();

    let new = format!("{}@example.com", unique("moved"));
    let a = c
        .call(
            "change_email",
            &[("email", &new), ("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let confirm = mail::latest(&new, "Confirm your new email for Mewayz")
        .await
        .token();
    let a = c.call("verify_email", &[("token", &confirm)]).await;
    assert!(a.status.is_success(), "{}", a.body);
    assert_eq!(c.me().await["email"], new.as_str());

    // Whoever still reads the old mailbox cannot take the account back.
    let a = app
        .client()
        .call(
            "reset_password",
            &[
                ("token", &reset),
                ("password", "the old mailbox's password"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let a = app
        .client()
        .call("login", &[("email", &new), ("password", PASSWORD)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    app.cleanup().await;
}
