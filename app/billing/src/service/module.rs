//! The billing module as the server assembles it.

use super::entitlements::Rules;
use super::payments::Payments;
use super::webhooks;
use axum::routing::post;
use axum::Router;
use platform::{AppState, Config, Db, Module, Services};

/// Plans, subscriptions through Stripe, and the plan rules every module checks.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    routes,
    services,
    plan_rules: Some(&Rules),
    isolation: super::isolation::ISOLATION,
    jobs: &[super::subscriptions::GRACE_ENDED],
    home: Some(super::home::part),
    ..Module::named("billing")
};

fn routes() -> Router<AppState> {
    Router::new().route("/webhooks/stripe", post(webhooks::receive))
}

fn services(config: &Config, _: &Db, services: &mut Services) -> Result<(), String> {
    if let Some(payments) = Payments::from_config(config.stripe.as_ref())? {
        services.insert(payments);
    }
    Ok(())
}
