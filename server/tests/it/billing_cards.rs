//! Saved cards: the one paid with at checkout, more added through Stripe Checkout in setup mode,
//! the default switched, and removal that never leaves a running subscription without a card.

use crate::common;

use axum::http::StatusCode;
use common::billing::{checkout, paid_plan};
use common::client::Client;
use common::fake_stripe::PaidApp;
use common::people::{signed_up, unique, workspace};
use serde_json::Value;

async fn cards(c: &mut Client, ws: &str) -> Vec<Value> {
    let a = c
        .call("list_payment_methods", &[("workspace_id", ws)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json().as_array().unwrap().clone()
}

fn summary(cards: &[Value]) -> Vec<(String, bool)> {
    cards
        .iter()
        .map(|c| {
            (
                format!(
                    "{} {}",
                    c["brand"].as_str().unwrap(),
                    c["last4"].as_str().unwrap()
                ),
                c["is_default"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cards_are_added_through_stripe_made_default_and_removed_safely() {
    let p = PaidApp::start(&[]).await;
    paid_plan(&p.app, "pro", "12", "10").await;
    let (mut owner, _) = signed_up(&p.app, "owner").await;
    let ws = workspace(&mut owner, &unique("cards")).await;
    assert!(cards(&mut owner, &ws).await.is_empty());
    let url = checkout(&mut owner, &ws, "pro", "month").await;
    p.stripe.pay(&url).await;
    assert_eq!(
        summary(&cards(&mut owner, &ws).await),
        vec![("visa 4242".into(), true)]
    );

    // A new card, saved on Stripe's page, becomes the default on the way back.
    let a = owner
        .call("add_payment_method", &[("workspace_id", &ws)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let back = p.stripe.pay(a.json().as_str().unwrap()).await;
    assert!(
        back.contains("/billing?card=added&session_id=cs_test_"),
        "{back}"
    );
    let session = back.split("session_id=").nth(1).unwrap();
    let done = owner
        .call(
            "complete_payment_method",
            &[("workspace_id", &ws), ("session_id", session)],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let list = cards(&mut owner, &ws).await;
    assert_eq!(
        summary(&list),
        vec![
            ("mastercard 4444".into(), true),
            ("visa 4242".into(), false)
        ]
    );
    let (master, visa) = (
        list[0]["id"].as_str().unwrap().to_owned(),
        list[1]["id"].as_str().unwrap().to_owned(),
    );

    // The card paying for the subscription cannot be removed until another one is the default.
    let refused = owner
        .call(
            "remove_payment_method",
            &[("workspace_id", &ws), ("id", &master)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(refused.body.contains("Make another card the default first"));
    let switched = owner
        .call(
            "set_default_payment_method",
            &[("workspace_id", &ws), ("id", &visa)],
        )
        .await;
    assert_eq!(switched.status, StatusCode::OK, "{}", switched.body);
    let removed = owner
        .call(
            "remove_payment_method",
            &[("workspace_id", &ws), ("id", &master)],
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    assert_eq!(
        summary(&cards(&mut owner, &ws).await),
        vec![("visa 4242".into(), true)]
    );

    // Another workspace's owner cannot touch these cards or that checkout session.
    let (mut other, _) = signed_up(&p.app, "other").await;
    let other_ws = workspace(&mut other, &unique("other")).await;
    let theirs = other
        .call(
            "set_default_payment_method",
            &[("workspace_id", &other_ws), ("id", &visa)],
        )
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "{}", theirs.body);
    let theirs = other
        .call(
            "complete_payment_method",
            &[("workspace_id", &other_ws), ("session_id", session)],
        )
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "{}", theirs.body);

    let audit = owner
        .call("list_audit_log", &[("workspace_id", &ws)])
        .await
        .body;
    for action in [
        "billing.card_added",
        "billing.card_default",
        "billing.card_removed",
    ] {
        assert!(audit.contains(action), "{action} missing from {audit}");
    }
    p.app.cleanup().await;
}
