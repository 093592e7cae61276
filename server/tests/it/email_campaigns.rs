//! Campaigns: everyone on the list gets one message with its merge fields and one-click
//! unsubscribe headers; a send killed mid-way resumes and sends twice at most to one batch.

use crate::common;
use app::email::model::Status;
use app::email::service::campaigns::coll as campaigns;
use app::email::service::sender::send;
use app::email::service::subscriptions::{coll as subscriptions, Subscription};
use common::crm::{add, ok};
use common::mail;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use mongodb::bson::doc;
use serde_json::Value;
use std::collections::HashMap;

/// A list with `n` subscribers at `<tag>-<i>@example.com` (stored directly: the sending is under
/// test, not how they joined), plus one CRM contact named Ada.
pub async fn list_of(
    app: &TestApp,
    c: &mut common::client::Client,
    ws: &str,
    tag: &str,
    n: usize,
) -> String {
    let list = ok(
        c,
        "save_email_list",
        &[("workspace_id", ws), ("name", "Letter")],
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let subs: Vec<Subscription> = (0..n)
        .map(|i| {
            Subscription::new(
                &app.state,
                ws,
                &list,
                &format!("{tag}-{i}@example.com"),
                Status::Subscribed,
                vec![],
            )
        })
        .collect();
    subscriptions(&app.state).insert_many(&subs).await.unwrap();
    add(c, ws, "Ada Lovelace", &format!("{tag}-0@example.com"), &[]).await;
    list
}

/// The blocks of the campaigns under test: text with a link and a merge field, a button to the
/// same address, and the footer.
pub const BLOCKS: &str = r#"[
    {"id":"b0","kind":{"type":"text","text":"Dear {{first_name|reader}},\n\nThe workshop opens on [Monday](https://example.com/workshop)."}},
    {"id":"b1","kind":{"type":"button","label":"Book a seat","url":"https://example.com/workshop"}},
    {"id":"b2","kind":{"type":"footer","address":"1 Harbour Street, Leith"}}
]"#;

/// A draft to `list` made of [`BLOCKS`]; returns its id.
pub async fn draft(c: &mut common::client::Client, ws: &str, list: &str) -> String {
    let f = [
        ("workspace_id", ws),
        ("list_id", list),
        ("subject", "Hello {{first_name|friend}}"),
        ("preview", "News of the week"),
    ];
    let id = ok(c, "save_email_campaign", &f).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        c,
        "save_email_blocks",
        &[("workspace_id", ws), ("id", &id), ("blocks", BLOCKS)],
    )
    .await;
    id
}

/// The messages the sink holds for addresses starting with `tag-`, by address.
fn received(tag: &str) -> HashMap<String, Vec<Value>> {
    let mut by: HashMap<String, Vec<Value>> = HashMap::new();
    for m in mail::everything() {
        if let Some(to) = m["to"][0]["address"]
            .as_str()
            .filter(|a| a.starts_with(&format!("{tag}-")))
        {
            by.entry(to.to_owned()).or_default().push(m.clone());
        }
    }
    by
}

/// The messages for `tag-` addresses once the sink holds `count` of them in all.
pub async fn received_eventually(tag: &str, count: usize) -> HashMap<String, Vec<Value>> {
    received_until(tag, |by| by.values().map(Vec::len).sum::<usize>() >= count).await
}

/// The messages for `tag-` addresses once `done` holds for them. The sink lists a message a
/// moment after it accepted it, so a count reached may still lack some readers.
async fn received_until(
    tag: &str,
    done: impl Fn(&HashMap<String, Vec<Value>>) -> bool,
) -> HashMap<String, Vec<Value>> {
    for _ in 0..100 {
        let owned = tag.to_owned();
        let by = tokio::task::spawn_blocking(move || received(&owned))
            .await
            .unwrap();
        if done(&by) {
            return by;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the messages expected for {tag} did not all arrive");
}

#[tokio::test]
async fn everyone_on_the_list_gets_one_message_with_merge_fields_and_unsubscribe_headers() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "sender").await;
    let ws = workspace(&mut c, &unique("sender")).await;
    let tag = unique("rcpt");
    let list = list_of(&app, &mut c, &ws, &tag, 250).await;
    // One who left is not written to.
    let gone = Subscription::new(
        &app.state,
        &ws,
        &list,
        &format!("{tag}-gone@example.com"),
        Status::Unsubscribed,
        vec![],
    );
    subscriptions(&app.state).insert_one(&gone).await.unwrap();

    // A draft with an empty subject is refused next to the field.
    let bad = c
        .call(
            "save_email_campaign",
            &[("workspace_id", &ws), ("list_id", &list)],
        )
        .await;
    assert_eq!(bad.field_errors("subject"), vec!["Write a subject line."]);
    let id = draft(&mut c, &ws, &list).await;
    let started = ok(
        &mut c,
        "control_email_campaign",
        &[("workspace_id", &ws), ("id", &id), ("action", "send")],
    )
    .await;
    assert_eq!(
        (started["status"].as_str(), started["total"].as_u64()),
        (Some("sending"), Some(250))
    );
    // Sending twice is refused: it has moved on.
    let again = c
        .call(
            "control_email_campaign",
            &[("workspace_id", &ws), ("id", &id), ("action", "send")],
        )
        .await;
    assert!(!again.field_errors("form").is_empty(), "{}", again.body);

    app.settle_jobs().await;
    let done = ok(
        &mut c,
        "get_email_campaign",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(
        (done["status"].as_str(), done["sent"].as_u64()),
        (Some("sent"), Some(250))
    );
    let by = received_eventually(&tag, 250).await;
    assert_eq!(by.len(), 250, "every subscriber, and nobody who left");
    assert!(by.values().all(|m| m.len() == 1), "one message each");
    let ada = &by[&format!("{tag}-0@example.com")][0];
    assert_eq!(ada["subject"], "Hello Ada");
    assert!(ada["text"].as_str().unwrap().starts_with("Dear Ada,"));
    let other = &by[&format!("{tag}-7@example.com")][0];
    assert_eq!(other["subject"], "Hello friend");
    // RFC 8058 one-click unsubscribe, pointing at this subscriber's signed link.
    let id = other["id"].as_str().unwrap().to_owned();
    let raw = tokio::task::spawn_blocking(move || mail::source(&id))
        .await
        .unwrap();
    let header = |name: &str| {
        raw.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        header("List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );
    // The workspace rides along as provider metadata, for bounce and complaint notifications.
    assert_eq!(header("X-PM-Metadata-workspace"), ws);
    assert_eq!(header("X-SES-MESSAGE-TAGS"), format!("workspace={ws}"));
    let link = header("List-Unsubscribe");
    assert!(
        link.starts_with('<') && link.contains("/unsubscribe/"),
        "{link}"
    );
    let path = &link[link.find("/unsubscribe/").unwrap()..link.len() - 1];
    let mut reader = app.client();
    let req = axum::http::Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", common::BASE_URL);
    let res = reader
        .send(req, axum::body::Body::from("List-Unsubscribe=One-Click"))
        .await;
    assert_eq!(res.status, axum::http::StatusCode::OK);
    let page = ok(
        &mut c,
        "get_email_subscribers",
        &[
            ("workspace_id", &ws),
            ("list_id", &list),
            ("status", "unsubscribed"),
        ],
    )
    .await;
    assert_eq!(page["list"]["unsubscribed"], 2);
    app.cleanup().await;
}

#[tokio::test]
async fn a_send_killed_mid_way_resumes_and_repeats_at_most_the_batch_in_flight() {
    let app = TestApp::start_with_modules(&common::mongodb_uri(), &[], Vec::new(), false).await;
    let (mut c, _) = signed_up(&app, "killed").await;
    let ws = workspace(&mut c, &unique("killed")).await;
    let tag = unique("kill");
    let list = list_of(&app, &mut c, &ws, &tag, 300).await;
    let id = draft(&mut c, &ws, &list).await;
    // No worker runs here: the test runs the job itself, kills it, and runs it again.
    ok(
        &mut c,
        "control_email_campaign",
        &[("workspace_id", &ws), ("id", &id), ("action", "send")],
    )
    .await;
    let run = campaigns(&app.state)
        .find_one(doc! { "_id": &id })
        .await
        .unwrap()
        .unwrap()
        .run;
    let state = app.state.clone();
    let owned = id.clone();
    let running = tokio::spawn(async move { send(&state, &owned, run).await });
    // Killed once the first batch is saved and the second is under way.
    loop {
        let c = campaigns(&app.state)
            .find_one(doc! { "_id": &id })
            .await
            .unwrap()
            .unwrap();
        if c.sent >= 100 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    running.abort();
    let _ = running.await;
    let at_kill = campaigns(&app.state)
        .find_one(doc! { "_id": &id })
        .await
        .unwrap()
        .unwrap()
        .sent;
    assert!(at_kill < 300, "killed before the end");

    // An earlier run's job (paused, then resumed) stops at once and sends nothing.
    send(&app.state, &id, run - 1).await.unwrap();
    assert_eq!(
        campaigns(&app.state)
            .find_one(doc! { "_id": &id })
            .await
            .unwrap()
            .unwrap()
            .sent,
        at_kill
    );
    // As the job's retries do: a pooled SMTP connection the killed run left half-way through a
    // message may be refused once.
    let mut tries = 0;
    while let Err(e) = send(&app.state, &id, run).await {
        tries += 1;
        assert!(tries < 3, "{e}");
    }
    let done = campaigns(&app.state)
        .find_one(doc! { "_id": &id })
        .await
        .unwrap()
        .unwrap();
    // Only saved batches count: the one in flight at the kill counts once, when it is resent.
    assert_eq!(
        (done.status, done.sent, done.failed),
        (app::email::model::CampaignStatus::Sent, 300, 0),
        "a connection the kill left half-way is the server's trouble, not the readers'"
    );
    // Counted by reader: resent messages alone could make up 300 before the last reader's arrives.
    let by = received_until(&tag, |by| by.len() >= 300).await;
    assert_eq!(by.len(), 300, "every subscriber got it");
    let twice = by.values().filter(|m| m.len() > 1).count();
    println!("killed after {at_kill} saved; {twice} got it twice");
    assert!(twice <= 100, "{twice} got two: more than one batch");
    assert!(by.values().all(|m| m.len() <= 2));
    app.cleanup().await;
}
