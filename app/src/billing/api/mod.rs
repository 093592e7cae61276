//! Billing server functions: plans (public list, admin editing) and each workspace's
//! subscription.

pub mod plans;
pub mod subscriptions;

pub use plans::*;
pub use subscriptions::*;
