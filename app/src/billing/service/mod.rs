//! Billing services (server only). Plans for now; Stripe subscriptions arrive with issue 5.

pub mod plans;

use crate::platform::indexes::{index, CollectionIndexes};
use mongodb::bson::doc;

/// The billing module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![CollectionIndexes {
        collection: plans::PLANS,
        indexes: vec![index(doc! { "key": 1 }, "key_unique", true)],
    }]
}
