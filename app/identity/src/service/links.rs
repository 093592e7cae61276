//! The flows behind emailed links: confirming an address (also for an invitation waiting on
//! it) and resetting a forgotten password. A link proves the address it was sent to, and only
//! while the account still has that address.

use super::email_tokens::{self, Purpose};
use super::users::{self, User};
use super::{emails, security_log};
use crate::model::{email_problem, normalize_email, Problems};
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::request::ClientInfo;
use platform::AppState;
use std::time::Duration;

/// Minimum time between two verification emails.
pub const RESEND_COOLDOWN: Duration = Duration::from_secs(60);

/// Emails a verification link for the account's current address; after confirming, the link
/// leads on to `continue_to` (a local path, e.g. the invitation that asked for it).
pub async fn send_verification(
    state: &AppState,
    user: &User,
    continue_to: Option<&str>,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let token =
        email_tokens::issue(&state.db, now, Purpose::VerifyEmail, &user.id, &user.email).await?;
    let mut link = format!("{}/verify-email?token={token}", state.config.base_url);
    if let Some(next) = continue_to.filter(|n| !n.is_empty()) {
        let next = app_core::url::safe_redirect(&state.config.base_url, Some(next));
        link.push_str(&format!(
            "&next={}",
            app_core::url::encode_query_value(&next)
        ));
    }
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! { "$set": { "verification_sent_at": now } },
        )
        .await?;
    state
        .send_email(emails::verify_email(&user.email, &user.name, &link))
        .await
}

/// Sends another verification email, at most once per [`RESEND_COOLDOWN`].
pub async fn resend_verification(
    state: &AppState,
    user_id: &str,
    continue_to: Option<&str>,
) -> Result<(), AppError> {
    let user = users::by_id(&state.db, user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    if user.email_verified_at.is_some() {
        return Ok(());
    }
    let now = state.clock.now();
    if let Some(sent) = user.verification_sent_at {
        let elapsed = now.timestamp_millis() - sent.timestamp_millis();
        let cooldown = RESEND_COOLDOWN.as_millis() as i64;
        if elapsed < cooldown {
            return Err(AppError::RateLimited {
                retry_after_secs: ((cooldown - elapsed) / 1000 + 1) as u64,
            });
        }
    }
    send_verification(state, &user, continue_to).await
}

fn bad_link() -> AppError {
    AppError::invalid(
        "token",
        "This link has expired or was already used. Request a new one.",
    )
}

/// Confirms the address a verification link was sent to.
pub async fn verify_email(
    state: &AppState,
    client: &ClientInfo,
    token: &str,
) -> Result<(), AppError> {
    if super::account::confirm_email_change(state, client, token).await? {
        return Ok(());
    }
    let now = state.clock.now();
    let t = email_tokens::consume(&state.db, now, Purpose::VerifyEmail, token)
        .await?
        .ok_or_else(bad_link)?;
    // A link sent to an address the account no longer has proves nothing about the new one.
    let r = users::users(&state.db)
        .update_one(
            doc! { "_id": &t.user_id, "email": &t.email },
            doc! { "$set": { "email_verified_at": now } },
        )
        .await?;
    if r.matched_count == 0 {
        return Err(bad_link());
    }
    Ok(())
}

/// Emails a reset link if an account has this address. Answers the same, in the same time,
/// whether or not it does: the email goes out in the background.
pub async fn request_password_reset(state: &AppState, email: &str) -> Result<(), AppError> {
    let mut p = Problems::default();
    p.check("email", email_problem(email));
    p.into_result()?;
    let state = state.clone();
    let email = normalize_email(email);
    tokio::spawn(async move {
        let result: Result<(), AppError> = async {
            let Some(user) = users::by_email(&state.db, &email).await? else {
                return Ok(());
            };
            let now = state.clock.now();
            let token = email_tokens::issue(
                &state.db,
                now,
                Purpose::ResetPassword,
                &user.id,
                &user.email,
            )
            .await?;
            let link = format!("{}/reset-password?token={token}", state.config.base_url);
            state
                .send_email(emails::reset_password(&user.email, &user.name, &link))
                .await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "password reset email not sent");
        }
    });
    Ok(())
}

/// Sets a new password from a reset link; every session and trusted device of the account ends.
/// A link works only while the account still has the address it was sent to.
pub async fn reset_password(
    state: &AppState,
    client: &ClientInfo,
    token: &str,
    password: &str,
) -> Result<(), AppError> {
    let mut p = Problems::default();
    super::auth::password_rules(&mut p, password);
    p.into_result()?;
    let now = state.clock.now();
    let t = email_tokens::consume(&state.db, now, Purpose::ResetPassword, token)
        .await?
        .ok_or_else(bad_link)?;
    let owner = users::by_id(&state.db, &t.user_id).await?;
    if owner.is_none_or(|u| u.email_lower != normalize_email(&t.email)) {
        return Err(bad_link());
    }
    let hash = super::passwords::of(state)
        .hash(password.to_owned())
        .await?;
    let accounts = users::users(&state.db);
    accounts
        .update_one(
            doc! { "_id": &t.user_id },
            doc! { "$set": { "password_hash": hash, "failed_logins": 0, "login_blocked_until": null } },
        )
        .await?;
    // Receiving the link proves the address.
    accounts
        .update_one(
            doc! { "_id": &t.user_id, "email": &t.email, "email_verified_at": null },
            doc! { "$set": { "email_verified_at": now } },
        )
        .await?;
    email_tokens::revoke_all(&state.db, now, &[Purpose::ResetPassword], &t.user_id).await?;
    super::auth::sign_out_everywhere(state, &t.user_id, None).await?;
    security_log::record(
        state,
        &t.user_id,
        "password.reset",
        "Password set from an emailed reset link; every device was signed out.",
        client,
    )
    .await
}
