//! Billing services (server only): plans, their Stripe prices, subscriptions, webhooks and the
//! entitlements every module checks.

pub mod catalog;
pub mod changes;
pub mod checkout;
pub mod emails;
pub mod entitlements;
pub mod home;
pub mod impact;
pub mod invoices;
pub mod isolation;
pub mod module;
pub mod one_off;
pub mod overrides;
pub mod payment_methods;
pub mod payments;
pub mod plans;
pub mod subscriptions;
pub mod usage;
pub mod webhooks;

pub use module::MODULE;

use mongodb::bson::doc;
use platform::indexes::{expiring, index, CollectionIndexes};

/// The billing module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: plans::PLANS,
            indexes: vec![index(doc! { "key": 1 }, "key_unique", true)],
        },
        CollectionIndexes {
            collection: subscriptions::SUBSCRIPTIONS,
            indexes: vec![
                index(
                    doc! { "stripe_subscription_id": 1 },
                    "stripe_subscription",
                    false,
                ),
                index(doc! { "stripe_customer_id": 1 }, "stripe_customer", false),
            ],
        },
        CollectionIndexes {
            collection: webhooks::STRIPE_EVENTS,
            indexes: vec![expiring("expires_at", "expires_ttl")],
        },
    ]
}
