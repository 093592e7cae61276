//! Contacts arriving from outside: CSV import with dedupe (skip or merge) and a per-row report,
//! export and re-import, and bio page signups on the timeline under the plan's contact limit.

use crate::common;

use axum::http::{header, StatusCode};
use common::bio::publish;
use common::crm::{add, import, ok, upload};
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use mongodb::bson::doc;
use serde_json::{json, Value};

#[tokio::test]
async fn an_import_skips_or_merges_duplicates_reports_bad_rows_and_round_trips_through_export() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "importer").await;
    let ws = workspace(&mut c, &unique("import")).await;
    ok(
        &mut c,
        "save_crm_field",
        &[
            ("workspace_id", &ws),
            ("label", "Tier"),
            ("kind", "select"),
            ("options", "Gold\nSilver"),
        ],
    )
    .await;
    add(
        &mut c,
        &ws,
        "Ada Lovelace",
        "ada@engines.io",
        &[("tags", "vip")],
    )
    .await;

    let csv = "First name,Last name,E-mail,Company,Tags,Tier\n\
               Grace,Hopper,grace@navy.mil,US Navy,speaker,Gold\n\
               Ada,L,ADA@engines.io,Engines Ltd,speaker,\n\
               Bad,Row,not-an-email,,,\n\
               Alan,Turing,alan@bletchley.uk,,,Platinum\n\
               Grace,Again,grace@navy.mil,,,\n";
    let id = upload(&mut c, &ws, "people.csv", csv).await;
    let preview = ok(
        &mut c,
        "get_crm_import",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(preview["rows"], 5);
    assert_eq!(
        preview["mapping"],
        json!([
            "first_name",
            "last_name",
            "email",
            "company",
            "tags",
            "custom:tier"
        ])
    );

    let report = import(
        &mut c,
        &ws,
        &id,
        &[
            "first_name",
            "last_name",
            "email",
            "company",
            "tags",
            "custom:tier",
        ],
        "skip",
    )
    .await;
    assert_eq!(
        (
            report["created"].as_u64(),
            report["skipped"].as_u64(),
            report["merged"].as_u64()
        ),
        (Some(1), Some(2), Some(0)),
        "{report}"
    );
    let errors: Vec<(u64, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // Each skipped row names the contact it matched, even one the same file created.
    let dupes: Vec<(u64, &str, &str)> = report["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["email"].as_str().unwrap(),
                d["contact_name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        dupes,
        vec![
            (3, "ada@engines.io", "Ada Lovelace"),
            (6, "grace@navy.mil", "Grace Hopper")
        ]
    );
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].0, 4);
    assert!(errors[0].1.contains("not-an-email"));
    assert_eq!(errors[1].0, 5);
    assert!(errors[1].1.contains("Tier must be one of"));
    // The upload is gone once imported.
    let again = c
        .call("get_crm_import", &[("workspace_id", &ws), ("id", &id)])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    // Merge mode adds to the known contact instead.
    let id = upload(
        &mut c,
        &ws,
        "more.csv",
        "Email,Tags,Phone\nada@engines.io,speaker,+1 555 0100\n",
    )
    .await;
    let report = import(&mut c, &ws, &id, &["email", "tags", "phone"], "merge").await;
    assert_eq!(report["merged"], 1);
    let ada = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("q", "ada")],
    )
    .await;
    assert_eq!(ada["items"][0]["tags"], json!(["vip", "speaker"]));
    assert_eq!(ada["items"][0]["phones"], json!(["+1 555 0100"]));
    let grace = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("q", "grace")],
    )
    .await;
    assert_eq!(grace["items"][0]["company_name"], "US Navy");
    assert_eq!(grace["items"][0]["source"], "import");

    // Export the filtered list, then import it into another workspace: the same contacts.
    let export = c
        .get(&format!("/workspaces/{ws}/crm/contacts.csv?sort=name"))
        .await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("attachment"));
    assert!(
        export
            .body
            .starts_with("Name,Email,Phone,Company,Tags,Source,Created,Tier"),
        "{}",
        export.body
    );
    let outsider = signed_up(&app, "peeker").await.0;
    let mut outsider = outsider;
    let peek = outsider
        .get(&format!("/workspaces/{ws}/crm/contacts.csv"))
        .await;
    assert_eq!(peek.status, StatusCode::NOT_FOUND);
    assert!(!peek.body.contains("engines"));

    let ws2 = workspace(&mut c, &unique("copy")).await;
    ok(
        &mut c,
        "save_crm_field",
        &[
            ("workspace_id", &ws2),
            ("label", "Tier"),
            ("kind", "select"),
            ("options", "Gold\nSilver"),
        ],
    )
    .await;
    let id = upload(&mut c, &ws2, "export.csv", &export.body).await;
    let preview = ok(
        &mut c,
        "get_crm_import",
        &[("workspace_id", &ws2), ("id", &id)],
    )
    .await;
    let mapping: Vec<String> = preview["mapping"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        mapping,
        vec![
            "name",
            "email",
            "phone",
            "company",
            "tags",
            "",
            "",
            "custom:tier"
        ]
    );
    let mapping: Vec<&str> = mapping.iter().map(String::as_str).collect();
    let report = import(&mut c, &ws2, &id, &mapping, "skip").await;
    assert_eq!(report["created"], 2, "{report}");
    let strip = |page: &Value| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["name"].clone(),
                    c["emails"].clone(),
                    c["phones"].clone(),
                    c["company_name"].clone(),
                    c["tags"].clone(),
                    c["custom"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let a = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("sort", "name")],
    )
    .await;
    let b = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws2), ("sort", "name")],
    )
    .await;
    assert_eq!(strip(&a), strip(&b));
    app.cleanup().await;
}

#[tokio::test]
async fn bio_signups_become_contacts_on_the_timeline_within_the_plan_limit() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "captor").await;
    let handle = unique("captor");
    let ws = workspace(&mut c, &handle).await;
    let capture = json!({ "id": "news", "on": true, "kind": { "type": "email_capture", "heading": "Newsletter", "button": "Join" } });
    publish(&mut c, &ws, json!([capture])).await;
    let signup = |email: &str| common::bio::signup(&handle, email);
    // Someone already known signs up: no second contact, an entry on theirs.
    add(&mut c, &ws, "Known Fan", "known@example.com", &[]).await;
    assert_eq!(
        app.request(signup("known%40example.com")).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.request(signup("new%40example.com")).await.status(),
        StatusCode::SEE_OTHER
    );

    let bio = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("source", "bio")],
    )
    .await;
    assert_eq!(bio["total"], 1);
    assert_eq!(bio["items"][0]["emails"], json!(["new@example.com"]));
    let id = bio["items"][0]["id"].as_str().unwrap();
    let detail = ok(&mut c, "get_contact", &[("workspace_id", &ws), ("id", id)]).await;
    let entry = &detail["timeline"][0];
    assert_eq!(entry["kind"], "bio.email_captured");
    assert_eq!(entry["module"], "bio");
    assert_eq!(entry["summary"], format!("Signed up on /@{handle}"));
    let known = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("q", "known@example.com")],
    )
    .await;
    assert_eq!(known["total"], 1);
    let kid = known["items"][0]["id"].as_str().unwrap();
    let detail = ok(&mut c, "get_contact", &[("workspace_id", &ws), ("id", kid)]).await;
    assert_eq!(detail["timeline"][0]["kind"], "bio.email_captured");

    // At the plan's limit a signup waits instead of being lost, and typing one in is refused.
    loop {
        let r = app
            .state
            .db
            .collection::<mongodb::bson::Document>("plans")
            .update_one(
                doc! { "key": "free" },
                doc! { "$set": { "limits.contacts": 2_i64 } },
            )
            .await
            .unwrap();
        if r.matched_count == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.request(signup("third%40example.com")).await.status(),
        StatusCode::SEE_OTHER
    );
    let over = c
        .call(
            "save_contact",
            &[("workspace_id", &ws), ("name", "One too many")],
        )
        .await;
    assert_eq!(over.status, StatusCode::PAYMENT_REQUIRED, "{}", over.body);
    let overview = ok(&mut c, "get_crm_overview", &[("workspace_id", &ws)]).await;
    assert_eq!(
        (
            overview["contacts"].as_u64(),
            overview["waiting_signups"].as_u64()
        ),
        (Some(2), Some(1))
    );
    // Room again: the waiting signup becomes a contact.
    app.state
        .db
        .collection::<mongodb::bson::Document>("plans")
        .update_one(
            doc! { "key": "free" },
            doc! { "$set": { "limits.contacts": 10_i64 } },
        )
        .await
        .unwrap();
    let overview = ok(&mut c, "get_crm_overview", &[("workspace_id", &ws)]).await;
    assert_eq!(
        (
            overview["contacts"].as_u64(),
            overview["waiting_signups"].as_u64()
        ),
        (Some(3), Some(0))
    );
    app.cleanup().await;
}
