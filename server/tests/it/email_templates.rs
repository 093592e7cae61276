//! A campaign built from blocks: refused while a block is unfinished, previewed as its own
//! document (members only), tested to the member's confirmed address, and tracked once sent:
//! the pixel counts an open, the signed click redirect counts a click and goes only to the
//! campaign's own link.

use crate::common;
use crate::email_campaigns::{draft, list_of, received_eventually};
use axum::http::{header, StatusCode};
use common::crm::ok;
use common::mail;
use common::people::{signed_up, unique, verified, workspace};
use common::TestApp;

/// The path of the first address in `html` containing `marker`, up to its closing quote.
pub fn path_with(html: &str, marker: &str) -> String {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {html}"));
    let end = at + html[at..].find('"').unwrap();
    html[at..end].to_owned()
}

#[tokio::test]
async fn a_campaign_in_blocks_is_previewed_tested_sent_and_tracked() {
    let app = TestApp::start().await;
    let (mut c, me) = verified(&app, "tester").await;
    let ws = workspace(&mut c, &unique("blocks")).await;
    let tag = unique("reader");
    let list = list_of(&app, &mut c, &ws, &tag, 3).await;

    // A new draft starts with a footer still to be written: sending is refused, next to it.
    let fresh = ok(
        &mut c,
        "save_email_campaign",
        &[("workspace_id", &ws), ("list_id", &list), ("subject", "Hi")],
    )
    .await;
    let fresh = fresh["id"].as_str().unwrap();
    let refused = c
        .call(
            "control_email_campaign",
            &[("workspace_id", &ws), ("id", fresh), ("action", "send")],
        )
        .await;
    assert_eq!(
        refused.field_errors("blocks.2.address"),
        vec!["Give your postal address; anti-spam laws ask for it."]
    );
    let unreadable = c
        .call(
            "save_email_blocks",
            &[
                ("workspace_id", &ws),
                ("id", fresh),
                ("blocks", "[{\"id\":1}]"),
            ],
        )
        .await;
    assert!(
        !unreadable.field_errors("blocks").is_empty(),
        "{}",
        unreadable.body
    );

    let id = draft(&mut c, &ws, &list).await;
    let preview = ok(
        &mut c,
        "preview_email_campaign",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    let html = preview["html"].as_str().unwrap();
    assert!(
        html.contains("Dear reader,") && html.contains("<table"),
        "MJML rendered"
    );
    assert!(
        html.contains("href=\"https://example.com/workshop\""),
        "untracked in a preview"
    );
    assert!(!html.contains("<mj-"), "no MJML left");
    let text = preview["text"].as_str().unwrap();
    assert!(
        text.starts_with(
            "Dear reader,\n\nThe workshop opens on Monday (https://example.com/workshop)."
        ),
        "{text}"
    );
    assert!(
        text.contains("Book a seat: https://example.com/workshop\n\n1 Harbour Street, Leith"),
        "{text}"
    );

    // The preview document: for members, framed only by our pages, with the email's styles.
    let doc_path = format!("/email/{ws}/campaigns/{id}/preview");
    let shown = c.get(&doc_path).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Dear reader,"));
    assert_eq!(shown.headers[header::X_FRAME_OPTIONS], "SAMEORIGIN");
    let csp = shown.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        csp.contains("frame-ancestors 'self'") && !csp.contains("script"),
        "{csp}"
    );
    let (mut stranger, _) = signed_up(&app, "stranger").await;
    assert!(!stranger.get(&doc_path).await.status.is_success());
    assert_eq!(
        app.client().get(&doc_path).await.status,
        StatusCode::UNAUTHORIZED
    );

    // A test goes to the member's own confirmed address, merged with their name.
    let sent_to = ok(
        &mut c,
        "send_test_email_campaign",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(sent_to.as_str(), Some(me.as_str()));
    let test = mail::latest(&me, "[Test] Hello tester").await;
    assert!(test.text.starts_with("Dear tester,"), "{}", test.text);
    // An address nobody confirmed gets no test.
    let stranger_ws = workspace(&mut stranger, &unique("unconf")).await;
    let stranger_list = list_of(&app, &mut stranger, &stranger_ws, &unique("x"), 1).await;
    let stranger_draft = draft(&mut stranger, &stranger_ws, &stranger_list).await;
    let unconfirmed = stranger
        .call(
            "send_test_email_campaign",
            &[("workspace_id", &stranger_ws), ("id", &stranger_draft)],
        )
        .await;
    assert!(
        !unconfirmed.field_errors("form").is_empty(),
        "{}",
        unconfirmed.body
    );

    ok(
        &mut c,
        "control_email_campaign",
        &[("workspace_id", &ws), ("id", &id), ("action", "send")],
    )
    .await;
    app.settle_jobs().await;
    let by = received_eventually(&tag, 3).await;
    // Subscriber 0 is Ada, a CRM contact: her timeline shows the send, the open and the click.
    let html = by[&format!("{tag}-0@example.com")][0]["html"]
        .as_str()
        .unwrap()
        .to_owned();
    let base = common::BASE_URL;
    let pixel = path_with(&html, &format!("{base}/e/o/"))[base.len()..].to_owned();
    let click = path_with(&html, &format!("{base}/e/c/{id}/0/"))[base.len()..].to_owned();
    assert!(
        !html.contains("href=\"https://example.com/workshop\""),
        "links are tracked"
    );

    let mut reader = app.client();
    for _ in 0..2 {
        let gif = reader.get(&pixel).await;
        assert_eq!(gif.headers[header::CONTENT_TYPE], "image/gif");
        let went = reader.get(&click).await;
        assert!(went.status.is_redirection(), "{}", went.status);
        assert_eq!(
            went.headers[header::LOCATION],
            "https://example.com/workshop"
        );
    }
    // A token whose signature does not hold still reaches the link, but counts nothing.
    let forged = format!("{}.AAAA", &click[..click.rfind('.').unwrap()]);
    assert!(reader.get(&forged).await.status.is_redirection());
    // Only the campaign's own links, by number.
    let beyond = click.replace(&format!("/e/c/{id}/0/"), &format!("/e/c/{id}/7/"));
    assert_eq!(reader.get(&beyond).await.status, StatusCode::NOT_FOUND);

    let after = ok(
        &mut c,
        "get_email_campaign",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(
        (after["opens"].as_u64(), after["clicks"].as_u64()),
        (Some(1), Some(1)),
        "one reader opened and clicked"
    );
    let ada = app
        .state
        .db
        .collection::<mongodb::bson::Document>(app::crm::service::contacts::CONTACTS)
        .find_one(mongodb::bson::doc! { "emails": format!("{tag}-0@example.com") })
        .await
        .unwrap()
        .unwrap();
    let contact = ok(
        &mut c,
        "get_contact",
        &[("workspace_id", &ws), ("id", ada.get_str("_id").unwrap())],
    )
    .await;
    let kinds: Vec<&str> = contact["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str().filter(|k| k.starts_with("email.")))
        .collect();
    assert_eq!(
        kinds,
        vec!["email.clicked", "email.opened", "email.sent"],
        "{contact}"
    );
    let report = ok(
        &mut c,
        "get_email_campaign_report",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(report["links"][0]["url"], "https://example.com/workshop");
    assert_eq!(report["links"][0]["clicks"], 2, "every click of the link");
    let hours = report["hours"].as_array().unwrap();
    let sum = |k: &str| hours.iter().map(|h| h[k].as_u64().unwrap()).sum::<u64>();
    assert_eq!((sum("opens"), sum("clicks")), (1, 1));
    app.cleanup().await;
}

async fn schedule(
    c: &mut common::client::Client,
    ws: &str,
    id: &str,
    at: &str,
) -> common::client::Answer {
    let f = [
        ("workspace_id", ws),
        ("id", id),
        ("action", "schedule"),
        ("at", at),
    ];
    c.call("control_email_campaign", &f).await
}

#[tokio::test]
async fn a_scheduled_campaign_waits_for_its_time_and_can_be_taken_back() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "planner").await;
    let ws = workspace(&mut c, &unique("later")).await;
    let tag = unique("later");
    let list = list_of(&app, &mut c, &ws, &tag, 2).await;
    let id = draft(&mut c, &ws, &list).await;
    // The wall-clock time `hours` ahead in UTC (the RFC 3339 text's first 16 characters); the
    // workspace is in Europe/Paris, an hour ahead in December, so it is read as an hour less.
    let local = |hours: u64| {
        app.state
            .clock
            .after(std::time::Duration::from_secs(hours * 3600))
            .try_to_rfc3339_string()
            .unwrap()[..16]
            .to_owned()
    };
    let past = schedule(&mut c, &ws, &id, "2020-01-01T09:00").await;
    assert_eq!(past.field_errors("at"), vec!["Pick a time in the future."]);
    let garbled = schedule(&mut c, &ws, &id, "soon").await;
    assert_eq!(garbled.field_errors("at"), vec!["Pick a date and time."]);

    // The plan's monthly emails: with one left, two recipients are refused, with the numbers.
    let usage = app
        .state
        .db
        .collection::<mongodb::bson::Document>("email_usage");
    let month = format!("{ws}:{}", &local(0)[..7]);
    usage
        .insert_one(mongodb::bson::doc! { "_id": &month, "workspace_id": &ws, "sent": 999_i64 })
        .await
        .unwrap();
    let over = schedule(&mut c, &ws, &id, &local(2)).await;
    assert_eq!(
        over.field_errors("form")[0].split(". ").next(),
        Some("This would send 2 emails; the plan allows 1000 a month and 1 are left this month"),
        "{}",
        over.body
    );
    usage
        .delete_one(mongodb::bson::doc! { "_id": &month })
        .await
        .unwrap();
    let planned = schedule(&mut c, &ws, &id, &local(2)).await;
    assert!(planned.status.is_success(), "{}", planned.body);
    let shown = ok(
        &mut c,
        "get_email_campaign",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(shown["status"], "scheduled");
    let wall = local(2);
    assert!(
        shown["scheduled_for"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{} (Europe/Paris)", &wall[11..])),
        "shown as typed, in the workspace's zone: {shown}"
    );
    app.settle_jobs().await;
    assert_eq!(
        mail::count(&format!("{tag}-0@example.com")).await,
        0,
        "not before its time"
    );

    // Taken back to a draft; scheduled again; its time comes.
    ok(
        &mut c,
        "control_email_campaign",
        &[("workspace_id", &ws), ("id", &id), ("action", "unschedule")],
    )
    .await;
    let again = schedule(&mut c, &ws, &id, &local(3)).await;
    assert!(again.status.is_success(), "{}", again.body);
    app.state
        .clock
        .advance(std::time::Duration::from_secs(3 * 3600));
    app.settle_jobs().await;
    let done = ok(
        &mut c,
        "get_email_campaign",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(
        (done["status"].as_str(), done["sent"].as_u64()),
        (Some("sent"), Some(2))
    );
    let by = received_eventually(&tag, 2).await;
    assert!(
        by.values().all(|m| m.len() == 1),
        "once each, though scheduled twice"
    );
    let counted = usage
        .find_one(mongodb::bson::doc! { "_id": &month })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        counted.get_i64("sent").unwrap(),
        2,
        "counted against the month"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_image_uploaded_for_an_email_is_served_at_an_absolute_address_to_editors_only() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "emailimg").await;
    let ws = workspace(&mut c, &unique("emailimg")).await;
    let path = format!("/email/{ws}/images");
    let png = crate::bio_images::wide_png(0);
    let up = c.upload(&path, "image", &png).await;
    assert_eq!(up.status, StatusCode::OK, "{}", up.body);
    let url = up.json()["url"].as_str().unwrap().to_owned();
    let media = url
        .strip_prefix(&format!("{}/media/", common::BASE_URL))
        .unwrap_or_else(|| panic!("absolute, for mail clients: {url}"));
    let served = app.client().get(&format!("/media/{media}")).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers[header::CONTENT_TYPE], "image/png");
    let big = c
        .upload(
            &path,
            "image",
            &crate::bio_images::wide_png(2 * 1024 * 1024),
        )
        .await;
    assert_eq!(big.field_errors("image"), ["Choose an image under 2 MB."]);
    assert_eq!(
        app.client().upload(&path, "image", &png).await.status,
        StatusCode::UNAUTHORIZED
    );
    let (mut stranger, _) = signed_up(&app, "emailimgstranger").await;
    assert_eq!(
        stranger.upload(&path, "image", &png).await.status,
        StatusCode::NOT_FOUND
    );
    app.cleanup().await;
}
