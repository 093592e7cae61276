//! Anonymous write amplification: requests that cost nothing to send but each leave a document
//! behind (page views, Google sign-in starts), files parked without end, and searches that run a
//! query per word.

use crate::common::bio::{link, publish, visit, PHONE};
use crate::common::crm::{add, ok, upload};
use crate::common::fake_google::FakeGoogle;
use crate::common::people::{signed_up, unique, workspace};
use crate::common::{mongodb_uri, TestApp};
use axum::http::StatusCode;
use mongodb::bson::{doc, Document};
use serde_json::json;

#[tokio::test]
async fn a_flood_of_page_views_from_one_address_records_a_bounded_number() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "flood").await;
    let handle = unique("flood");
    let ws = workspace(&mut c, &handle).await;
    publish(
        &mut c,
        &ws,
        json!([link("a", "Shop", "https://shop.example")]),
    )
    .await;
    // The limit counts per fixed minute: start the flood at the start of one, or a flood that
    // straddles two windows may rightly record twice the limit.
    let into_minute = app.state.clock.now().timestamp_millis() % 60_000;
    app.state.clock.advance(std::time::Duration::from_millis(
        (60_000 - into_minute) as u64 + 50,
    ));
    let mut visitor = app.client();
    for _ in 0..150 {
        let a = visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
        assert_eq!(a.status, StatusCode::OK, "the page is always served");
    }
    app.settle_events().await;
    let recorded = app
        .state
        .db
        .collection::<Document>("events")
        .count_documents(doc! { "workspace_id": &ws })
        .await
        .unwrap();
    assert!((1..=60).contains(&recorded), "{recorded} views recorded");
    app.cleanup().await;
}

#[tokio::test]
async fn google_sign_in_starts_are_limited_per_address() {
    let fake = FakeGoogle::start().await;
    let mut extra: Vec<(&str, String)> = fake.env().to_vec();
    extra.push(("AUTH_RATE_LIMIT_PER_MINUTE", "5".into()));
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = TestApp::start_with(&mongodb_uri(), &extra).await;
    // The limit counts in windows of a clock minute: a run across the turn of one would start
    // afresh half-way (it did once in CI), so start well inside a minute.
    let into_minute = app.state.clock.now().timestamp_millis() % 60_000;
    if into_minute > 50_000 {
        tokio::time::sleep(std::time::Duration::from_millis(
            (60_100 - into_minute) as u64,
        ))
        .await;
    }
    let mut last = String::new();
    for _ in 0..12 {
        last = app
            .client()
            .get("/auth/google")
            .await
            .location()
            .unwrap_or_default()
            .to_owned();
    }
    assert_eq!(last, "/login?error=rate_limited");
    let pending = app
        .state
        .db
        .collection::<Document>("oidc_states")
        .count_documents(doc! {})
        .await
        .unwrap();
    assert_eq!(pending, 5);
    app.cleanup().await;
}

#[tokio::test]
async fn import_files_parked_by_one_workspace_are_bounded() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "parker").await;
    let ws = workspace(&mut c, &unique("parker")).await;
    let mut ids = Vec::new();
    for i in 0..6 {
        ids.push(
            upload(
                &mut c,
                &ws,
                "a.csv",
                &format!("Name,Email\nP{i},p{i}@example.com\n"),
            )
            .await,
        );
    }
    let parked = app
        .state
        .db
        .collection::<Document>("crm_imports")
        .count_documents(doc! { "workspace_id": &ws })
        .await
        .unwrap();
    assert_eq!(parked, 3);
    // The newest stay usable.
    ok(
        &mut c,
        "get_crm_import",
        &[("workspace_id", &ws), ("id", &ids[5])],
    )
    .await;
    app.cleanup().await;
}

#[tokio::test]
async fn a_search_of_a_hundred_thousand_words_looks_at_the_first_eight() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "words").await;
    let ws = workspace(&mut c, &unique("words")).await;
    add(
        &mut c,
        &ws,
        "Ada Bea Cy Di Ed Flo Gus Hal",
        "ada@example.com",
        &[],
    )
    .await;
    let found = ok(
        &mut c,
        "list_contacts",
        &[
            ("workspace_id", &ws),
            ("q", "ada bea cy di ed flo gus hal nomatch"),
        ],
    )
    .await;
    assert_eq!(found["total"], 1, "words past the eighth are ignored");
    let huge: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
    let huge = huge.join(" ");
    let a = c
        .call("list_contacts", &[("workspace_id", &ws), ("q", &huge)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    app.cleanup().await;
}
