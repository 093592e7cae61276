//! A workspace's home: each module's numbers of the last seven days against the seven before,
//! getting-started steps that tick themselves off, and a 404 for any `/app` page that is not
//! the caller's.

use crate::common;

use axum::http::StatusCode;
use common::bio::{link, publish, visit, PHONE};
use common::crm::{add, ok};
use common::people::{invite, signed_up, unique, unique_email, workspace};
use common::TestApp;
use serde_json::{json, Value};
use std::time::Duration;

fn figure<'a>(home: &'a Value, label: &str) -> &'a Value {
    home["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["label"] == label)
        .unwrap_or_else(|| panic!("{label} in {home}"))
}

fn steps(home: &Value) -> Vec<(String, bool)> {
    home["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["label"].as_str().unwrap().to_owned(), s["done"] == true))
        .collect()
}

#[tokio::test]
async fn the_home_counts_the_week_and_ticks_off_the_first_steps() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "homeowner").await;
    let handle = unique("home");
    let ws = workspace(&mut c, &handle).await;
    let home = ok(&mut c, "get_home", &[("workspace_id", &ws)]).await;
    assert_eq!(
        steps(&home),
        [
            ("Publish your bio page".to_owned(), false),
            ("Add a contact".to_owned(), false),
            ("Invite a teammate".to_owned(), false)
        ]
    );
    let labels: Vec<&str> = home["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Bio views",
            "Bio clicks",
            "New subscribers",
            "New contacts",
            "Open deals"
        ]
    );
    assert!(home["figures"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["value"] == 0));

    // A contact last week; this week another, a published page seen twice, a deal, a teammate.
    add(&mut c, &ws, "Old Friend", "old@friend.test", &[]).await;
    app.state.clock.advance(Duration::from_secs(8 * 86_400));
    add(&mut c, &ws, "Ada Lovelace", "ada@engines.test", &[]).await;
    publish(
        &mut c,
        &ws,
        json!([link("shop", "Shop", "https://shop.example")]),
    )
    .await;
    let mut visitor = app.client();
    for _ in 0..2 {
        let seen = visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
        assert_eq!(seen.status, StatusCode::OK);
    }
    let board = ok(&mut c, "get_deal_board", &[("workspace_id", &ws)]).await;
    let pipeline = board["pipeline"]["id"].as_str().unwrap().to_owned();
    ok(
        &mut c,
        "save_deal",
        &[
            ("workspace_id", &ws),
            ("pipeline_id", &pipeline),
            ("title", "Website"),
            ("value", "12"),
        ],
    )
    .await;
    let mate = unique_email("mate");
    assert_eq!(invite(&mut c, &ws, &mate).await.status, StatusCode::OK);
    app.settle_events().await;

    let home = ok(&mut c, "get_home", &[("workspace_id", &ws)]).await;
    let views = figure(&home, "Bio views");
    assert_eq!(views["value"], 2, "{views}");
    assert_eq!(views["days"], json!([0, 0, 0, 0, 0, 0, 2]));
    assert_eq!(views["previous"], 0);
    let contacts = figure(&home, "New contacts");
    assert_eq!(
        (&contacts["value"], &contacts["previous"]),
        (&json!(1), &json!(1))
    );
    let deals = figure(&home, "Open deals");
    assert_eq!(
        (&deals["value"], &deals["detail"]),
        (&json!(1), &json!("EUR 12.00"))
    );
    assert!(steps(&home).iter().all(|(_, done)| *done), "{home}");

    // Switched off, a module's numbers and steps leave the home.
    ok(
        &mut c,
        "update_workspace_modules",
        &[("workspace_id", &ws), ("modules[0]", "crm")],
    )
    .await;
    let home = ok(&mut c, "get_home", &[("workspace_id", &ws)]).await;
    assert!(home["figures"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["label"] != "Bio views"));
    assert_eq!(steps(&home).len(), 2);
    app.cleanup().await;
}

#[tokio::test]
async fn pages_of_someone_elses_workspace_and_unknown_app_pages_answer_404() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "pageowner").await;
    let handle = unique("mine");
    workspace(&mut owner, &handle).await;
    let (mut stranger, _) = signed_up(&app, "stranger").await;
    for path in [
        format!("/app/{handle}"),
        format!("/app/{handle}/crm"),
        format!("/app/{handle}/bio"),
        format!("/app/{handle}/members"),
    ] {
        let a = stranger.get(&path).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path}");
        assert!(a.body.contains("Page not found"), "{path}: {}", a.body);
        assert!(!a.body.contains("Studio"), "nothing of the workspace shows");
    }
    for path in [
        format!("/app/{handle}/no-such-page"),
        "/app/no-such-workspace".to_owned(),
    ] {
        assert_eq!(
            owner.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert_eq!(
        owner.get(&format!("/app/{handle}")).await.status,
        StatusCode::OK
    );
    app.cleanup().await;
}
