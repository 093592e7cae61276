//! Plan change impact analysis: before an admin saves new prices or limits they see how many
//! workspaces are on the plan, the revenue before and after and who would be over the new
//! limits; then the change applies to everyone or to new subscribers only.

use crate::common;

use axum::http::StatusCode;
use common::billing::{billing, checkout};
use common::client::Client;
use common::fake_stripe::PaidApp;
use common::people::{invite, register, turn_on_mfa, unique, unique_email, verify, workspace};
use serde_json::Value;

const ADMIN: &str = "impact-admin@example.com";

fn plan_form<'a>(
    monthly: &'a str,
    seats: &'a str,
    apply_to: Option<&'a str>,
) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("key", "pro"),
        ("name", "Pro"),
        ("description", "For growing creators"),
        ("monthly_price", monthly),
        ("yearly_price", "120"),
        ("trial_days", "0"),
        ("visible", "on"),
        ("bio_pages", "-1"),
        ("sites", "-1"),
        ("contacts", "-1"),
        ("emails_per_month", "-1"),
        ("team_members", seats),
        ("storage_mb", "-1"),
        ("ai_credits", "-1"),
    ];
    if let Some(a) = apply_to {
        f.push(("apply_to", a));
    }
    f
}

/// An owner whose workspace subscribes to Pro monthly and invites `invites` people.
async fn subscriber(p: &PaidApp, invites: usize) -> (Client, String) {
    let mut c = p.app.client();
    register(&mut c, &unique_email("sub")).await;
    let ws = workspace(&mut c, &unique("sub")).await;
    let url = checkout(&mut c, &ws, "pro", "month").await;
    p.stripe.pay(&url).await;
    for n in 0..invites {
        let a = invite(&mut c, &ws, &format!("i{n}@example.com")).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    }
    (c, ws)
}

async fn seats_allowed(c: &mut Client, ws: &str) -> Value {
    let b = billing(c, ws).await;
    let limits = b["plan"]["limits"].as_array().unwrap().clone();
    limits
        .into_iter()
        .find(|l| l[0] == "team_members")
        .map(|l| l[1].clone())
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_see_the_impact_and_choose_who_gets_the_new_terms() {
    let p = PaidApp::start(&[("ADMIN_EMAILS", ADMIN)]).await;
    let mut admin = p.app.client();
    register(&mut admin, ADMIN).await;
    verify(&mut admin, ADMIN).await;
    turn_on_mfa(&p.app, &mut admin).await;
    let created = admin.call("save_plan", &plan_form("12", "10", None)).await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);

    let (mut small, small_ws) = subscriber(&p, 1).await;
    let (mut big, big_ws) = subscriber(&p, 4).await;

    // Fewer seats and a higher price: two subscribers, one of them above the new limit.
    let impact = admin
        .call("preview_plan_impact", &plan_form("15", "3", None))
        .await;
    assert_eq!(impact.status, StatusCode::OK, "{}", impact.body);
    let impact = impact.json();
    assert_eq!(impact["workspaces"], 2);
    assert_eq!(impact["mrr_before"], 2400);
    assert_eq!(impact["mrr_after"], 3000);
    assert_eq!(impact["terms_change"], true);
    let over = impact["over_limit"].as_array().unwrap();
    assert_eq!(over.len(), 1, "{impact}");
    assert_eq!(
        (over[0]["used"].as_u64(), over[0]["allowed"].as_i64()),
        (Some(5), Some(3))
    );
    // Previewing saved nothing.
    assert_eq!(seats_allowed(&mut big, &big_ws).await, 10);

    // Saving a change that affects subscribers needs the admin's choice.
    let blind = admin.call("save_plan", &plan_form("15", "3", None)).await;
    assert_eq!(
        blind.field_errors("apply_to"),
        vec!["Review the impact first, then choose who the new terms apply to."]
    );

    // New subscribers only: existing ones keep ten seats and their price.
    let kept = admin
        .call("save_plan", &plan_form("15", "3", Some("new_subscribers")))
        .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.body);
    assert_eq!(seats_allowed(&mut small, &small_ws).await, 10);
    assert_eq!(seats_allowed(&mut big, &big_ws).await, 10);
    let again = admin
        .call("preview_plan_impact", &plan_form("15", "3", None))
        .await
        .json();
    assert_eq!(
        (
            again["mrr_before"].as_i64(),
            again["terms_change"].as_bool()
        ),
        (Some(2400), Some(false))
    );

    // Everyone: the limits apply now and Stripe moves each subscription to the new price.
    // (A feature is added on the way: features are terms too.)
    let mut everyone = plan_form("15", "3", Some("everyone"));
    everyone.push(("features[0]", "custom_domain"));
    let all = admin.call("save_plan", &everyone).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.body);
    assert_eq!(seats_allowed(&mut big, &big_ws).await, 3);
    let features = billing(&mut big, &big_ws).await["plan"]["features"].clone();
    assert_eq!(features, serde_json::json!(["custom_domain"]));
    let refused = invite(&mut big, &big_ws, "more@example.com").await;
    assert_eq!(
        refused.status,
        StatusCode::PAYMENT_REQUIRED,
        "{}",
        refused.body
    );
    let moved = admin
        .call("preview_plan_impact", &plan_form("15", "3", None))
        .await
        .json();
    assert_eq!(moved["mrr_before"], 3000, "{moved}");
    // Nothing was taken away from the workspace above the limit.
    let pending = big
        .call("list_invitations", &[("workspace_id", &big_ws)])
        .await
        .json();
    assert_eq!(pending.as_array().unwrap().len(), 4);
    p.app.cleanup().await;
}
