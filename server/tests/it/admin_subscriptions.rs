//! Platform admins act on one workspace's subscription: find it, give a plan for free, set its
//! own limits, extend a trial, apply a discount; each change is in the workspace's audit log.

use crate::common;

use app::billing::service::plans::{self, PlanInput};
use axum::http::StatusCode;
use common::billing::{billing, checkout, paid_plan};
use common::client::Client;
use common::fake_stripe::PaidApp;
use common::people::{invite, register, signed_up, turn_on_mfa, unique, verify, workspace};
use serde_json::Value;

const ADMIN: &str = "overrides-admin@example.com";

/// Sets the workspace's own limits: five seats and `contacts` (blank: the plan's).
async fn own_limits(admin: &mut Client, ws: &str, contacts: &str) -> common::client::Answer {
    admin
        .call(
            "admin_set_limit_overrides",
            &[
                ("workspace_id", ws),
                ("bio_pages", ""),
                ("sites", ""),
                ("contacts", contacts),
                ("emails_per_month", ""),
                ("team_members", "5"),
                ("storage_mb", ""),
                ("ai_credits", ""),
            ],
        )
        .await
}

/// Asks for 20% off for three months on workspace `ws`.
async fn twenty_off(admin: &mut Client, ws: &str) -> common::client::Answer {
    admin
        .call(
            "admin_apply_discount",
            &[
                ("workspace_id", ws),
                ("kind", "percent"),
                ("value", "20"),
                ("months", "3"),
            ],
        )
        .await
}

fn team_members(b: &Value) -> i64 {
    b["plan"]["limits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l[0] == "team_members")
        .map(|l| l[1].as_i64().unwrap())
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_give_plans_limits_trials_and_discounts_and_the_workspace_sees_who() {
    let p = PaidApp::start(&[("ADMIN_EMAILS", ADMIN)]).await;
    paid_plan(&p.app, "pro", "12", "10").await;
    let limits: Vec<(String, String)> = [("team_members", "10")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let trial = plans::validate(&PlanInput {
        key: "trial",
        name: "Trial",
        description: "",
        monthly_price: "20",
        yearly_price: "200",
        trial_days: "14",
        visible: true,
        limits: &limits,
        features: &[],
    });
    assert!(trial.is_err(), "every limit must be given");
    let all: Vec<(String, String)> = [
        "bio_pages",
        "sites",
        "contacts",
        "emails_per_month",
        "team_members",
        "storage_mb",
        "ai_credits",
    ]
    .iter()
    .map(|k| (k.to_string(), "-1".to_string()))
    .collect();
    plans::save(
        &p.app.state.db,
        PlanInput {
            key: "trial",
            name: "Trial",
            description: "",
            monthly_price: "20",
            yearly_price: "200",
            trial_days: "14",
            visible: true,
            limits: &all,
            features: &[],
        },
    )
    .await
    .unwrap();
    let mut admin = p.app.client();
    register(&mut admin, ADMIN).await;
    verify(&mut admin, ADMIN).await;
    turn_on_mfa(&p.app, &mut admin).await;

    let (mut owner, _) = signed_up(&p.app, "owner").await;
    let handle = unique("comp");
    let ws = workspace(&mut owner, &handle).await;

    // Search by handle; too short a query is refused.
    let short = admin
        .call("admin_search_workspaces", &[("query", "c")])
        .await;
    assert_eq!(
        short.field_errors("query"),
        vec!["Type at least 2 characters."]
    );
    let found = admin
        .call("admin_search_workspaces", &[("query", &handle[..8])])
        .await
        .json();
    let row = found
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == ws.as_str())
        .cloned()
        .unwrap();
    assert_eq!(row["plan"], "Free");
    assert_eq!(row["owners"].as_array().unwrap().len(), 1);

    // A complimentary plan: the workspace gets Pro's limits without paying.
    let comp = admin
        .call(
            "admin_grant_complimentary",
            &[("workspace_id", &ws), ("plan", "pro"), ("days", "30")],
        )
        .await;
    assert_eq!(comp.status, StatusCode::OK, "{}", comp.body);
    assert_eq!(comp.json()["comp_plan"], "pro");
    assert!(comp.json()["comp_until"].as_str().is_some());
    assert_eq!(billing(&mut owner, &ws).await["plan"]["key"], "pro");
    for n in 0..4 {
        assert_eq!(
            invite(&mut owner, &ws, &format!("o{}@example.com", n))
                .await
                .status,
            StatusCode::OK
        );
    }

    // Limits of its own, over the plan's.
    let own = own_limits(&mut admin, &ws, "lots").await;
    assert_eq!(
        own.field_errors("contacts"),
        vec!["Enter a whole number, -1 for unlimited, or leave it empty."]
    );
    let own = own_limits(&mut admin, &ws, "").await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    assert_eq!(team_members(&billing(&mut owner, &ws).await), 5);
    assert_eq!(
        invite(&mut owner, &ws, &format!("o{}@example.com", 9))
            .await
            .status,
        StatusCode::PAYMENT_REQUIRED
    );

    // Ending the complimentary plan returns the workspace to Free (its own limits stay).
    let ended = admin
        .call("admin_revoke_complimentary", &[("workspace_id", &ws)])
        .await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.body);
    let b = billing(&mut owner, &ws).await;
    assert_eq!(
        (b["plan"]["key"].as_str(), team_members(&b)),
        (Some("free"), 5)
    );

    // No subscription, no discount.
    let none = twenty_off(&mut admin, &ws).await;
    assert_eq!(none.status, StatusCode::CONFLICT, "{}", none.body);

    // The workspace's admins see what the platform admin did.
    let audit = owner
        .call("list_audit_log", &[("workspace_id", &ws)])
        .await
        .body;
    for action in [
        "billing.complimentary",
        "billing.limits",
        "billing.complimentary_ended",
    ] {
        assert!(audit.contains(action), "{action} missing from {audit}");
    }
    assert!(
        audit.contains("Platform admin: Gave PRO for free for 30 days"),
        "{audit}"
    );

    // A trial, extended by a week; then a discount on the subscription.
    let (mut trialist, _) = signed_up(&p.app, "trialist").await;
    let trial_ws = workspace(&mut trialist, &unique("trial")).await;
    let url = checkout(&mut trialist, &trial_ws, "trial", "month").await;
    p.stripe.pay(&url).await;
    let b = billing(&mut trialist, &trial_ws).await;
    assert_eq!(b["status"], "trialing");
    let before = billing_row(&mut admin, &trial_ws).await["trial_end"]
        .as_str()
        .unwrap()
        .to_owned();
    let bad = admin
        .call(
            "admin_extend_trial",
            &[("workspace_id", &trial_ws), ("days", "0")],
        )
        .await;
    assert_eq!(bad.field_errors("days"), vec!["Enter 1 to 365 days."]);
    let extended = admin
        .call(
            "admin_extend_trial",
            &[("workspace_id", &trial_ws), ("days", "7")],
        )
        .await;
    assert_eq!(extended.status, StatusCode::OK, "{}", extended.body);
    let after = extended.json()["trial_end"].as_str().unwrap().to_owned();
    let days = |s: &str| {
        mongodb::bson::DateTime::parse_rfc3339_str(s)
            .unwrap()
            .timestamp_millis()
            / 86_400_000
    };
    assert_eq!(days(&after) - days(&before), 7, "{before} → {after}");

    let discount = twenty_off(&mut admin, &trial_ws).await;
    assert_eq!(discount.status, StatusCode::OK, "{}", discount.body);
    assert_eq!(discount.json()["discount"], "20% off for 3 months");
    let updated = p.stripe.last_event("customer.subscription.updated").await;
    assert!(
        updated["payload"]
            .as_str()
            .unwrap()
            .contains("\"discounts\":[\"di_"),
        "{updated}"
    );
    p.app.cleanup().await;
}

async fn billing_row(admin: &mut Client, ws: &str) -> Value {
    let found = admin
        .call("admin_search_workspaces", &[("query", "trial")])
        .await
        .json();
    found
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == ws)
        .cloned()
        .unwrap()
}
