//! Stripe webhooks: verified on the raw body, each event processed once, in any order; failed
//! payments start a grace period and, past it, hold the workspace to the free plan's limits.

use crate::common;

use axum::http::StatusCode;
use common::billing::{billing, checkout, paid_plan, post_signed, post_webhook, subscription_of};
use common::fake_stripe::{PaidApp, WEBHOOK_SECRET};
use common::people::{invite, signed_up, unique, workspace};
use serde_json::{json, Value};
use std::time::Duration;
use stripe_webhook::Webhook;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_are_verified_and_each_event_counts_once_in_any_order() {
    let p = PaidApp::start(&[]).await;
    paid_plan(&p.app, "pro", "12", "10").await;
    let (mut owner, email) = signed_up(&p.app, "owner").await;
    let ws = workspace(&mut owner, &unique("hooks")).await;

    // Stripe's events wait; the owner pays and then changes the subscription in Stripe.
    p.stripe.hold(true).await;
    let url = checkout(&mut owner, &ws, "pro", "year").await;
    p.stripe.pay(&url).await;
    assert_eq!(billing(&mut owner, &ws).await["plan"]["key"], "free");
    let completed = p.stripe.last_event("checkout.session.completed").await;
    let sub = subscription_of(&completed);
    p.stripe
        .subscription(&sub, "update", json!({ "cancel_at_period_end": true }))
        .await;
    let updated = p.stripe.last_event("customer.subscription.updated").await;

    // Signatures: missing, wrong and stale ones are refused and change nothing.
    let payload = completed["payload"].as_str().unwrap();
    assert_eq!(
        post_webhook(&p, payload, None).await.0,
        StatusCode::BAD_REQUEST
    );
    let forged = format!("t={},v1={}", p.app.state.clock.unix(), "ab".repeat(32));
    assert_eq!(
        post_webhook(&p, payload, Some(&forged)).await.0,
        StatusCode::BAD_REQUEST
    );
    let wrong_key = Webhook::generate_test_header(payload, "whsec_someone_else", None);
    assert_eq!(
        post_webhook(&p, payload, Some(&wrong_key)).await.0,
        StatusCode::BAD_REQUEST
    );
    let stale = Webhook::generate_test_header(
        payload,
        WEBHOOK_SECRET,
        Some(p.app.state.clock.unix() - 301),
    );
    assert_eq!(
        post_webhook(&p, payload, Some(&stale)).await.0,
        StatusCode::BAD_REQUEST
    );
    let tampered = payload.replace("\"livemode\":false", "\"livemode\":true");
    let signed_original = Webhook::generate_test_header(payload, WEBHOOK_SECRET, None);
    assert_eq!(
        post_webhook(&p, &tampered, Some(&signed_original)).await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(billing(&mut owner, &ws).await["plan"]["key"], "free");

    // Out of order: the update arrives before the checkout it follows, and still ends right.
    assert_eq!(p.stripe.deliver(updated["id"].as_str().unwrap()).await, 200);
    let b = billing(&mut owner, &ws).await;
    assert_eq!(b["plan"]["key"], "pro");
    assert_eq!(b["interval"], "year");
    assert_eq!(b["cancel_at_period_end"], true);
    assert_eq!(
        p.stripe.deliver(completed["id"].as_str().unwrap()).await,
        200
    );
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (
            b["plan"]["key"].as_str(),
            b["cancel_at_period_end"].as_bool()
        ),
        (Some("pro"), Some(true))
    );

    // A failed payment: delivered twice, it starts one grace period and sends one email.
    p.stripe
        .subscription(&sub, "fail_payment", Value::Null)
        .await;
    let failed = p.stripe.last_event("invoice.payment_failed").await;
    let failed_id = failed["id"].as_str().unwrap();
    let (first, body) = post_signed(&p, failed["payload"].as_str().unwrap()).await;
    assert_eq!((first, body.as_str()), (StatusCode::OK, "ok"));
    let grace = billing(&mut owner, &ws).await["grace_until"].clone();
    assert!(grace.as_str().is_some(), "grace period started");
    assert_eq!(p.stripe.deliver(failed_id).await, 200);
    let (again, body) = post_signed(&p, failed["payload"].as_str().unwrap()).await;
    assert_eq!(
        (again, body.as_str()),
        (StatusCode::OK, "already processed")
    );
    let b = billing(&mut owner, &ws).await;
    assert_eq!(b["grace_until"], grace, "the grace period did not restart");
    assert_eq!(
        (b["plan"]["key"].as_str(), b["restricted"].as_bool()),
        (Some("pro"), Some(false))
    );
    p.app.settle_jobs().await;
    let mails = common::mail::all_to(&email);
    let failures = mails
        .iter()
        .filter(|m| m.subject.starts_with("Payment failed"))
        .count();
    assert_eq!(failures, 1, "{mails:?}");

    // Paid: the grace period ends and the owner hears so.
    p.stripe.hold(false).await;
    p.stripe
        .subscription(&sub, "pay_invoice", Value::Null)
        .await;
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (b["status"].as_str(), b["grace_until"].as_str()),
        (Some("active"), None)
    );
    p.app.settle_jobs().await;
    let recovered = common::mail::all_to(&email)
        .iter()
        .filter(|m| m.subject.starts_with("Payment received"))
        .count();
    assert_eq!(recovered, 1);
    // Paid in time: when the grace period would have ended, nobody is told features paused.
    p.app.state.clock.advance(Duration::from_secs(15 * 86_400));
    p.app.settle_jobs().await;
    let paused = common::mail::all_to(&email)
        .iter()
        .filter(|m| m.subject.starts_with("Paid features paused"))
        .count();
    assert_eq!(paused, 0);
    p.app.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_payment_past_its_grace_period_limits_the_workspace_to_free_until_paid() {
    let p = PaidApp::start(&[("BILLING_GRACE_DAYS", "0")]).await;
    paid_plan(&p.app, "team", "20", "10").await;
    let (mut owner, owner_email) = signed_up(&p.app, "owner").await;
    let ws = workspace(&mut owner, &unique("grace")).await;
    let url = checkout(&mut owner, &ws, "team", "month").await;
    p.stripe.pay(&url).await;
    let seat = |n: usize| format!("seat{n}@example.com");
    for n in 0..4 {
        let a = invite(&mut owner, &ws, &seat(n)).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    }

    let sub = subscription_of(&p.stripe.last_event("customer.subscription.created").await);
    p.stripe
        .subscription(&sub, "fail_payment", Value::Null)
        .await;
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (b["plan"]["key"].as_str(), b["restricted"].as_bool()),
        (Some("free"), Some(true))
    );
    assert_eq!(b["paid_plan"]["key"], "team");
    // The home page says so, and where to pay.
    let notices = |home: Value| home["notices"].as_array().unwrap().clone();
    let home = owner
        .call("get_home", &[("workspace_id", &ws)])
        .await
        .json();
    let notice = &notices(home)[0];
    assert_eq!(
        (notice["title"].as_str(), notice["href"].as_str()),
        (Some("Payment overdue"), Some("billing"))
    );
    let message = notice["message"].as_str().unwrap();
    assert!(
        message.contains("is overdue, so paid features are read-only"),
        "{message}"
    );
    // The grace period's end, a scheduled job, told the owner.
    let paused = common::mail::latest_starting(&owner_email, "Paid features paused").await;
    assert!(paused.text.contains("read-only"), "{}", paused.text);
    let refused = invite(&mut owner, &ws, &seat(9)).await;
    assert_eq!(
        refused.status,
        StatusCode::PAYMENT_REQUIRED,
        "{}",
        refused.body
    );
    assert_eq!(refused.json()["kind"], "limit_reached");
    assert!(refused.json()["upgrade"]
        .as_str()
        .unwrap()
        .contains("overdue"));
    // Nothing was taken away: the invitations are all still there.
    let pending = owner
        .call("list_invitations", &[("workspace_id", &ws)])
        .await
        .json();
    assert_eq!(pending.as_array().unwrap().len(), 4);

    p.stripe
        .subscription(&sub, "pay_invoice", Value::Null)
        .await;
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (b["plan"]["key"].as_str(), b["restricted"].as_bool()),
        (Some("team"), Some(false))
    );
    let home = owner
        .call("get_home", &[("workspace_id", &ws)])
        .await
        .json();
    assert_eq!(notices(home), Vec::<Value>::new());
    let ok = invite(&mut owner, &ws, &seat(9)).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    p.app.cleanup().await;
}
