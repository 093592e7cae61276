//! Sites services (server only): sites and their drafts and revisions, the public pages, custom
//! domains, forms.

pub mod cache;
pub mod domains;
pub mod forms;
pub mod host;
pub mod isolation;
pub mod module;
pub mod public;
pub mod routes;
pub mod sites;
pub mod stats;
pub mod store;
pub mod submissions;

pub use module::MODULE;

use mongodb::bson::doc;
use platform::indexes::{index, CollectionIndexes};

/// The sites module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: store::SITES,
            indexes: vec![
                index(doc! { "slug": 1 }, "slug_unique", true),
                index(
                    doc! { "workspace_id": 1, "updated_at": 1 },
                    "workspace_updated",
                    false,
                ),
            ],
        },
        CollectionIndexes {
            collection: store::REVISIONS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "site_id": 1, "at": 1 },
                "site_at",
                false,
            )],
        },
        CollectionIndexes {
            collection: store::DOMAINS,
            indexes: vec![
                index(doc! { "domain": 1, "status": 1 }, "domain_status", false),
                index(
                    doc! { "workspace_id": 1, "site_id": 1 },
                    "workspace_site",
                    false,
                ),
            ],
        },
        CollectionIndexes {
            collection: store::SUBMISSIONS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "site_id": 1, "at": 1 },
                "site_at",
                false,
            )],
        },
    ]
}
