//! Single-use, expiring links sent by email (verify an address, reset a password). Only the
//! token's hash is stored; using it marks it used atomically, so it works exactly once.

use super::secrets::{random_token, token_hash};
use app_core::error::AppError;
use mongodb::bson::{doc, DateTime};
use mongodb::Collection;
use platform::Db;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Collection name.
pub const EMAIL_TOKENS: &str = "email_tokens";

/// What a link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Confirms that the user receives mail at `email`.
    VerifyEmail,
    /// Lets the user choose a new password.
    ResetPassword,
    /// Moves the account to the new address `email` once it is confirmed.
    ChangeEmail,
}

impl Purpose {
    /// How long a link stays valid.
    pub fn ttl(self) -> Duration {
        match self {
            Purpose::VerifyEmail => Duration::from_secs(48 * 3600),
            Purpose::ResetPassword => Duration::from_secs(30 * 60),
            Purpose::ChangeEmail => Duration::from_secs(24 * 3600),
        }
    }
}

/// A stored link.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EmailToken {
    /// Hash of the token in the link.
    #[serde(rename = "_id")]
    pub hash: String,
    /// What it is for.
    pub purpose: Purpose,
    /// Whose.
    pub user_id: String,
    /// The address it was sent to.
    pub email: String,
    /// Creation time.
    pub created_at: DateTime,
    /// Invalid from then on (TTL index removes it).
    pub expires_at: DateTime,
    /// Set when used.
    pub used_at: Option<DateTime>,
}

fn tokens(db: &Db) -> Collection<EmailToken> {
    db.collection(EMAIL_TOKENS)
}

/// Creates a link token for `user_id`; returns the token to put in the URL.
pub async fn issue(
    db: &Db,
    now: DateTime,
    purpose: Purpose,
    user_id: &str,
    email: &str,
) -> Result<String, AppError> {
    let token = random_token();
    tokens(db)
        .insert_one(EmailToken {
            hash: token_hash(&token),
            purpose,
            user_id: user_id.to_owned(),
            email: email.to_owned(),
            created_at: now,
            expires_at: DateTime::from_millis(
                now.timestamp_millis() + purpose.ttl().as_millis() as i64,
            ),
            used_at: None,
        })
        .await?;
    Ok(token)
}

/// Uses `token` for `purpose` if it is valid, unused and unexpired; at most once.
pub async fn consume(
    db: &Db,
    now: DateTime,
    purpose: Purpose,
    token: &str,
) -> Result<Option<EmailToken>, AppError> {
    Ok(tokens(db)
        .find_one_and_update(
            doc! {
                "_id": token_hash(token),
                "purpose": mongodb::bson::to_bson(&purpose).map_err(|_| AppError::Internal)?,
                "used_at": null,
                "expires_at": { "$gt": now },
            },
            doc! { "$set": { "used_at": now } },
        )
        .await?)
}

/// Invalidates every unused link of `purposes` for `user_id` (e.g. after a password reset), in
/// one write.
pub async fn revoke_all(
    db: &Db,
    now: DateTime,
    purposes: &[Purpose],
    user_id: &str,
) -> Result<(), AppError> {
    let purposes = mongodb::bson::to_bson(purposes).map_err(|_| AppError::Internal)?;
    tokens(db)
        .update_many(
            doc! {
                "user_id": user_id,
                "purpose": { "$in": purposes },
                "used_at": null,
            },
            doc! { "$set": { "used_at": now } },
        )
        .await?;
    Ok(())
}
