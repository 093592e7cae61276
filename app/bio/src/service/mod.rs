//! Bio services (server only): pages and their drafts, the public page, views and clicks.

pub mod cache;
pub mod events;
pub mod home;
pub mod images;
pub mod isolation;
pub mod module;
pub mod pages;
pub mod public;
pub mod qr;
pub mod stats;
pub mod subscribers;

pub use module::MODULE;

use mongodb::bson::doc;
use platform::indexes::{index, CollectionIndexes};

/// The bio module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: pages::PAGES,
            indexes: vec![index(
                doc! { "workspace_id": 1, "slug": 1 },
                "workspace_slug_unique",
                true,
            )],
        },
        CollectionIndexes {
            collection: subscribers::SUBSCRIBERS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "email": 1 },
                "workspace_email_unique",
                true,
            )],
        },
    ]
}
