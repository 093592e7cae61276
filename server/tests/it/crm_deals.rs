//! Deals over HTTP: the board, moves across stages and their order, totals, won and lost with a
//! reason, stage renames, deals named by contact email, and tasks on deals.

use crate::common;

use axum::http::StatusCode;
use common::crm::{add, ok};
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use serde_json::json;

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
