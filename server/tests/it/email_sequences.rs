//! Sequences: people start on signing up, get each email in their own time, follow a condition
//! on what they clicked, and leave on the exit tag, on unsubscribing or by a member's hand;
//! editing a live sequence keeps everyone where they are.

use crate::common;
use crate::email_campaigns::{received_eventually, BLOCKS};
use crate::email_templates::path_with;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::client::Client;
use common::crm::ok;
use common::mail;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use serde_json::{json, Value};
use std::time::Duration;

async fn sign_up(app: &TestApp, list: &str, email: &str) {
    let req = Request::post(format!("/subscribe/{list}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, common::BASE_URL);
    let body = format!("email={}", email.replace('@', "%40"));
    let a = app.client().send(req, Body::from(body)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

async fn sequence(c: &mut Client, ws: &str, id: &str) -> (Value, Vec<Value>) {
    let got = ok(c, "get_email_sequence", &[("workspace_id", ws), ("id", id)]).await;
    (got[0].clone(), got[1].as_array().unwrap().clone())
}

async fn save_steps(c: &mut Client, ws: &str, id: &str, steps: &Value) -> common::client::Answer {
    let steps = steps.to_string();
    c.call(
        "save_email_sequence_steps",
        &[("workspace_id", ws), ("id", id), ("steps", &steps)],
    )
    .await
}

/// Where each person stands, by address: (status, where or why).
fn standing(people: &[Value], email: &str) -> (String, String) {
    let p = people
        .iter()
        .find(|p| p["email"] == email)
        .unwrap_or_else(|| panic!("{email} on the sequence"));
    let text = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
    let shown = if text("status") == "active" {
        text("step")
    } else {
        text("reason")
    };
    (text("status"), shown)
}

#[tokio::test]
async fn a_drip_follows_up_only_those_who_did_not_click_and_lets_people_leave() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "drip").await;
    let ws = workspace(&mut c, &unique("drip")).await;
    let tag = unique("drip");
    let list = ok(
        &mut c,
        "save_email_list",
        &[("workspace_id", &ws), ("name", "Welcome list")],
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let f = [
        ("workspace_id", ws.as_str()),
        ("id", ""),
        ("name", "Welcome"),
        ("list_id", &list),
        ("trigger", "form"),
        ("exit_tag", "customer"),
    ];
    let id = ok(&mut c, "save_email_sequence", &f).await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // A condition that skips backwards is refused next to its field, and nothing is saved.
    let wrong = json!([
        { "kind": "email", "id": "e1" },
        { "kind": "branch", "id": "b", "condition": "not_clicked", "email": "e1", "otherwise": "e1" },
    ]);
    let refused = save_steps(&mut c, &ws, &id, &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("steps.1.otherwise"),
        "{}",
        refused.body
    );
    assert_eq!(sequence(&mut c, &ws, &id).await.0["steps"], json!([]));

    // Welcome; two days later, only to those who did not click it, a follow-up.
    let steps = json!([
        { "kind": "email", "id": "e1" },
        { "kind": "wait", "id": "w", "amount": 2, "unit": "days" },
        { "kind": "branch", "id": "b", "condition": "not_clicked", "email": "e1" },
        { "kind": "email", "id": "e2" },
    ]);
    let saved = save_steps(&mut c, &ws, &id, &steps).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let saved = saved.json();
    let emails: Vec<String> = [0, 3]
        .map(|i| {
            saved["steps"][i]["campaign_id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .to_vec();

    // Its starter email is unfinished: starting is refused, naming the step.
    let start = [
        ("workspace_id", ws.as_str()),
        ("id", &id),
        ("action", "start"),
    ];
    let early = c.call("control_email_sequence", &start).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("steps.0"), "{}", early.body);
    for (campaign, subject) in emails.iter().zip(["Welcome aboard", "Still there?"]) {
        let f = [
            ("workspace_id", ws.as_str()),
            ("id", campaign),
            ("list_id", &list),
            ("subject", subject),
            ("preview", ""),
        ];
        ok(&mut c, "save_email_campaign", &f).await;
        let b = [
            ("workspace_id", ws.as_str()),
            ("id", campaign),
            ("blocks", BLOCKS),
        ];
        ok(&mut c, "save_email_blocks", &b).await;
    }
    // Its emails are not campaigns of their own: they are not listed nor sent to the list.
    let overview = ok(&mut c, "get_email_campaigns", &[("workspace_id", &ws)]).await;
    assert_eq!(overview["campaigns"], json!([]));
    let send = [
        ("workspace_id", ws.as_str()),
        ("id", &emails[0]),
        ("action", "send"),
    ];
    assert_eq!(
        c.call("control_email_campaign", &send).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        ok(&mut c, "control_email_sequence", &start).await["status"],
        "live"
    );

    let who = |n: &str| format!("{tag}-{n}@example.com");
    let (clicker, quiet, customer, leaver, removed) =
        (who("a"), who("b"), who("c"), who("d"), who("e"));
    for email in [&clicker, &quiet, &customer, &leaver, &removed] {
        sign_up(&app, &list, email).await;
    }
    app.settle_jobs().await;
    let first = received_eventually(&tag, 5).await;
    assert!(first
        .values()
        .all(|m| m.len() == 1 && m[0]["subject"] == "Welcome aboard"));
    let html = first[&clicker][0]["html"].as_str().unwrap();
    let click = path_with(html, &format!("{}/e/c/", common::BASE_URL));
    app.client().get(&click[common::BASE_URL.len()..]).await;
    let (_, people) = sequence(&mut c, &ws, &id).await;
    assert_eq!(standing(&people, &quiet).1, "Step 2: wait 2 days");

    // While they wait: one becomes a customer, one unsubscribes, one is taken off by a member.
    let found = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("q", &customer)],
    )
    .await;
    let contact = found["items"][0]["id"].as_str().unwrap().to_owned();
    let t = [
        ("workspace_id", ws.as_str()),
        ("ids[]", &contact),
        ("tag", "customer"),
    ];
    ok(&mut c, "tag_contacts", &t).await;
    let text = mail::latest(&leaver, "Welcome aboard").await.text;
    let link = text
        .lines()
        .find_map(|l| l.strip_prefix("Unsubscribe: "))
        .unwrap();
    let req = Request::post(&link[common::BASE_URL.len()..])
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    app.client()
        .send(req, Body::from("List-Unsubscribe=One-Click"))
        .await;
    let gone = people
        .iter()
        .find(|p| p["email"] == removed.as_str())
        .unwrap();
    let r = [
        ("workspace_id", ws.as_str()),
        ("id", &id),
        ("enrolment", gone["id"].as_str().unwrap()),
    ];
    ok(&mut c, "remove_from_email_sequence", &r).await;

    // Edited while live: a new first email does not move anyone back.
    let mut edited = saved["steps"].as_array().unwrap().clone();
    edited.insert(
        0,
        json!({ "kind": "wait", "id": "w0", "amount": 1, "unit": "hours" }),
    );
    let live = save_steps(&mut c, &ws, &id, &Value::Array(edited)).await;
    assert_eq!(live.status, StatusCode::OK, "{}", live.body);
    let (_, people) = sequence(&mut c, &ws, &id).await;
    assert_eq!(standing(&people, &quiet).1, "Step 3: wait 2 days");

    // A second signup does not start anyone again.
    sign_up(&app, &list, &quiet).await;
    app.state
        .clock
        .advance(Duration::from_secs(2 * 86_400 + 60));
    app.settle_jobs().await;
    let all = received_eventually(&tag, 6).await;
    let subjects = |e: &str| -> Vec<&str> {
        all.get(e)
            .map(|m| m.iter().map(|m| m["subject"].as_str().unwrap()).collect())
            .unwrap_or_default()
    };
    assert_eq!(subjects(&quiet), ["Welcome aboard", "Still there?"]);
    for e in [&clicker, &customer, &leaver, &removed] {
        assert_eq!(subjects(e), ["Welcome aboard"], "{e}");
    }
    let (view, people) = sequence(&mut c, &ws, &id).await;
    assert_eq!(
        standing(&people, &quiet),
        ("finished".into(), String::new())
    );
    assert_eq!(
        standing(&people, &clicker),
        ("left".into(), "Step 4: they clicked in the email".into())
    );
    assert_eq!(standing(&people, &customer).1, "Tagged “customer”");
    assert_eq!(standing(&people, &leaver).1, "Unsubscribed");
    assert_eq!(standing(&people, &removed).1, "Removed by a member");
    assert_eq!(
        (view["finished"].as_u64(), view["left"].as_u64()),
        (Some(1), Some(4))
    );
    app.cleanup().await;
}

async fn subscribers(c: &mut Client, ws: &str, list: &str) -> Value {
    let f = [("workspace_id", ws), ("list_id", list)];
    ok(c, "get_email_subscribers", &f).await["subscribers"].clone()
}

/// A live sequence on `list` started by `trigger` (and `tag`) whose one email has `subject`.
async fn one_email(c: &mut Client, ws: &str, list: &str, trigger: &str, tag: &str, subject: &str) {
    let f = [
        ("workspace_id", ws),
        ("id", ""),
        ("name", subject),
        ("list_id", list),
        ("trigger", trigger),
        ("trigger_tag", tag),
    ];
    let id = ok(c, "save_email_sequence", &f).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let steps = json!([{ "kind": "email", "id": "e" }]);
    let saved = save_steps(c, ws, &id, &steps).await.json();
    let email = saved["steps"][0]["campaign_id"].as_str().unwrap();
    let f = [
        ("workspace_id", ws),
        ("id", email),
        ("list_id", list),
        ("subject", subject),
        ("preview", ""),
    ];
    ok(c, "save_email_campaign", &f).await;
    let b = [("workspace_id", ws), ("id", email), ("blocks", BLOCKS)];
    ok(c, "save_email_blocks", &b).await;
    let start = [("workspace_id", ws), ("id", &id), ("action", "start")];
    ok(c, "control_email_sequence", &start).await;
}

#[tokio::test]
async fn bio_signups_join_the_lists_that_take_them_and_a_tag_starts_its_sequence() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "biodrip").await;
    let handle = unique("biodrip");
    let ws = workspace(&mut c, &handle).await;
    let mut ids = Vec::new();
    for (name, bio) in [("Fans", "on"), ("Other", "")] {
        let f = [
            ("workspace_id", ws.as_str()),
            ("name", name),
            ("bio_signups", bio),
        ];
        let id = ok(&mut c, "save_email_list", &f).await["id"].clone();
        ids.push(id.as_str().unwrap().to_owned());
    }
    let [fans, other] = [ids[0].clone(), ids[1].clone()];

    // A sequence that starts on a tag needs the tag, next to its field.
    let f = [
        ("workspace_id", ws.as_str()),
        ("id", ""),
        ("name", "VIPs"),
        ("list_id", &fans),
        ("trigger", "tag"),
    ];
    let refused = c.call("save_email_sequence", &f).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("trigger_tag"), "{}", refused.body);
    one_email(&mut c, &ws, &fans, "bio", "", "Thanks for joining").await;
    one_email(&mut c, &ws, &fans, "tag", "vip", "You're a VIP").await;

    let capture = json!({ "id": "news", "on": true, "kind": { "type": "email_capture", "heading": "News", "button": "Join" } });
    common::bio::publish(&mut c, &ws, json!([capture])).await;
    let fan = format!("{}@example.com", unique("fan"));
    let posted = app
        .request(common::bio::signup(&handle, &fan.replace('@', "%40")))
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let on_fans = subscribers(&mut c, &ws, &fans).await;
    assert_eq!(on_fans[0]["email"], fan.as_str());
    assert_eq!(on_fans[0]["consent"][0]["method"], "bio_form");
    assert_eq!(subscribers(&mut c, &ws, &other).await, json!([]));
    app.settle_jobs().await;
    mail::latest(&fan, "Thanks for joining").await;

    // Tagged in the CRM: the tag's sequence starts for them, and not for a contact who never
    // joined the list.
    let stranger = format!("{}@example.com", unique("stranger"));
    common::crm::add(&mut c, &ws, "Stranger", &stranger, &[]).await;
    let mut ids = Vec::new();
    for email in [&fan, &stranger] {
        let q = [("workspace_id", ws.as_str()), ("q", email.as_str())];
        let found = ok(&mut c, "list_contacts", &q).await;
        ids.push(found["items"][0]["id"].as_str().unwrap().to_owned());
    }
    let t = [
        ("workspace_id", ws.as_str()),
        ("ids[]", &ids[0]),
        ("ids[]", &ids[1]),
        ("tag", "vip"),
    ];
    ok(&mut c, "tag_contacts", &t).await;
    app.settle_jobs().await;
    mail::latest(&fan, "You're a VIP").await;
    assert_eq!(mail::count(&stranger).await, 0);
    app.cleanup().await;
}
