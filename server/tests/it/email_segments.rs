//! Segments: counted live from CRM conditions and campaign activity, saved, and a campaign to a
//! segment reaches only its subscribers.

use crate::common;
use crate::email_campaigns::{list_of, received_eventually, BLOCKS};
use crate::email_templates::path_with;
use common::crm::{add, ok};
use common::people::{signed_up, unique, workspace};
use common::TestApp;

/// How many of `list` the conditions `extra` select, as the segment form asks.
async fn count(
    c: &mut common::client::Client,
    ws: &str,
    list: &str,
    extra: &[(&str, &str)],
) -> common::client::Answer {
    let mut f = vec![("workspace_id", ws), ("list_id", list)];
    f.extend_from_slice(extra);
    c.call("count_email_segment", &f).await
}

#[tokio::test]
async fn segments_count_by_contact_and_activity_and_narrow_a_campaign() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "segmenter").await;
    let ws = workspace(&mut c, &unique("segments")).await;
    let tag = unique("seg");
    let list = list_of(&app, &mut c, &ws, &tag, 4).await;
    let addr = |i: usize| format!("{tag}-{i}@example.com");
    add(&mut c, &ws, "Bo Vip", &addr(1), &[("tags", "vip")]).await;
    let none = count(&mut c, &ws, &list, &[]).await;
    assert_eq!(
        none.field_errors("form"),
        vec!["Choose at least one condition."]
    );
    assert_eq!(count(&mut c, &ws, &list, &[("tag", "vip")]).await.json(), 1);
    // Ada (list_of) and Bo were added by hand; the other two addresses are no contacts.
    assert_eq!(
        count(&mut c, &ws, &list, &[("source", "manual")])
            .await
            .json(),
        2
    );

    // A campaign to everyone; subscriber 2 opens it.
    let all = ok(
        &mut c,
        "save_email_campaign",
        &[
            ("workspace_id", &ws),
            ("list_id", &list),
            ("subject", "All"),
        ],
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        &mut c,
        "save_email_blocks",
        &[("workspace_id", &ws), ("id", &all), ("blocks", BLOCKS)],
    )
    .await;
    ok(
        &mut c,
        "control_email_campaign",
        &[("workspace_id", &ws), ("id", &all), ("action", "send")],
    )
    .await;
    app.settle_jobs().await;
    let by = received_eventually(&tag, 4).await;
    let html = by[&addr(2)][0]["html"].as_str().unwrap().to_owned();
    let pixel = path_with(&html, &format!("{}/e/o/", common::BASE_URL))[common::BASE_URL.len()..]
        .to_owned();
    app.client().get(&pixel).await;
    let activity = |a: &'static str| [("activity", a), ("days", "30")];
    assert_eq!(
        count(&mut c, &ws, &list, &activity("opened")).await.json(),
        1
    );
    assert_eq!(
        count(&mut c, &ws, &list, &activity("not_opened"))
            .await
            .json(),
        3
    );
    assert_eq!(
        count(&mut c, &ws, &list, &activity("clicked")).await.json(),
        0
    );
    let bad_days = count(&mut c, &ws, &list, &[("activity", "opened"), ("days", "0")]).await;
    assert!(!bad_days.field_errors("days").is_empty());

    // Saved, listed with its count, and a campaign to it reaches only Bo.
    let vip = ok(
        &mut c,
        "save_email_segment",
        &[
            ("workspace_id", &ws),
            ("list_id", &list),
            ("name", "VIPs"),
            ("tag", "vip"),
        ],
    )
    .await;
    assert_eq!(vip["count"], 1);
    let saved = ok(
        &mut c,
        "get_email_segments",
        &[("workspace_id", &ws), ("list_id", &list)],
    )
    .await;
    assert_eq!(saved.as_array().unwrap().len(), 1);
    let audience = format!("{list}/{}", vip["id"].as_str().unwrap());
    let other_list = ok(
        &mut c,
        "save_email_list",
        &[("workspace_id", &ws), ("name", "Other")],
    )
    .await;
    let wrong = format!(
        "{}/{}",
        other_list["id"].as_str().unwrap(),
        vip["id"].as_str().unwrap()
    );
    let refused = c
        .call(
            "save_email_campaign",
            &[
                ("workspace_id", &ws),
                ("list_id", &wrong),
                ("subject", "VIP"),
            ],
        )
        .await;
    assert_eq!(
        refused.field_errors("list_id"),
        vec!["Choose a segment of the list."]
    );
    let to_vip = ok(
        &mut c,
        "save_email_campaign",
        &[
            ("workspace_id", &ws),
            ("list_id", &audience),
            ("subject", "Just for you"),
        ],
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        &mut c,
        "save_email_blocks",
        &[("workspace_id", &ws), ("id", &to_vip), ("blocks", BLOCKS)],
    )
    .await;
    let started = ok(
        &mut c,
        "control_email_campaign",
        &[("workspace_id", &ws), ("id", &to_vip), ("action", "send")],
    )
    .await;
    assert_eq!(started["total"], 1);
    app.settle_jobs().await;
    let by = received_eventually(&tag, 5).await;
    let got_vip: Vec<&String> = by
        .iter()
        .filter(|(_, m)| m.iter().any(|m| m["subject"] == "Just for you"))
        .map(|(a, _)| a)
        .collect();
    assert_eq!(got_vip, vec![&addr(1)]);
    app.cleanup().await;
}
