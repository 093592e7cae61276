//! Workspace services (server only): workspaces, members, invitations, audit log, wizard.

pub mod audit;
pub mod home;
pub mod invitations;
pub mod isolation;
pub mod logo;
pub mod members;
pub mod module;
pub mod onboarding;
pub mod page_status;
pub mod scope;
pub mod seats;
pub mod store;
pub mod uploads;
pub mod workspaces;

pub use module::MODULE;

use mongodb::bson::doc;
use platform::indexes::{index, CollectionIndexes};

/// The workspace module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: store::WORKSPACES,
            indexes: vec![index(doc! { "handle": 1 }, "handle_unique", true)],
        },
        CollectionIndexes {
            collection: store::MEMBERSHIPS,
            indexes: vec![
                index(
                    doc! { "workspace_id": 1, "user_id": 1 },
                    "workspace_user_unique",
                    true,
                ),
                index(doc! { "user_id": 1 }, "user", false),
            ],
        },
        CollectionIndexes {
            collection: store::INVITATIONS,
            indexes: vec![
                index(doc! { "token_hash": 1 }, "token_hash_unique", true),
                index(
                    doc! { "workspace_id": 1, "email": 1 },
                    "workspace_email",
                    false,
                ),
            ],
        },
        CollectionIndexes {
            collection: store::AUDIT_LOG,
            indexes: vec![index(
                doc! { "workspace_id": 1, "at": -1 },
                "workspace_time",
                false,
            )],
        },
    ]
}
