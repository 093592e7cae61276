//! The CRM over HTTP: contacts with custom fields, search, filters and cursor paging that stays
//! stable while contacts are added; CSV import with dedupe and a per-row report, export and
//! re-import; bio signups on the timeline under the plan's contact limit; deals across stages.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::bio::publish;
use common::client::Client;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use mongodb::bson::doc;
use serde_json::{json, Value};

async fn ok(c: &mut Client, name: &str, fields: &[(&str, &str)]) -> Value {
    let a = c.call(name, fields).await;
    assert_eq!(a.status, StatusCode::OK, "{name}: {}", a.body);
    a.json()
}

async fn add(c: &mut Client, ws: &str, name: &str, email: &str, extra: &[(&str, &str)]) -> Value {
    let mut f = vec![("workspace_id", ws), ("name", name), ("emails", email)];
    f.extend_from_slice(extra);
    ok(c, "save_contact", &f).await
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn contacts_take_custom_fields_and_are_found_by_search_and_filters() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "crmowner").await;
    let me = c.me().await["id"].as_str().unwrap().to_owned();
    let ws = workspace(&mut c, &unique("crm")).await;
    let tier = ok(
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
    assert_eq!(tier["key"], "tier");
    let ada = add(
        &mut c,
        &ws,
        "Ada Lovelace",
        "Ada@Engines.io",
        &[
            ("tags", "vip, speaker"),
            ("phones", "+44 20 7946 0958"),
            ("custom[tier][]", "gold"),
        ],
    )
    .await;
    assert_eq!(ada["emails"], json!(["ada@engines.io"]));
    assert_eq!(ada["custom"]["tier"], json!(["Gold"]));
    add(
        &mut c,
        &ws,
        "Grace Hopper",
        "grace@navy.mil",
        &[("tags", "speaker")],
    )
    .await;

    // Bad input is refused next to the field and changes nothing.
    let bad = c
        .call(
            "save_contact",
            &[
                ("workspace_id", &ws),
                ("name", "X"),
                ("emails", "nope"),
                ("custom[tier][]", "Bronze"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(!bad.field_errors("emails").is_empty());
    assert_eq!(
        bad.field_errors("custom.tier"),
        vec!["Tier must be one of: Gold, Silver."]
    );
    let dup = c
        .call(
            "save_contact",
            &[
                ("workspace_id", &ws),
                ("name", "Copy"),
                ("emails", "ADA@engines.io"),
            ],
        )
        .await;
    assert_eq!(dup.status, StatusCode::CONFLICT, "{}", dup.body);
    assert!(dup.body.contains("already belongs to Ada Lovelace"));

    let list = |q: &'static [(&'static str, &'static str)]| {
        let ws = ws.clone();
        let mut f: Vec<(&str, String)> = vec![("workspace_id", ws)];
        f.extend(q.iter().map(|(k, v)| (*k, v.to_string())));
        f
    };
    for (q, want) in [
        (&[("q", "lov")][..], vec!["Ada Lovelace"]),
        (&[("q", "engines.io")][..], vec!["Ada Lovelace"]),
        (&[("q", "7946")][..], vec!["Ada Lovelace"]),
        (
            &[("tag", "speaker"), ("sort", "name")][..],
            vec!["Ada Lovelace", "Grace Hopper"],
        ),
        (
            &[("field", "tier"), ("value", "Gold")][..],
            vec!["Ada Lovelace"],
        ),
        (&[("q", "nobody")][..], vec![]),
    ] {
        let f = list(q);
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let page = ok(&mut c, "list_contacts", &f).await;
        assert_eq!(names(&page), want, "{q:?}");
    }

    // New contacts belong to whoever added them.
    let mine = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("owner", &me)],
    )
    .await;
    assert_eq!(mine["total"], 2);
    let theirs = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("owner", "someone-else")],
    )
    .await;
    assert_eq!(theirs["total"], 0);

    // A company, renamed, keeps its contacts; a second one of the same name is refused.
    let co = ok(
        &mut c,
        "save_company",
        &[
            ("workspace_id", &ws),
            ("name", "Engines"),
            ("domain", "https://engines.io/"),
        ],
    )
    .await;
    assert_eq!(co["domain"], "engines.io");
    let co_id = co["id"].as_str().unwrap().to_owned();
    let ada_id = ada["id"].as_str().unwrap();
    ok(
        &mut c,
        "save_contact",
        &[
            ("workspace_id", &ws),
            ("id", ada_id),
            ("name", "Ada Lovelace"),
            ("emails", "ada@engines.io"),
            ("company_id", &co_id),
            ("tags", "vip, speaker"),
            ("custom[tier][]", "Gold"),
        ],
    )
    .await;
    ok(
        &mut c,
        "save_company",
        &[
            ("workspace_id", &ws),
            ("id", &co_id),
            ("name", "Analytical Engines"),
        ],
    )
    .await;
    let twin = c
        .call(
            "save_company",
            &[("workspace_id", &ws), ("name", "analytical engines")],
        )
        .await;
    assert_eq!(twin.status, StatusCode::CONFLICT);
    let at = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("company", &co_id)],
    )
    .await;
    assert_eq!(at["items"][0]["company_name"], "Analytical Engines");
    let by_company = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("q", "analytical")],
    )
    .await;
    assert_eq!(names(&by_company), vec!["Ada Lovelace"]);

    // Editing is recorded on the timeline, with the note added after it.
    let id = ada["id"].as_str().unwrap();
    ok(
        &mut c,
        "save_contact",
        &[
            ("workspace_id", &ws),
            ("id", id),
            ("name", "Ada King"),
            ("emails", "ada@engines.io"),
        ],
    )
    .await;
    ok(
        &mut c,
        "add_note",
        &[
            ("workspace_id", &ws),
            ("contact_id", id),
            ("body", "Met at the expo"),
        ],
    )
    .await;
    let detail = ok(&mut c, "get_contact", &[("workspace_id", &ws), ("id", id)]).await;
    let kinds: Vec<&str> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "note.added",
            "contact.updated",
            "contact.updated",
            "contact.created"
        ]
    );
    assert!(detail["timeline"][1]["summary"]
        .as_str()
        .unwrap()
        .contains("name"));
    assert_eq!(
        detail["contact"]["tags"],
        json!([]),
        "the edit cleared the tags"
    );

    // Bulk tag and delete.
    let grace = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("q", "grace")],
    )
    .await;
    let gid = grace["items"][0]["id"].as_str().unwrap().to_owned();
    let n = ok(
        &mut c,
        "tag_contacts",
        &[
            ("workspace_id", &ws),
            ("ids[]", id),
            ("ids[]", &gid),
            ("tag", "2026"),
        ],
    )
    .await;
    assert_eq!(n, 2);
    let n = ok(
        &mut c,
        "delete_contacts",
        &[("workspace_id", &ws), ("ids[]", &gid)],
    )
    .await;
    assert_eq!(n, 1);
    let left = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("tag", "2026")],
    )
    .await;
    assert_eq!(names(&left), vec!["Ada King"]);
    app.cleanup().await;
}

#[tokio::test]
async fn paging_by_cursor_neither_repeats_nor_skips_while_contacts_are_added() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "pager").await;
    let ws = workspace(&mut c, &unique("pager")).await;
    for i in 0..30 {
        add(&mut c, &ws, &format!("Person {i:02}"), "", &[]).await;
    }
    for sort in ["newest", "name"] {
        let first = ok(
            &mut c,
            "list_contacts",
            &[("workspace_id", &ws), ("sort", sort)],
        )
        .await;
        assert_eq!(first["items"].as_array().unwrap().len(), 25);
        assert_eq!(first["total"], 30 + if sort == "name" { 3 } else { 0 });
        // Others add contacts before and after the cursor meanwhile.
        for n in ["Aaron New", "Zed New", "Middle New"] {
            if sort == "newest" {
                add(&mut c, &ws, n, "", &[]).await;
            }
        }
        let cursor = first["next"].as_str().unwrap();
        let second = ok(
            &mut c,
            "list_contacts",
            &[("workspace_id", &ws), ("sort", sort), ("cursor", cursor)],
        )
        .await;
        let mut seen = names(&first);
        seen.extend(names(&second));
        let originals: Vec<&String> = seen.iter().filter(|n| n.starts_with("Person")).collect();
        let mut unique_originals = originals.clone();
        unique_originals.dedup();
        assert_eq!(originals.len(), 30, "{sort}: every original once: {seen:?}");
        assert_eq!(unique_originals.len(), 30, "{sort}: no repeats");
        if sort == "newest" {
            assert!(
                second["next"].is_null(),
                "newer contacts appear at the top, not at the end"
            );
        }
    }
    app.cleanup().await;
}

fn multipart(file_name: &str, csv: &str) -> (String, String) {
    let boundary = "----mewayz-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(c: &mut Client, ws: &str, file_name: &str, csv: &str) -> String {
    let (ct, body) = multipart(file_name, csv);
    let a = c
        .send(
            Request::post(format!("/workspaces/{ws}/crm/import"))
                .header(header::CONTENT_TYPE, ct)
                .header(header::ORIGIN, "http://localhost")
                .header(header::HOST, "localhost"),
            Body::from(body),
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let to = a.location().unwrap().to_owned();
    to.split_once("upload=")
        .map(|(_, id)| id.to_owned())
        .unwrap_or_else(|| panic!("no upload in {to}"))
}

/// Runs upload `id` with one target per column.
async fn import(c: &mut Client, ws: &str, id: &str, mapping: &[&str], duplicates: &str) -> Value {
    let mut f = vec![("workspace_id", ws), ("id", id), ("duplicates", duplicates)];
    f.extend(mapping.iter().map(|m| ("mapping[]", *m)));
    ok(c, "run_crm_import", &f).await
}

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

#[tokio::test]
async fn deals_move_across_stages_and_close_with_a_reason() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "seller").await;
    let ws = workspace(&mut c, &unique("seller")).await;
    let board = ok(&mut c, "get_deal_board", &[("workspace_id", &ws)]).await;
    let stages: Vec<String> = board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["stage"]["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(stages.len(), 4);
    let pipeline = board["pipeline"]["id"].as_str().unwrap().to_owned();
    let contact = add(&mut c, &ws, "Buyer", "buyer@example.com", &[]).await;
    let cid = contact["id"].as_str().unwrap();
    let bad = c
        .call(
            "save_deal",
            &[
                ("workspace_id", &ws),
                ("pipeline_id", &pipeline),
                ("title", "Site"),
                ("value", "12,00.0.0"),
            ],
        )
        .await;
    assert_eq!(
        bad.field_errors("value"),
        vec!["Enter an amount like 1200 or 1200.50."]
    );
    let a = ok(
        &mut c,
        "save_deal",
        &[
            ("workspace_id", &ws),
            ("pipeline_id", &pipeline),
            ("title", "Website"),
            ("value", "1,200.50"),
            ("contact_id", cid),
        ],
    )
    .await;
    let b = ok(
        &mut c,
        "save_deal",
        &[
            ("workspace_id", &ws),
            ("pipeline_id", &pipeline),
            ("title", "Logo"),
            ("value", "300"),
        ],
    )
    .await;
    assert_eq!(a["value"], 120050);
    assert_eq!(a["currency"], "EUR", "the workspace's currency");
    let (aid, bid) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());
    // The board's form names the contact by email.
    let by_email = ok(
        &mut c,
        "save_deal",
        &[
            ("workspace_id", &ws),
            ("title", "Hosting"),
            ("contact_email", "BUYER@example.com"),
        ],
    )
    .await;
    assert_eq!(by_email["contact_id"], cid);
    assert_eq!(
        by_email["pipeline_id"], pipeline,
        "the first pipeline when none is named"
    );
    let stranger = c
        .call(
            "save_deal",
            &[
                ("workspace_id", &ws),
                ("title", "Ghost"),
                ("contact_email", "nobody@example.com"),
            ],
        )
        .await;
    assert_eq!(
        stranger.field_errors("contact_email"),
        vec!["No contact has this email. Add them first, or leave it empty."]
    );
    ok(
        &mut c,
        "delete_deal",
        &[
            ("workspace_id", &ws),
            ("id", by_email["id"].as_str().unwrap()),
        ],
    )
    .await;

    ok(
        &mut c,
        "move_deal",
        &[
            ("workspace_id", &ws),
            ("id", bid),
            ("stage_id", &stages[1]),
            ("index", "0"),
        ],
    )
    .await;
    ok(
        &mut c,
        "move_deal",
        &[
            ("workspace_id", &ws),
            ("id", aid),
            ("stage_id", &stages[1]),
            ("index", "0"),
        ],
    )
    .await;
    let board = ok(&mut c, "get_deal_board", &[("workspace_id", &ws)]).await;
    let titles: Vec<&str> = board["columns"][1]["deals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["Website", "Logo"]);
    assert_eq!(
        board["columns"][1]["totals"],
        json!([{ "currency": "EUR", "amount": 150050 }])
    );
    assert_eq!(board["columns"][0]["deals"], json!([]));
    let elsewhere = c
        .call(
            "move_deal",
            &[("workspace_id", &ws), ("id", aid), ("stage_id", "nope")],
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);

    let no_reason = c
        .call(
            "close_deal",
            &[("workspace_id", &ws), ("id", aid), ("status", "lost")],
        )
        .await;
    assert!(!no_reason.field_errors("reason").is_empty());
    ok(
        &mut c,
        "close_deal",
        &[
            ("workspace_id", &ws),
            ("id", aid),
            ("status", "lost"),
            ("reason", "Budget cut"),
        ],
    )
    .await;
    let board = ok(&mut c, "get_deal_board", &[("workspace_id", &ws)]).await;
    assert_eq!(board["lost"][0]["reason"], "Budget cut");
    assert_eq!(board["columns"][1]["deals"].as_array().unwrap().len(), 1);
    // The contact's timeline tells the deal's story.
    let detail = ok(&mut c, "get_contact", &[("workspace_id", &ws), ("id", cid)]).await;
    let kinds: Vec<&str> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "deal.lost",
            "deal.moved",
            // Hosting, deleted since: the stream is history and keeps it.
            "deal.created",
            "deal.created",
            "contact.created"
        ]
    );

    // Renaming a stage in place keeps its deals; removing one that has deals is refused.
    let names = "New\nQualified leads\nProposal\nNegotiation";
    ok(
        &mut c,
        "save_pipeline",
        &[
            ("workspace_id", &ws),
            ("id", &pipeline),
            ("name", "Sales"),
            ("stages", names),
        ],
    )
    .await;
    let board = ok(&mut c, "get_deal_board", &[("workspace_id", &ws)]).await;
    assert_eq!(board["columns"][1]["stage"]["name"], "Qualified leads");
    assert_eq!(board["columns"][1]["deals"][0]["title"], "Logo");
    let gone = c
        .call(
            "save_pipeline",
            &[
                ("workspace_id", &ws),
                ("id", &pipeline),
                ("name", "Sales"),
                ("stages", "New"),
            ],
        )
        .await;
    assert!(
        gone.field_errors("stages")[0].contains("Qualified leads"),
        "{}",
        gone.body
    );

    // A task on the deal shows in the assignee's list.
    ok(
        &mut c,
        "add_task",
        &[
            ("workspace_id", &ws),
            ("title", "Send the quote"),
            ("due", "2020-01-01"),
            ("deal_id", bid),
        ],
    )
    .await;
    let mine = ok(&mut c, "list_my_tasks", &[("workspace_id", &ws)]).await;
    assert_eq!(mine[0]["title"], "Send the quote");
    assert_eq!(mine[0]["overdue"], true);
    assert_eq!(mine[0]["about"], "Deal: Logo");
    app.cleanup().await;
}
