//! Billing: plans managed by platform admins (Stripe subscriptions come next).

pub mod admin_plans_page;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

pub use admin_plans_page::AdminPlansPage;
