//! Subscriptions through Stripe (the local fake of `end2end/fakes/stripe.mjs`): checkout, plan
//! changes previewed first, cancel and resume, webhooks verified and processed exactly once in
//! any order, failed payments with a grace period, and plan limits.

mod common;

use app::billing::service::plans::{self, PlanInput};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::client::Client;
use common::fake_stripe::{PaidApp, WEBHOOK_SECRET};
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use serde_json::{json, Value};
use stripe_webhook::Webhook;

/// A visible paid plan at `monthly` cents a month (ten times that a year) with `seats` members.
async fn paid_plan(app: &TestApp, key: &str, monthly: &str, seats: &str) {
    let limits: Vec<(String, String)> = [
        ("bio_pages", "-1"),
        ("contacts", "-1"),
        ("emails_per_month", "-1"),
        ("team_members", seats),
        ("storage_mb", "-1"),
        ("ai_credits", "-1"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let yearly = format!("{}", monthly.parse::<i64>().unwrap() * 10);
    plans::save(
        &app.state.db,
        PlanInput {
            key,
            name: &key.to_uppercase(),
            description: "",
            monthly_price: monthly,
            yearly_price: &yearly,
            trial_days: "0",
            visible: true,
            limits: &limits,
        },
    )
    .await
    .unwrap();
}

async fn billing(c: &mut Client, ws: &str) -> Value {
    let a = c.call("get_billing", &[("workspace_id", ws)]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()
}

/// Opens checkout for `plan` and returns the Stripe page it sends the owner to.
async fn checkout(c: &mut Client, ws: &str, plan: &str, interval: &str) -> String {
    let a = c
        .call(
            "start_checkout",
            &[("workspace_id", ws), ("plan", plan), ("interval", interval)],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json().as_str().unwrap().to_owned()
}

async fn post_webhook(p: &PaidApp, payload: &str, signature: Option<&str>) -> (StatusCode, String) {
    let mut req = Request::post("/webhooks/stripe").header("content-type", "application/json");
    if let Some(sig) = signature {
        req = req.header("stripe-signature", sig);
    }
    let res = p
        .app
        .request(req.body(Body::from(payload.to_owned())).unwrap())
        .await;
    let status = res.status();
    (status, common::text(res).await)
}

fn subscription_of(event: &Value) -> String {
    let payload: Value = serde_json::from_str(event["payload"].as_str().unwrap()).unwrap();
    let object = &payload["data"]["object"];
    object["subscription"]
        .as_str()
        .or(object["id"].as_str())
        .unwrap()
        .to_owned()
}

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
    let (first, body) = post_webhook(
        &p,
        failed["payload"].as_str().unwrap(),
        Some(&Webhook::generate_test_header(
            failed["payload"].as_str().unwrap(),
            WEBHOOK_SECRET,
            None,
        )),
    )
    .await;
    assert_eq!((first, body.as_str()), (StatusCode::OK, "ok"));
    let grace = billing(&mut owner, &ws).await["grace_until"].clone();
    assert!(grace.as_str().is_some(), "grace period started");
    assert_eq!(p.stripe.deliver(failed_id).await, 200);
    let (again, body) = post_webhook(
        &p,
        failed["payload"].as_str().unwrap(),
        Some(&Webhook::generate_test_header(
            failed["payload"].as_str().unwrap(),
            WEBHOOK_SECRET,
            None,
        )),
    )
    .await;
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
    let recovered = common::mail::all_to(&email)
        .iter()
        .filter(|m| m.subject.starts_with("Payment received"))
        .count();
    assert_eq!(recovered, 1);
    p.app.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_payment_past_its_grace_period_limits_the_workspace_to_free_until_paid() {
    let p = PaidApp::start(&[("BILLING_GRACE_DAYS", "0")]).await;
    paid_plan(&p.app, "team", "20", "10").await;
    let (mut owner, _) = signed_up(&p.app, "owner").await;
    let ws = workspace(&mut owner, &unique("grace")).await;
    let url = checkout(&mut owner, &ws, "team", "month").await;
    p.stripe.pay(&url).await;
    let invite = |n: usize| format!("seat{n}@example.com");
    for n in 0..4 {
        let a = owner
            .call(
                "invite_member",
                &[
                    ("workspace_id", &ws),
                    ("email", &invite(n)),
                    ("role", "viewer"),
                ],
            )
            .await;
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
    let refused = owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", &invite(9)),
                ("role", "viewer"),
            ],
        )
        .await;
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
    let ok = owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", &invite(9)),
                ("role", "viewer"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
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
        let a = owner
            .call(
                "invite_member",
                &[
                    ("workspace_id", &ws),
                    ("email", &format!("f{n}@example.com")),
                    ("role", "editor"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    }
    let third = owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", "f3@example.com"),
                ("role", "editor"),
            ],
        )
        .await;
    assert_eq!(third.status, StatusCode::PAYMENT_REQUIRED, "{}", third.body);
    assert_eq!(
        third.json()["limit"].as_str(),
        Some("team members"),
        "{}",
        third.body
    );
    // Re-inviting someone already invited takes no new seat.
    let again = owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", "f1@example.com"),
                ("role", "viewer"),
            ],
        )
        .await;
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
