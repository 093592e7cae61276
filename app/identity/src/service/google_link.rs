//! Which account a Google identity signs in to. An existing account is linked only when Google
//! says the email is verified. If that account never confirmed its address, whoever registered it
//! may not be its owner (account pre-hijacking): its password, two-step verification, sessions
//! and trusted devices are removed, and the security log says so.

use super::email_tokens::{self, Purpose};
use super::security_log;
use super::users::{self, User};
use crate::model::normalize_email;
use app_core::error::AppError;
use mongodb::bson::doc;
use mongodb::options::ReturnDocument;
use platform::request::ClientInfo;
use platform::AppState;

/// What Google told us about the person.
#[derive(Debug, Clone)]
pub struct GoogleIdentity {
    /// Stable Google account id.
    pub sub: String,
    /// Email, if shared.
    pub email: Option<String>,
    /// Whether Google verified that email.
    pub email_verified: bool,
    /// Display name.
    pub name: Option<String>,
}

/// Finds the account for a Google identity: by its link, else by a verified email (linking it),
/// else a new account. An unverified email matching an account is a conflict.
pub async fn link_or_create(
    state: &AppState,
    client: &ClientInfo,
    id: &GoogleIdentity,
) -> Result<User, AppError> {
    let accounts = users::users(&state.db);
    if let Some(user) = accounts.find_one(doc! { "google_sub": &id.sub }).await? {
        return Ok(user);
    }
    let email = id
        .email
        .clone()
        .ok_or_else(|| AppError::invalid("form", "Google did not share an email address."))?;
    let now = state.clock.now();
    if let Some(user) = users::by_email(&state.db, &normalize_email(&email)).await? {
        if !id.email_verified {
            return Err(AppError::Conflict {
                field: None,
                message: "Google has not verified this email; log in with your password instead."
                    .into(),
            });
        }
        if user.email_verified_at.is_none() {
            return take_back(state, client, &user, &id.sub).await;
        }
        let linked = accounts
            .find_one_and_update(
                doc! { "_id": &user.id },
                doc! { "$set": { "google_sub": &id.sub } },
            )
            .return_document(ReturnDocument::After)
            .await?
            .unwrap_or(user);
        security_log::record(
            state,
            &linked.id,
            "google.linked",
            "Google account linked for signing in.",
            client,
        )
        .await?;
        return Ok(linked);
    }
    let name = id
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| email.split('@').next().unwrap_or("").to_owned());
    let user = User::new(
        &name,
        &email,
        None,
        id.email_verified.then_some(now),
        Some(id.sub.clone()),
        now,
    );
    users::insert(&state.db, &user).await?;
    Ok(user)
}

/// Hands an account whose address was never confirmed to the Google identity that proves the
/// address: whoever registered it may have been someone else, so everything they could sign in
/// with goes (password, two-step verification, sessions, trusted devices, pending email links).
/// The owner sets a password through "Forgot password" if they want one. Returns the account.
async fn take_back(
    state: &AppState,
    client: &ClientInfo,
    user: &User,
    sub: &str,
) -> Result<User, AppError> {
    let now = state.clock.now();
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! {
                "$set": { "google_sub": sub, "email_verified_at": now, "failed_logins": 0, "login_blocked_until": null },
                "$unset": {
                    "password_hash": "", "mfa_secret": "", "mfa_pending": "", "mfa_enabled_at": "",
                    "mfa_last_step": "", "recovery_codes": "",
                },
            },
        )
        .await?;
    let user = super::auth::sign_out_everywhere(state, &user.id, None).await?;
    let every_link = [
        Purpose::VerifyEmail,
        Purpose::ResetPassword,
        Purpose::ChangeEmail,
    ];
    email_tokens::revoke_all(&state.db, now, &every_link, &user.id).await?;
    security_log::record(
        state,
        &user.id,
        "google.linked_unverified",
        "Signed in with Google, which confirmed this address. The account's address had never \
         been confirmed, so its earlier password, two-step verification and every session were \
         removed. Set a password with \"Forgot password\" if you want one.",
        client,
    )
    .await?;
    Ok(user)
}
