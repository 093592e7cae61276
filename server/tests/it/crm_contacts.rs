//! CRM contacts over HTTP: custom fields, validation, search and filters, companies, owners,
//! the timeline of edits and notes, bulk actions, and cursor paging that stays stable while
//! contacts are added.

use crate::common;

use axum::http::StatusCode;
use common::crm::{add, names, ok};
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use serde_json::json;

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
        "g.hopper@navy-labs.mil",
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
        // A fragment pasted from the middle of an address.
        (&[("q", "hopper@navy")][..], vec!["Grace Hopper"]),
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
