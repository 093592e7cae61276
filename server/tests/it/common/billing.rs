//! Billing helpers: paid plans, the billing screen's data, checkout and webhooks.

use super::client::Client;
use super::fake_stripe::PaidApp;
use super::TestApp;
use app::billing::service::plans::{self, PlanInput};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;

/// A visible paid plan at `monthly` cents a month (ten times that a year) with `seats` members.
pub async fn paid_plan(app: &TestApp, key: &str, monthly: &str, seats: &str) {
    let limits: Vec<(String, String)> = [
        ("bio_pages", "-1"),
        ("sites", "-1"),
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
            features: &[],
        },
    )
    .await
    .unwrap();
}

/// The workspace's billing as its owner sees it.
pub async fn billing(c: &mut Client, ws: &str) -> Value {
    let a = c.call("get_billing", &[("workspace_id", ws)]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()
}

/// Opens checkout for `plan` and returns the Stripe page it sends the owner to.
pub async fn checkout(c: &mut Client, ws: &str, plan: &str, interval: &str) -> String {
    let a = c
        .call(
            "start_checkout",
            &[("workspace_id", ws), ("plan", plan), ("interval", interval)],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json().as_str().unwrap().to_owned()
}

/// Posts `payload` to the webhook endpoint with `signature`, as Stripe would.
pub async fn post_webhook(
    p: &PaidApp,
    payload: &str,
    signature: Option<&str>,
) -> (StatusCode, String) {
    let mut req = Request::post("/webhooks/stripe").header("content-type", "application/json");
    if let Some(sig) = signature {
        req = req.header("stripe-signature", sig);
    }
    let res = p
        .app
        .request(req.body(Body::from(payload.to_owned())).unwrap())
        .await;
    let status = res.status();
    (status, super::text(res).await)
}

/// Posts `payload` signed as Stripe signs it now.
pub async fn post_signed(p: &PaidApp, payload: &str) -> (StatusCode, String) {
    let signature = stripe_webhook::Webhook::generate_test_header(
        payload,
        super::fake_stripe::WEBHOOK_SECRET,
        None,
    );
    post_webhook(p, payload, Some(&signature)).await
}

/// The subscription an event is about.
pub fn subscription_of(event: &Value) -> String {
    let payload: Value = serde_json::from_str(event["payload"].as_str().unwrap()).unwrap();
    let object = &payload["data"]["object"];
    object["subscription"]
        .as_str()
        .or(object["id"].as_str())
        .unwrap()
        .to_owned()
}
