//! Identity services (server only): accounts, sessions, tokens, the auth middleware.

pub mod account;
pub mod admin;
pub mod auth;
pub mod cookies;
pub mod devices;
pub mod email_tokens;
pub mod emails;
pub mod google;
pub mod google_api;
pub mod google_link;
pub mod isolation;
pub mod jwt;
pub mod links;
pub mod mfa;
pub mod middleware;
pub mod module;
pub mod passwords;
pub mod secrets;
pub mod security_log;
pub mod sessions;
pub mod users;

pub use middleware::{current_auth, require_auth, Auth};

pub use module::MODULE;

use mongodb::bson::doc;
use mongodb::options::IndexOptions;
use mongodb::IndexModel;
use platform::indexes::{expiring, index, CollectionIndexes};

/// The identity module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: users::USERS,
            indexes: vec![
                index(doc! { "email_lower": 1 }, "email_lower_unique", true),
                IndexModel::builder()
                    .keys(doc! { "google_sub": 1 })
                    .options(
                        IndexOptions::builder()
                            .name("google_sub_unique".to_owned())
                            .unique(true)
                            .sparse(true)
                            .build(),
                    )
                    .build(),
            ],
        },
        CollectionIndexes {
            collection: sessions::SESSIONS,
            indexes: vec![
                index(doc! { "refresh_hash": 1 }, "refresh_hash_unique", true),
                index(doc! { "rotated.hash": 1 }, "rotated_hash", false),
                index(
                    doc! { "user_id": 1, "last_seen_at": -1 },
                    "user_sessions",
                    false,
                ),
                expiring("expires_at", "expires_ttl"),
            ],
        },
        CollectionIndexes {
            collection: security_log::SECURITY_EVENTS,
            indexes: vec![
                index(doc! { "user_id": 1, "at": -1 }, "user_recent", false),
                expiring("expires_at", "expires_ttl"),
            ],
        },
        CollectionIndexes {
            collection: google::OIDC_STATES,
            indexes: vec![expiring("expires_at", "expires_ttl")],
        },
        CollectionIndexes {
            collection: mfa::MFA_CHALLENGES,
            indexes: vec![expiring("expires_at", "expires_ttl")],
        },
        CollectionIndexes {
            collection: email_tokens::EMAIL_TOKENS,
            indexes: vec![
                index(doc! { "user_id": 1, "purpose": 1 }, "user_purpose", false),
                expiring("expires_at", "expires_ttl"),
            ],
        },
    ]
}
