//! The account flows: sign up, log in, log out, verify email, reset password, manage sessions.

use super::email_tokens::{self, Purpose};
use super::passwords::is_common;
use super::secrets::{mac, verify_mac};
use super::sessions::{self, Session};
use super::users::{self, User};
use super::{cookies, emails, jwt};
use crate::error::AppError;
use crate::identity::model::{
    describe_device, email_problem, name_problem, normalize_email, password_problem, Problems,
    SessionView,
};
use crate::platform::request::ClientInfo;
use crate::platform::AppState;
use mongodb::bson::{doc, DateTime};
use std::time::Duration;

/// Wrong passwords in a row before attempts are paused.
pub const FREE_ATTEMPTS: i32 = 10;
/// The first pause; it doubles with each further failure.
const FIRST_PAUSE: Duration = Duration::from_secs(60);
/// The longest pause.
const MAX_PAUSE: Duration = Duration::from_secs(15 * 60);
/// Minimum time between two verification emails.
pub const RESEND_COOLDOWN: Duration = Duration::from_secs(60);

/// The one answer for a wrong email or a wrong password.
fn wrong_credentials() -> AppError {
    AppError::invalid("form", "Incorrect email or password.")
}

/// Length and common-password rules for a new password, recorded against `password`.
pub fn password_rules(p: &mut Problems, password: &str) {
    let problem = password_problem(password).or_else(|| {
        is_common(password).then(|| {
            "This password is too common and easy to guess. Try a longer phrase.".to_owned()
        })
    });
    p.check("password", problem);
}

/// What a correct password leads to.
pub enum LoginOutcome {
    /// Signed in.
    SignedIn(Box<SignedIn>),
    /// Two-step verification is on: a code must follow.
    NeedsCode {
        /// Whose code.
        user_id: String,
    },
}

/// A signed-in browser: the `Set-Cookie` values to send.
pub struct SignedIn {
    /// The account.
    pub user: User,
    /// Cookies for the response.
    pub cookies: Vec<String>,
}

pub async fn start_session(
    state: &AppState,
    user: User,
    client: &ClientInfo,
) -> Result<SignedIn, AppError> {
    let now = state.clock.now();
    let (session, refresh) = sessions::create(&state.db, now, &user.id, client).await?;
    let secure = state.config.secure_cookies();
    let access = access_token(state, &session);
    let mut out: Vec<String> = cookies::sign_in(&access, &refresh, secure).into();
    let device = format!(
        "{}.{}",
        user.id,
        mac(state.config.app_secret.expose(), "device", &user.id)
    );
    out.push(cookies::device(&device, secure));
    Ok(SignedIn { user, cookies: out })
}

/// A fresh access token for `session`.
pub fn access_token(state: &AppState, session: &Session) -> String {
    jwt::issue(
        state.config.app_secret.expose(),
        &state.config.base_url,
        &session.user_id,
        &session.id,
        state.clock.unix(),
    )
}

/// Creates an account, signs it in and sends the verification email.
pub async fn register(
    state: &AppState,
    client: &ClientInfo,
    name: &str,
    email: &str,
    password: &str,
) -> Result<SignedIn, AppError> {
    let mut p = Problems::default();
    p.check("name", name_problem(name))
        .check("email", email_problem(email));
    password_rules(&mut p, password);
    p.into_result()?;

    let password_hash = state.passwords.hash(password.to_owned()).await?;
    let user = User::new(
        name,
        email,
        Some(password_hash),
        None,
        None,
        state.clock.now(),
    );
    users::insert(&state.db, &user).await?;
    // The account exists even if the email cannot go out now: the banner offers to resend.
    if let Err(e) = send_verification(state, &user).await {
        tracing::warn!(error = %e, user = %user.id, "verification email not sent at sign-up");
    }
    start_session(state, user, client).await
}

/// Checks the password and signs in. After [`FREE_ATTEMPTS`] wrong passwords in a row, attempts
/// are refused unchecked for a growing pause, except from a browser that has signed in to this
/// account before (so guessing cannot lock the owner out of their own devices).
pub async fn login(
    state: &AppState,
    client: &ClientInfo,
    email: &str,
    password: &str,
    device_cookie: Option<&str>,
) -> Result<LoginOutcome, AppError> {
    let mut p = Problems::default();
    p.check("email", email_problem(email)).check(
        "password",
        password.is_empty().then_some("Enter your password."),
    );
    p.into_result()?;

    let now = state.clock.now();
    let user = users::by_email(&state.db, &normalize_email(email)).await?;
    if let Some(u) = &user {
        let trusted = device_cookie.is_some_and(|c| is_trusted_device(state, c, &u.id));
        if let Some(until) = u.login_blocked_until.filter(|t| *t > now && !trusted) {
            let secs = (until.timestamp_millis() - now.timestamp_millis()) / 1000 + 1;
            return Err(AppError::RateLimited {
                retry_after_secs: secs as u64,
            });
        }
    }
    let ok = state
        .passwords
        .verify(
            password.to_owned(),
            user.as_ref().and_then(|u| u.password_hash.clone()),
        )
        .await?;
    let Some(user) = user else {
        return Err(wrong_credentials());
    };
    if !ok {
        record_failure(state, &user.id, now).await?;
        return Err(wrong_credentials());
    }
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! { "$set": { "failed_logins": 0, "login_blocked_until": null } },
        )
        .await?;
    if user.mfa_enabled_at.is_some() {
        return Ok(LoginOutcome::NeedsCode { user_id: user.id });
    }
    Ok(LoginOutcome::SignedIn(Box::new(
        start_session(state, user, client).await?,
    )))
}

async fn record_failure(state: &AppState, user_id: &str, now: DateTime) -> Result<(), AppError> {
    let updated = users::users(&state.db)
        .find_one_and_update(
            doc! { "_id": user_id },
            doc! { "$inc": { "failed_logins": 1 } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?;
    let failures = updated.map(|u| u.failed_logins).unwrap_or(0);
    if failures >= FREE_ATTEMPTS {
        let doublings = (failures - FREE_ATTEMPTS).min(10) as u32;
        let pause = (FIRST_PAUSE * 2u32.pow(doublings)).min(MAX_PAUSE);
        let until = DateTime::from_millis(now.timestamp_millis() + pause.as_millis() as i64);
        users::users(&state.db)
            .update_one(
                doc! { "_id": user_id },
                doc! { "$set": { "login_blocked_until": until } },
            )
            .await?;
        tracing::warn!(user = %user_id, failures, pause_secs = pause.as_secs(), "log-in paused after repeated wrong passwords");
    }
    Ok(())
}

fn is_trusted_device(state: &AppState, cookie: &str, user_id: &str) -> bool {
    cookie.split_once('.').is_some_and(|(id, tag)| {
        id == user_id && verify_mac(state.config.app_secret.expose(), "device", id, tag)
    })
}

/// Emails a verification link for the account's current address.
pub async fn send_verification(state: &AppState, user: &User) -> Result<(), AppError> {
    let now = state.clock.now();
    let token =
        email_tokens::issue(&state.db, now, Purpose::VerifyEmail, &user.id, &user.email).await?;
    let link = format!("{}/verify-email?token={token}", state.config.base_url);
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! { "$set": { "verification_sent_at": now } },
        )
        .await?;
    state
        .mailer
        .send(emails::verify_email(&user.email, &user.name, &link))
        .await
}

/// Sends another verification email, at most once per [`RESEND_COOLDOWN`].
pub async fn resend_verification(state: &AppState, user_id: &str) -> Result<(), AppError> {
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
    send_verification(state, &user).await
}

fn bad_link() -> AppError {
    AppError::invalid(
        "token",
        "This link has expired or was already used. Request a new one.",
    )
}

/// Confirms the address a verification link was sent to.
pub async fn verify_email(state: &AppState, token: &str) -> Result<(), AppError> {
    if super::account::confirm_email_change(state, token).await? {
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
                .mailer
                .send(emails::reset_password(&user.email, &user.name, &link))
                .await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "password reset email not sent");
        }
    });
    Ok(())
}

/// Sets a new password from a reset link; every session of the account ends.
pub async fn reset_password(state: &AppState, token: &str, password: &str) -> Result<(), AppError> {
    let mut p = Problems::default();
    password_rules(&mut p, password);
    p.into_result()?;
    let now = state.clock.now();
    let t = email_tokens::consume(&state.db, now, Purpose::ResetPassword, token)
        .await?
        .ok_or_else(bad_link)?;
    let hash = state.passwords.hash(password.to_owned()).await?;
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
    sessions::revoke_all(&state.db, now, &t.user_id, None).await?;
    email_tokens::revoke_all(&state.db, now, Purpose::ResetPassword, &t.user_id).await?;
    Ok(())
}

/// The account's signed-in devices.
pub async fn list_sessions(
    state: &AppState,
    user_id: &str,
    current_sid: &str,
) -> Result<Vec<SessionView>, AppError> {
    let now = state.clock.now();
    Ok(sessions::list(&state.db, now, user_id)
        .await?
        .into_iter()
        .map(|s| SessionView {
            current: s.id == current_sid,
            device: describe_device(&s.user_agent),
            ip: s.ip,
            created_at: rfc3339(s.created_at),
            last_seen_at: rfc3339(s.last_seen_at),
            id: s.id,
        })
        .collect())
}

fn rfc3339(t: DateTime) -> String {
    t.try_to_rfc3339_string().unwrap_or_default()
}
