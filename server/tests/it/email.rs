//! Email lists: the public form with double opt-in, consent on record, one-click unsubscribe,
//! and members adding contacts by tag.

use crate::common;
use app::email::service::links::{url, Purpose};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::client::{Answer, Client};
use common::crm::{add, ok};
use common::mail;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use serde_json::Value;

/// A browser without JavaScript posting `body` (form-encoded) to `path`.
async fn post(c: &mut Client, path: &str, body: &str) -> Answer {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, common::BASE_URL);
    c.send(req, Body::from(body.to_owned())).await
}

async fn new_list(c: &mut Client, ws: &str, name: &str, double_opt_in: bool) -> String {
    let mut f = vec![("workspace_id", ws), ("name", name)];
    if double_opt_in {
        f.push(("double_opt_in", "on"));
    }
    ok(c, "save_email_list", &f).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn subscribers(c: &mut Client, ws: &str, list: &str) -> Value {
    ok(
        c,
        "get_email_subscribers",
        &[("workspace_id", ws), ("list_id", list)],
    )
    .await
}

/// Adds the contacts tagged "vip" to `list`; how many were added.
async fn add_vips(c: &mut Client, ws: &str, list: &str) -> Value {
    let f = [("workspace_id", ws), ("list_id", list), ("tag", "vip")];
    ok(c, "add_contacts_to_list", &f).await
}

/// The path of an absolute link of the app.
fn path_of(link: &str) -> &str {
    &link[link
        .find("/subscribe/")
        .or(link.find("/unsubscribe/"))
        .unwrap()..]
}

#[tokio::test]
async fn a_form_signup_confirms_by_email_and_becomes_a_contact_with_its_consent() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "letters").await;
    let ws = workspace(&mut c, &unique("letters")).await;
    let list = new_list(&mut c, &ws, "Weekly letter", true).await;
    let mut visitor = app.client();

    let form = visitor.get(&format!("/subscribe/{list}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Weekly letter") && form.body.contains("<form method=\"post\""));
    assert!(
        !form.body.contains("<script"),
        "the form needs no JavaScript"
    );
    let csp = form.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");

    // A bad address is refused next to the field, kept as typed, and changes nothing.
    let bad = post(
        &mut visitor,
        &format!("/subscribe/{list}"),
        "email=fan%40nowhere",
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"email-error\"") && bad.body.contains("value=\"fan@nowhere\""));
    assert_eq!(
        subscribers(&mut c, &ws, &list).await["subscribers"],
        Value::Array(vec![])
    );

    let fan = format!("{}@example.com", unique("fan"));
    let sent = post(
        &mut visitor,
        &format!("/subscribe/{list}"),
        &format!("email={}", fan.replace('@', "%40")),
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(sent.body.contains("Check your inbox"), "{}", sent.body);
    let page = subscribers(&mut c, &ws, &list).await;
    assert_eq!(page["subscribers"][0]["status"], "pending");
    assert_eq!(page["list"]["pending"], 1);

    let mail = mail::latest(&fan, "Confirm your subscription to Weekly letter").await;
    let link = mail
        .text
        .lines()
        .find(|l| l.contains("/subscribe/confirm/"))
        .unwrap()
        .trim()
        .to_owned();
    // Opening the link (as a mail scanner does) asks first and changes nothing.
    let ask = visitor.get(path_of(&link)).await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(ask.body.contains("Yes, subscribe me"));
    assert_eq!(
        subscribers(&mut c, &ws, &list).await["subscribers"][0]["status"],
        "pending"
    );
    // A link with another signature confirms nothing.
    let forged = format!("{}x", path_of(&link));
    assert_eq!(
        post(&mut visitor, &forged, "").await.status,
        StatusCode::NOT_FOUND
    );

    let done = post(&mut visitor, path_of(&link), "").await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.body.contains("subscribed"), "{}", done.body);
    let s = &subscribers(&mut c, &ws, &list).await["subscribers"][0];
    assert_eq!(s["status"], "subscribed");
    assert_eq!(s["consent"][0]["method"], "confirmed");
    assert!(s["consent"][0]["at"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    // Confirming twice is harmless.
    assert_eq!(
        post(&mut visitor, path_of(&link), "").await.status,
        StatusCode::OK
    );

    // The subscriber is a CRM contact now, from an email list signup.
    let contacts = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("q", &fan)],
    )
    .await;
    assert_eq!(contacts["items"][0]["emails"][0], fan.as_str());
    assert_eq!(contacts["items"][0]["source"], "email");
    app.cleanup().await;
}

#[tokio::test]
async fn one_click_unsubscribes_and_keeps_the_address_off_the_list() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "leaver").await;
    let ws = workspace(&mut c, &unique("leaver")).await;
    let list = new_list(&mut c, &ws, "News", false).await;
    let fan = format!("{}@example.com", unique("fan"));
    add(&mut c, &ws, "Fan", &fan, &[("tags", "vip")]).await;
    add(
        &mut c,
        &ws,
        "Other",
        &format!("{}@example.com", unique("other")),
        &[("tags", "vip")],
    )
    .await;
    add(
        &mut c,
        &ws,
        "Untagged",
        &format!("{}@example.com", unique("untagged")),
        &[],
    )
    .await;

    // A member adds the tagged contacts; adding again adds nobody twice.
    let added = add_vips(&mut c, &ws, &list).await;
    assert_eq!(added, 2);
    let again = add_vips(&mut c, &ws, &list).await;
    assert_eq!(again, 0);
    let page = subscribers(&mut c, &ws, &list).await;
    assert_eq!(page["list"]["subscribed"], 2);
    let sub = page["subscribers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["email"] == fan.as_str())
        .unwrap();
    assert_eq!(sub["name"], "Fan");
    assert_eq!(sub["consent"][0]["method"], "added_by_member");
    let id = sub["id"].as_str().unwrap().to_owned();

    let link = url(&app.state, Purpose::Unsubscribe, &id);
    let mut reader = app.client();
    // Opening the link asks; a forged signature or the confirm link's does nothing.
    assert!(reader
        .get(path_of(&link))
        .await
        .body
        .contains("Unsubscribe"));
    let confirm_sig = url(&app.state, Purpose::Confirm, &id);
    let sig = confirm_sig.rsplit('/').next().unwrap();
    let forged = format!("/unsubscribe/{id}/{sig}");
    assert_eq!(
        post(&mut reader, &forged, "List-Unsubscribe=One-Click")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        subscribers(&mut c, &ws, &list).await["list"]["subscribed"],
        2
    );

    // A mail client's one-click post (RFC 8058).
    let done = post(&mut reader, path_of(&link), "List-Unsubscribe=One-Click").await;
    assert_eq!(done.status, StatusCode::OK);
    let page = subscribers(&mut c, &ws, &list).await;
    assert_eq!(
        (
            page["list"]["subscribed"].as_u64(),
            page["list"]["unsubscribed"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let sub = page["subscribers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["email"] == fan.as_str())
        .unwrap();
    assert_eq!(sub["status"], "unsubscribed");
    assert_eq!(sub["consent"][1]["method"], "unsubscribed");

    // Adding the tag's contacts again leaves them off.
    let again = add_vips(&mut c, &ws, &list).await;
    assert_eq!(again, 0);
    assert_eq!(
        subscribers(&mut c, &ws, &list).await["list"]["unsubscribed"],
        1
    );

    // Deleting the list takes its subscribers with it; its form is gone.
    ok(
        &mut c,
        "delete_email_list",
        &[("workspace_id", &ws), ("id", &list)],
    )
    .await;
    assert_eq!(
        reader.get(&format!("/subscribe/{list}")).await.status,
        StatusCode::NOT_FOUND
    );
    let lists = ok(&mut c, "get_email_lists", &[("workspace_id", &ws)]).await;
    assert_eq!(lists["lists"], Value::Array(vec![]));
    app.cleanup().await;
}

#[tokio::test]
async fn the_preference_page_keeps_and_leaves_lists_from_the_signed_link_only() {
    use app::email::model::Status;
    use app::email::service::subscriptions::{coll, Subscription};
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "prefs").await;
    let ws = workspace(&mut c, &unique("prefs")).await;
    let weekly = new_list(&mut c, &ws, "Weekly", false).await;
    let offers = new_list(&mut c, &ws, "Offers", false).await;
    let email = format!("{}@example.com", unique("reader"));
    let subs = [&weekly, &offers]
        .map(|l| Subscription::new(&app.state, &ws, l, &email, Status::Subscribed, vec![]));
    coll(&app.state).insert_many(&subs).await.unwrap();
    let link = url(&app.state, Purpose::Preferences, &subs[0].id);
    let path = &link[common::BASE_URL.len()..];
    let mut reader = app.client();

    // Another link's signature does not open it.
    let unsub = url(&app.state, Purpose::Unsubscribe, &subs[0].id);
    let forged = path.replace(
        path.rsplit('/').next().unwrap(),
        unsub.rsplit('/').next().unwrap(),
    );
    assert_eq!(reader.get(&forged).await.status, StatusCode::NOT_FOUND);

    let shown = reader.get(path).await;
    assert!(
        shown.body.contains("Weekly") && shown.body.contains("Offers"),
        "{}",
        shown.body
    );
    assert_eq!(shown.body.matches(" checked").count(), 2);
    // Keeps the offers only, then comes back to the weekly letter.
    let left = post(&mut reader, path, &format!("keep={}", subs[1].id)).await;
    assert_eq!(left.status, StatusCode::OK);
    assert_eq!(left.body.matches(" checked").count(), 1);
    let status = |i: usize| {
        let id = subs[i].id.clone();
        let state = app.state.clone();
        async move {
            coll(&state)
                .find_one(mongodb::bson::doc! { "_id": id })
                .await
                .unwrap()
                .unwrap()
        }
    };
    assert_eq!(status(0).await.status, Status::Unsubscribed);
    assert_eq!(status(1).await.status, Status::Subscribed);
    let back = post(
        &mut reader,
        path,
        &format!("keep={}&keep={}", subs[0].id, subs[1].id),
    )
    .await;
    assert!(back.body.contains("Saved."));
    let weekly_now = status(0).await;
    assert_eq!(weekly_now.status, Status::Subscribed);
    let methods: Vec<_> = weekly_now.consent.iter().map(|c| c.method).collect();
    assert_eq!(
        methods,
        vec![
            app::email::model::ConsentMethod::Unsubscribed,
            app::email::model::ConsentMethod::Preferences
        ]
    );
    app.cleanup().await;
}
