//! Plans: a free plan always exists; only platform admins with MFA on manage plans.

use crate::common;

use axum::http::StatusCode;
use common::people::{signed_up, turn_on_mfa, unique, verify, PASSWORD};
use common::TestApp;

fn plan_form<'a>(key: &'a str, monthly: &'a str, visible: bool) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("key", key),
        ("name", "Pro"),
        ("description", "For growing creators"),
        ("monthly_price", monthly),
        ("yearly_price", "120"),
        ("trial_days", "14"),
        ("bio_pages", "-1"),
        ("sites", "-1"),
        ("contacts", "10000"),
        ("emails_per_month", "50000"),
        ("team_members", "5"),
        ("storage_mb", "10240"),
        ("ai_credits", "500"),
    ];
    if visible {
        f.push(("visible", "on"));
    }
    f
}

#[tokio::test]
async fn admins_with_mfa_manage_plans_and_customers_see_the_visible_ones() {
    let email = format!("{}@example.com", unique("admin"));
    let app = TestApp::start_with(
        &common::mongodb_uri(),
        &[(
            "ADMIN_EMAILS",
            &format!("someone@else.com, {}", email.to_uppercase()),
        )],
    )
    .await;
    let plans = app.client().call("list_plans", &[]).await.json();
    assert_eq!(plans[0]["key"], "free");

    let mut admin = app.client();
    admin
        .call(
            "register",
            &[
                ("name", "Ad Min"),
                ("email", &email),
                ("password", PASSWORD),
            ],
        )
        .await;
    // Listed, but only a confirmed address makes the account the admin's.
    assert_eq!(
        admin.call("admin_list_plans", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    verify(&mut admin, &email).await;
    let without_mfa = admin.call("save_plan", &plan_form("pro", "12", true)).await;
    assert_eq!(
        without_mfa.status,
        StatusCode::CONFLICT,
        "{}",
        without_mfa.body
    );
    assert!(without_mfa.json()["message"]
        .as_str()
        .unwrap()
        .contains("two-step verification"));
    turn_on_mfa(&app, &mut admin).await;

    let bad = admin
        .call("save_plan", &plan_form("pro", "12.999", true))
        .await;
    assert_eq!(
        bad.field_errors("monthly_price"),
        vec!["Enter a price like 12 or 12.50."]
    );
    let ok = admin
        .call("save_plan", &plan_form("pro", "12.50", true))
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(ok.json()["monthly_price"], 1250);
    let hidden = admin
        .call("save_plan", &plan_form("secret", "99", false))
        .await;
    assert_eq!(hidden.status, StatusCode::OK);

    // The free plan stays free and visible.
    let free = admin.call("save_plan", &plan_form("free", "5", true)).await;
    assert_eq!(
        free.field_errors("monthly_price"),
        vec!["The free plan stays free."]
    );

    let visible: Vec<String> = app
        .client()
        .call("list_plans", &[])
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(visible, vec!["free", "pro"]);
    assert_eq!(
        admin
            .call("admin_list_plans", &[])
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        3
    );

    let (mut customer, _) = signed_up(&app, "customer").await;
    assert_eq!(
        customer.call("admin_list_plans", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    app.cleanup().await;
}
