//! Subscriptions through Stripe (the local fake of `end2end/fakes/stripe.mjs`): checkout, plan
//! changes previewed first, cancel and resume, and the free plan's limits.

use crate::common;

use axum::http::StatusCode;
use common::billing::{billing, checkout, paid_plan, subscription_of};
use common::fake_stripe::PaidApp;
use common::people::{invite, signed_up, unique, workspace};
use common::TestApp;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checkout_activates_the_plan_and_changes_are_previewed_before_they_apply() {
    let p = PaidApp::start(&[]).await;
    paid_plan(&p.app, "pro", "12", "10").await;
    paid_plan(&p.app, "max", "30", "50").await;
    let (mut owner, _) = signed_up(&p.app, "owner").await;
    let ws = workspace(&mut owner, &unique("paid")).await;

    let before = billing(&mut owner, &ws).await;
    assert_eq!(before["plan"]["key"], "free");
    assert_eq!(before["payments_ready"], true);
    assert_eq!(before["can_manage"], true);

    // Bad input changes nothing.
    let bad = owner
        .call(
            "start_checkout",
            &[
                ("workspace_id", &ws),
                ("plan", "free"),
                ("interval", "month"),
            ],
        )
        .await;
    assert_eq!(
        bad.field_errors("plan"),
        vec!["Choose one of the paid plans."]
    );
    let bad = owner
        .call(
            "start_checkout",
            &[
                ("workspace_id", &ws),
                ("plan", "pro"),
                ("interval", "weekly"),
            ],
        )
        .await;
    assert_eq!(
        bad.field_errors("interval"),
        vec!["Choose monthly or yearly."]
    );

    let url = checkout(&mut owner, &ws, "pro", "month").await;
    assert!(
        url.starts_with(&format!("http://{}/checkout/cs_test_", p.stripe.addr)),
        "{url}"
    );
    let back = p.stripe.pay(&url).await;
    assert!(
        back.contains("/billing?checkout=success&session_id=cs_test_"),
        "{back}"
    );
    let session = back.split("session_id=").nth(1).unwrap();
    // The way back records the subscription too (idempotent with the webhooks).
    let done = owner
        .call(
            "complete_checkout",
            &[("workspace_id", &ws), ("session_id", session)],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);

    let after = billing(&mut owner, &ws).await;
    assert_eq!(after["plan"]["key"], "pro");
    assert_eq!(after["status"], "active");
    assert_eq!(after["interval"], "month");
    assert!(after["period_end"].as_str().is_some());
    // Stripe knows which workspace the subscription belongs to.
    let created = p.stripe.last_event("customer.subscription.created").await;
    assert!(created["payload"].as_str().unwrap().contains(&ws));

    // A second checkout is refused: a paying workspace changes plan instead.
    let again = owner
        .call(
            "start_checkout",
            &[
                ("workspace_id", &ws),
                ("plan", "max"),
                ("interval", "month"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);

    // Upgrade: the preview shows the prorated charge, and nothing changes until confirmed.
    let preview = owner
        .call(
            "preview_plan_change",
            &[
                ("workspace_id", &ws),
                ("plan", "max"),
                ("interval", "month"),
            ],
        )
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let preview = preview.json();
    let due = preview["due_now"].as_i64().unwrap();
    assert!((1700..=1800).contains(&due), "{preview}");
    assert_eq!(preview["credit"], 0);
    assert_eq!(preview["next_amount"], 3000);
    assert_eq!(billing(&mut owner, &ws).await["plan"]["key"], "pro");

    let stale = owner
        .call(
            "change_plan",
            &[
                ("workspace_id", &ws),
                ("plan", "max"),
                ("interval", "month"),
                ("proration_date", "1000"),
            ],
        )
        .await;
    assert_eq!(
        stale.field_errors("proration_date"),
        vec!["That preview has expired. Preview the change again."]
    );
    let date = preview["proration_date"].as_i64().unwrap().to_string();
    let changed = owner
        .call(
            "change_plan",
            &[
                ("workspace_id", &ws),
                ("plan", "max"),
                ("interval", "month"),
                ("proration_date", &date),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_eq!(billing(&mut owner, &ws).await["plan"]["key"], "max");

    // The invoice history lists the first payment and the prorated upgrade, newest first.
    let invoices = owner
        .call("list_invoices", &[("workspace_id", &ws)])
        .await
        .json();
    let invoices = invoices.as_array().unwrap();
    assert_eq!(invoices.len(), 2, "{invoices:?}");
    assert_eq!(invoices[1]["amount"], 1200);
    assert_eq!(invoices[0]["amount"].as_i64(), Some(due));
    assert!(invoices
        .iter()
        .all(|i| i["status"] == "paid" && i["url"].as_str().is_some()));

    // Downgrade: the unused time comes back as credit.
    let down = owner
        .call(
            "preview_plan_change",
            &[
                ("workspace_id", &ws),
                ("plan", "pro"),
                ("interval", "month"),
            ],
        )
        .await
        .json();
    assert_eq!(down["due_now"], 0, "{down}");
    assert!(down["credit"].as_i64().unwrap() > 1700, "{down}");

    // Cancel at period end, then change of mind.
    let cancel = owner
        .call("cancel_subscription", &[("workspace_id", &ws)])
        .await;
    assert_eq!(cancel.status, StatusCode::OK, "{}", cancel.body);
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (
            b["plan"]["key"].as_str(),
            b["cancel_at_period_end"].as_bool()
        ),
        (Some("max"), Some(true))
    );
    owner
        .call("resume_subscription", &[("workspace_id", &ws)])
        .await;
    assert_eq!(
        billing(&mut owner, &ws).await["cancel_at_period_end"],
        false
    );

    // Every change is in the audit log.
    let audit = owner
        .call("list_audit_log", &[("workspace_id", &ws)])
        .await
        .body;
    for action in [
        "billing.checkout_started",
        "billing.plan_changed",
        "billing.cancelled",
        "billing.resumed",
    ] {
        assert!(audit.contains(action), "{action} missing from {audit}");
    }

    // The subscription ends (e.g. at the end of a cancelled period): back to Free.
    let sub = subscription_of(&p.stripe.last_event("customer.subscription.created").await);
    p.stripe.subscription(&sub, "end", Value::Null).await;
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (b["plan"]["key"].as_str(), b["status"].as_str()),
        (Some("free"), Some("canceled"))
    );
    p.app.cleanup().await;
}

#[tokio::test]
async fn the_free_plan_limits_team_seats_and_billing_says_what_payments_need() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "owner").await;
    let ws = workspace(&mut owner, &unique("free")).await;
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (b["plan"]["key"].as_str(), b["payments_ready"].as_bool()),
        (Some("free"), Some(false))
    );
    // Free allows 3 seats: the owner and two invitations.
    for n in 0..2 {
        let a = invite(&mut owner, &ws, &format!("f{n}@example.com")).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    }
    let third = invite(&mut owner, &ws, "f3@example.com").await;
    assert_eq!(third.status, StatusCode::PAYMENT_REQUIRED, "{}", third.body);
    assert_eq!(
        third.json()["limit"].as_str(),
        Some("team members"),
        "{}",
        third.body
    );
    // Re-inviting someone already invited takes no new seat.
    let again = invite(&mut owner, &ws, "f1@example.com").await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    // Without Stripe configured, checkout says what is missing (after the role check).
    let a = owner
        .call(
            "start_checkout",
            &[
                ("workspace_id", &ws),
                ("plan", "pro"),
                ("interval", "month"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE, "{}", a.body);
    assert!(a.body.contains("STRIPE_SECRET_KEY"), "{}", a.body);
    app.cleanup().await;
}
