//! CRM services (server only): contacts, companies, custom fields, deals and pipelines, tasks,
//! the activity stream every module appends to, and CSV import and export.

pub mod activity;
pub mod companies;
pub mod contact_bulk;
pub mod contact_input;
pub mod contact_list;
pub mod contact_merge;
pub mod contacts;
pub mod deal_moves;
pub mod deals;
pub mod export;
pub mod fields;
pub mod home;
pub mod import_csv;
pub mod imports;
pub mod intake;
pub mod isolation;
pub mod module;
pub mod people;
pub mod pipelines;
pub mod routes;
pub mod search;
pub mod tasks;
pub mod waiting;

pub use module::MODULE;

use mongodb::bson::doc;
use platform::indexes::{expiring, index, CollectionIndexes};

pub use platform::clock::rfc3339;

/// The CRM's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: contacts::CONTACTS,
            indexes: vec![
                index(
                    doc! { "workspace_id": 1, "emails": 1 },
                    "workspace_emails",
                    false,
                ),
                index(
                    doc! { "workspace_id": 1, "created_at": -1, "_id": -1 },
                    "workspace_created",
                    false,
                ),
                index(
                    doc! { "workspace_id": 1, "name_sort": 1, "_id": 1 },
                    "workspace_name",
                    false,
                ),
                index(
                    doc! { "workspace_id": 1, "search": 1 },
                    "workspace_search",
                    false,
                ),
                index(
                    doc! { "workspace_id": 1, "tags": 1 },
                    "workspace_tags",
                    false,
                ),
            ],
        },
        CollectionIndexes {
            collection: companies::COMPANIES,
            indexes: vec![index(
                doc! { "workspace_id": 1, "name_lower": 1 },
                "workspace_name_unique",
                true,
            )],
        },
        CollectionIndexes {
            collection: fields::FIELDS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "key": 1 },
                "workspace_key_unique",
                true,
            )],
        },
        CollectionIndexes {
            collection: deals::DEALS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "pipeline_id": 1, "position": 1 },
                "workspace_pipeline",
                false,
            )],
        },
        CollectionIndexes {
            collection: tasks::TASKS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "assignee_id": 1, "done": 1 },
                "workspace_assignee",
                false,
            )],
        },
        CollectionIndexes {
            collection: activity::ACTIVITY,
            indexes: vec![
                index(
                    doc! { "workspace_id": 1, "contact_id": 1, "at": -1 },
                    "workspace_contact_at",
                    false,
                ),
                index(
                    doc! { "workspace_id": 1, "deal_id": 1, "at": -1 },
                    "workspace_deal_at",
                    false,
                ),
            ],
        },
        CollectionIndexes {
            collection: imports::IMPORTS,
            indexes: vec![expiring("expires_at", "expires_ttl")],
        },
        CollectionIndexes {
            collection: waiting::WAITING,
            indexes: vec![
                index(
                    doc! { "workspace_id": 1, "email": 1 },
                    "workspace_email",
                    true,
                ),
                index(
                    doc! { "workspace_id": 1, "created_at": 1 },
                    "workspace_created",
                    false,
                ),
            ],
        },
    ]
}
