//! The `users` collection.

use app_core::error::AppError;
use app_core::ids::new_id;
use mongodb::bson::{doc, DateTime};
use mongodb::Collection;
use platform::Db;
use serde::{Deserialize, Serialize};

/// Collection name.
pub const USERS: &str = "users";

/// An account.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    /// Id (ObjectId hex).
    #[serde(rename = "_id")]
    pub id: String,
    /// Display name.
    pub name: String,
    /// Email as typed.
    pub email: String,
    /// Normalised email: unique.
    pub email_lower: String,
    /// Argon2id PHC string; absent for accounts that only sign in with Google.
    pub password_hash: Option<String>,
    /// When the email was confirmed.
    pub email_verified_at: Option<DateTime>,
    /// When the account was created.
    pub created_at: DateTime,
    /// Wrong passwords in a row.
    #[serde(default)]
    pub failed_logins: i32,
    /// Password attempts are refused until then (unless from a trusted device).
    #[serde(default)]
    pub login_blocked_until: Option<DateTime>,
    /// When the last verification email went out, for the resend cooldown.
    #[serde(default)]
    pub verification_sent_at: Option<DateTime>,
    /// Encrypted TOTP secret awaiting its first code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_pending: Option<String>,
    /// Encrypted TOTP secret in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_secret: Option<String>,
    /// When two-step verification was turned on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_enabled_at: Option<DateTime>,
    /// The last TOTP time step accepted (codes are single-use).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_last_step: Option<i64>,
    /// MACs of the unused recovery codes.
    #[serde(default)]
    pub recovery_codes: Vec<String>,
    /// The Google account (OpenID `sub`) linked to this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub google_sub: Option<String>,
    /// Raised when every trusted device must be forgotten (new password, log out everywhere);
    /// trusted-device cookies carry the value they were issued under.
    #[serde(default)]
    pub device_epoch: i64,
}

impl User {
    /// A new account: no failed log-ins, no two-step verification yet.
    pub fn new(
        name: &str,
        email: &str,
        password_hash: Option<String>,
        email_verified_at: Option<DateTime>,
        google_sub: Option<String>,
        now: DateTime,
    ) -> Self {
        User {
            id: new_id(),
            name: name.trim().to_owned(),
            email: email.trim().to_owned(),
            email_lower: crate::model::normalize_email(email),
            password_hash,
            email_verified_at,
            created_at: now,
            failed_logins: 0,
            login_blocked_until: None,
            verification_sent_at: None,
            mfa_pending: None,
            mfa_secret: None,
            mfa_enabled_at: None,
            mfa_last_step: None,
            recovery_codes: Vec::new(),
            google_sub,
            device_epoch: 0,
        }
    }

    /// What screens show of the account; `admin_emails` is the platform's admin list.
    pub fn view(&self, admin_emails: &[String]) -> crate::model::UserView {
        crate::model::UserView {
            id: self.id.clone(),
            name: self.name.clone(),
            email: self.email.clone(),
            email_verified: self.email_verified_at.is_some(),
            platform_admin: self.is_platform_admin(admin_emails),
        }
    }

    /// Listed in `admin_emails` with that address confirmed: an unconfirmed address proves
    /// nothing about who registered it. (Two-step verification is checked on use.)
    pub fn is_platform_admin(&self, admin_emails: &[String]) -> bool {
        self.email_verified_at.is_some() && admin_emails.contains(&self.email_lower)
    }
}

/// The users collection.
pub fn users(db: &Db) -> Collection<User> {
    db.collection(USERS)
}

/// Finds an account by its (normalised) email.
pub async fn by_email(db: &Db, email_lower: &str) -> Result<Option<User>, AppError> {
    Ok(users(db)
        .find_one(doc! { "email_lower": email_lower })
        .await?)
}

/// Finds an account by id.
pub async fn by_id(db: &Db, id: &str) -> Result<Option<User>, AppError> {
    Ok(users(db).find_one(doc! { "_id": id }).await?)
}

/// The accounts among `ids` that exist, in one query, by id.
pub async fn by_ids<S: AsRef<str>>(
    db: &Db,
    ids: &[S],
) -> Result<std::collections::HashMap<String, User>, AppError> {
    use futures_util::TryStreamExt;
    let ids: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
    let found: Vec<User> = users(db)
        .find(doc! { "_id": { "$in": ids } })
        .await?
        .try_collect()
        .await?;
    Ok(found.into_iter().map(|u| (u.id.clone(), u)).collect())
}

/// Inserts a new account; a taken email is a conflict on the email field.
pub async fn insert(db: &Db, user: &User) -> Result<(), AppError> {
    match users(db).insert_one(user).await {
        Ok(_) => Ok(()),
        Err(e) => match AppError::from(e) {
            AppError::Conflict { .. } => Err(AppError::Conflict {
                field: Some("email".into()),
                message: "An account with this email already exists. Log in instead, or reset your password.".into(),
            }),
            other => Err(other),
        },
    }
}
