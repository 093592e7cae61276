//! Billing server functions: plans (public list, admin editing) and each workspace's
//! subscription.

pub mod admin;
pub mod plans;
pub mod subscriptions;
pub mod wizard;

pub use admin::*;
pub use plans::*;
pub use subscriptions::*;
pub use wizard::*;
