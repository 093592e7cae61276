//! Billing: plans managed by platform admins, each workspace's Stripe subscription, and the
//! entitlements (limits) every module checks.
#![recursion_limit = "256"]

pub mod admin_model;
pub mod admin_plans_page;
pub mod admin_subscriptions_page;
pub mod admin_workspace_card;
pub mod api;
pub mod billing_page;
pub mod change_preview;
pub mod grace;
pub mod invoice_list;
pub mod model;
pub mod payment_methods_card;
pub mod plan_card;
pub mod plan_form;
pub mod plan_impact_panel;
#[cfg(feature = "ssr")]
pub mod service;
pub mod wizard_plans;

pub mod billing_routes;

pub use admin_plans_page::AdminPlansPage;
pub use admin_subscriptions_page::AdminSubscriptionsPage;
pub use billing_page::BillingPage;
pub use billing_routes::{AdminRoutes, BillingRoutes};
pub use wizard_plans::WizardPlans;
