//! Email services (server only): lists, their subscriptions with consent, the public
//! subscribe, confirm and unsubscribe pages, campaigns built from blocks, and their tracking,
//! sequences and the people on them.

pub mod bounces;
pub mod campaign_control;
pub mod campaigns;
pub mod contact_events;
pub mod domain_keys;
pub mod domains;
pub mod enrolments;
pub mod images;
pub mod inline;
pub mod isolation;
pub mod links;
pub mod lists;
pub mod module;
pub mod preferences;
pub mod preview;
pub mod public;
pub mod public_html;
pub mod report;
pub mod routes;
pub mod schedule;
pub mod segments;
pub mod sender;
pub mod sequence_control;
pub mod sequence_run;
pub mod sequences;
pub mod signup;
pub mod sns;
pub mod subscriptions;
pub mod suppressions;
pub mod template;
pub mod timeline;
pub mod tracking;
pub mod usage;

pub use module::MODULE;

use mongodb::bson::doc;
use platform::indexes::{index, CollectionIndexes};

pub use platform::clock::rfc3339;

/// The email module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: lists::LISTS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "created_at": 1 },
                "workspace_created",
                false,
            )],
        },
        CollectionIndexes {
            collection: campaigns::CAMPAIGNS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "created_at": -1 },
                "workspace_created",
                false,
            )],
        },
        CollectionIndexes {
            collection: segments::SEGMENTS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "created_at": 1 },
                "workspace_created",
                false,
            )],
        },
        CollectionIndexes {
            collection: sequences::SEQUENCES,
            indexes: vec![index(
                doc! { "workspace_id": 1, "list_id": 1, "status": 1 },
                "workspace_list_status",
                false,
            )],
        },
        CollectionIndexes {
            collection: enrolments::ENROLMENTS,
            indexes: vec![index(
                doc! { "sequence_id": 1, "status": 1 },
                "sequence_status",
                false,
            )],
        },
        CollectionIndexes {
            collection: suppressions::SUPPRESSIONS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "at": -1 },
                "workspace_at",
                false,
            )],
        },
        CollectionIndexes {
            collection: tracking::ACTIVITY,
            indexes: vec![index(
                doc! { "campaign_id": 1, "workspace_id": 1 },
                "campaign",
                false,
            )],
        },
        CollectionIndexes {
            collection: subscriptions::SUBSCRIPTIONS,
            indexes: vec![
                index(doc! { "list_id": 1, "email": 1 }, "list_email", true),
                // Ascending: SecantusDB found nothing for `_id > ""` on a descending one.
                index(
                    doc! { "workspace_id": 1, "list_id": 1, "status": 1, "_id": 1 },
                    "list_status_id",
                    false,
                ),
            ],
        },
    ]
}
