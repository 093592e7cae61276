//! Bio analytics over HTTP: views and clicks recorded by the public routes, bots excluded,
//! cookieless unique visitors, per-link history that survives edits, signups, and reset.

use crate::common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::bio::{link, publish, stats, visit, CRAWLER, DESKTOP, PHONE};
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use serde_json::json;

#[tokio::test]
async fn views_clicks_and_unique_visitors_are_counted_and_bots_are_not() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "statsowner").await;
    let handle = unique("stats");
    let ws = workspace(&mut c, &handle).await;
    let page = publish(
        &mut c,
        &ws,
        json!([
            link("shop", "Shop", "https://shop.example/x"),
            link("blog", "Blog", "https://blog.example")
        ]),
    )
    .await;
    let page_id = page["id"].as_str().unwrap().to_owned();
    let path = format!("/@{handle}");

    let mut visitor = app.client();
    for ua in [PHONE, PHONE, DESKTOP, CRAWLER, "curl/8.5.0"] {
        assert_eq!(visit(&mut visitor, &path, ua).await.status, StatusCode::OK);
    }
    // A browser prefetch is not a visit either.
    visitor
        .send(
            Request::get(&path)
                .header(header::USER_AGENT, PHONE)
                .header("sec-purpose", "prefetch"),
            Body::empty(),
        )
        .await;
    let click = visit(&mut visitor, &format!("/l/{page_id}/shop"), PHONE).await;
    assert_eq!(click.status, StatusCode::FOUND);
    assert_eq!(click.location(), Some("https://shop.example/x"));
    let bot = visit(&mut visitor, &format!("/l/{page_id}/shop"), CRAWLER).await;
    assert_eq!(bot.status, StatusCode::FOUND, "bots still follow the link");
    assert_eq!(
        visit(&mut visitor, &format!("/l/{page_id}/nope"), PHONE)
            .await
            .status,
        404
    );

    app.settle_events().await;
    let s = stats(&mut c, &ws, &page_id).await;
    assert_eq!(
        (
            s["views"].as_u64(),
            s["visitors"].as_u64(),
            s["clicks"].as_u64()
        ),
        (Some(3), Some(2), Some(1)),
        "{s}"
    );
    assert_eq!(s["links"][0]["block_id"], "shop");
    assert_eq!(s["links"][0]["ctr_permille"], 333);
    assert_eq!(s["devices"][0], json!({ "name": "Phone", "count": 2 }));
    assert_eq!(
        s["links"][1],
        json!({ "block_id": "blog", "label": "Blog", "clicks": 0, "ctr_permille": 0 })
    );
    assert_eq!(s["days"].as_array().unwrap().len(), 30);
    assert_eq!(s["days"][29]["views"], 3);

    // Reordered and renamed, the link keeps its clicks.
    publish(
        &mut c,
        &ws,
        json!([
            link("blog", "Blog", "https://blog.example"),
            link("shop", "Shop now", "https://shop.example/y")
        ]),
    )
    .await;
    let again = visit(&mut visitor, &format!("/l/{page_id}/shop"), DESKTOP).await;
    assert_eq!(again.location(), Some("https://shop.example/y"));
    app.settle_events().await;
    let s = stats(&mut c, &ws, &page_id).await;
    assert_eq!(
        s["links"][0],
        json!({ "block_id": "shop", "label": "Shop now", "clicks": 2, "ctr_permille": 666 })
    );

    // A link switched off no longer redirects, so old addresses cannot be reused.
    let mut off = link("shop", "Shop now", "https://shop.example/y");
    off["on"] = json!(false);
    publish(&mut c, &ws, json!([off])).await;
    assert_eq!(
        visit(&mut visitor, &format!("/l/{page_id}/shop"), PHONE)
            .await
            .status,
        404
    );

    let a = c
        .call(
            "reset_bio_stats",
            &[("workspace_id", &ws), ("page_id", &page_id)],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    app.settle_events().await;
    let s = stats(&mut c, &ws, &page_id).await;
    assert_eq!(
        (s["views"].as_u64(), s["clicks"].as_u64()),
        (Some(0), Some(0))
    );
    app.cleanup().await;
}

#[tokio::test]
async fn visitors_are_the_same_within_a_day_and_new_the_next() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "daysowner").await;
    let handle = unique("days");
    let ws = workspace(&mut c, &handle).await;
    let page = publish(&mut c, &ws, json!([link("a", "A", "https://a.example")])).await;
    let page_id = page["id"].as_str().unwrap().to_owned();
    let mut visitor = app.client();
    visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
    visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
    app.state
        .clock
        .advance(std::time::Duration::from_secs(86_400));
    visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
    app.settle_events().await;
    let s = stats(&mut c, &ws, &page_id).await;
    assert_eq!(
        (s["views"].as_u64(), s["visitors"].as_u64()),
        (Some(3), Some(2)),
        "{s}"
    );
    let hashes: Vec<String> = {
        use futures_util::TryStreamExt;
        app.state
            .db
            .collection::<mongodb::bson::Document>("events")
            .find(mongodb::bson::doc! {})
            .await
            .unwrap()
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .iter()
            .map(|d| d.get_str("visitor").unwrap().to_owned())
            .collect()
    };
    assert_eq!(hashes[0], hashes[1]);
    assert_ne!(
        hashes[1], hashes[2],
        "a new day's salt makes a new identity"
    );
    assert!(!hashes[0].contains("127.0.0.1") && !hashes[0].contains("unknown"));
    app.cleanup().await;
}

#[tokio::test]
async fn the_signup_form_keeps_addresses_without_javascript() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "signupowner").await;
    let handle = unique("signup");
    let ws = workspace(&mut c, &handle).await;
    let capture = json!({ "id": "news", "on": true, "kind": { "type": "email_capture", "heading": "Newsletter", "button": "Join" } });
    let page = publish(&mut c, &ws, json!([capture])).await;
    let page_id = page["id"].as_str().unwrap().to_owned();
    let mut visitor = app.client();
    let post = |email: &str| common::bio::signup(&handle, email);
    let ok = app.request(post("fan%40example.com")).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        ok.headers()[header::LOCATION],
        format!("/@{handle}?signup=ok#b-news")
    );
    app.request(post("FAN%40example.com")).await;
    let bad = app.request(post("not-an-address")).await;
    assert_eq!(
        bad.headers()[header::LOCATION],
        format!("/@{handle}?signup=invalid#b-news")
    );
    let shown = visit(&mut visitor, &format!("/@{handle}?signup=ok"), PHONE).await;
    assert!(shown.body.contains("Thanks! You are subscribed."));
    app.settle_events().await;
    let s = stats(&mut c, &ws, &page_id).await;
    assert_eq!(
        s["subscribers"], 1,
        "the same address twice is one subscriber"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn one_client_cannot_flood_a_signup_form() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "floodowner").await;
    let handle = unique("flood");
    let ws = workspace(&mut c, &handle).await;
    let capture = json!({ "id": "news", "on": true, "kind": { "type": "email_capture", "heading": "Newsletter", "button": "Join" } });
    publish(&mut c, &ws, json!([capture])).await;
    for i in 0..10 {
        let res = app
            .request(common::bio::signup(
                &handle,
                &format!("fan{i}%40example.com"),
            ))
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "signup {i}");
    }
    let res = app
        .request(common::bio::signup(&handle, "one-more%40example.com"))
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let contacts = c
        .call("list_contacts", &[("workspace_id", &ws), ("source", "bio")])
        .await
        .json();
    assert_eq!(contacts["total"], 10, "the refused one changed nothing");
    app.cleanup().await;
}
