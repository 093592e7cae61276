//! The account flows: sign up, log in (and its pause after repeated failures), sessions.

use super::passwords::is_common;
use super::sessions::{self, Session};
use super::users::{self, User};
use super::{cookies, devices, jwt};
use crate::model::{
    describe_device, email_problem, name_problem, normalize_email, password_problem, Problems,
    SessionView,
};
use app_core::error::AppError;
use mongodb::bson::{doc, DateTime};
use platform::clock::rfc3339;
use platform::request::ClientInfo;
use platform::AppState;
use std::time::Duration;

/// Wrong passwords in a row before attempts are paused.
pub const FREE_ATTEMPTS: i32 = 10;
/// The first pause; it doubles with each further failure.
const FIRST_PAUSE: Duration = Duration::from_secs(60);
/// The longest pause.
const MAX_PAUSE: Duration = Duration::from_secs(15 * 60);

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
        /// Whether this browser is a trusted device of the account (exempt from the pause).
        trusted: bool,
    },
}

/// A signed-in browser: the `Set-Cookie` values to send.
pub struct SignedIn {
    /// The account.
    pub user: User,
    /// Cookies for the response.
    pub cookies: Vec<String>,
}

/// Starts a session for `user` in this browser, which becomes a trusted device of the account.
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
    out.push(devices::cookie(state, &user));
    Ok(SignedIn { user, cookies: out })
}

/// Ends every session of `user_id` but `keep` and forgets every browser trusted for it: what a
/// new password, a reset, "log out everywhere" and a Google take-back all mean. Returns the
/// account as it is now, with its new device epoch.
pub async fn sign_out_everywhere(
    state: &AppState,
    user_id: &str,
    keep: Option<&str>,
) -> Result<User, AppError> {
    sessions::revoke_all(&state.db, state.clock.now(), user_id, keep).await?;
    users::users(&state.db)
        .find_one_and_update(
            doc! { "_id": user_id },
            doc! { "$inc": { "device_epoch": 1_i64 } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?
        .ok_or(AppError::Unauthorized)
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

/// Creates an account, signs it in and sends the verification email, whose link leads on to
/// `continue_to` (a local path) once the address is confirmed.
pub async fn register(
    state: &AppState,
    client: &ClientInfo,
    name: &str,
    email: &str,
    password: &str,
    continue_to: Option<&str>,
) -> Result<SignedIn, AppError> {
    let mut p = Problems::default();
    p.check("name", name_problem(name))
        .check("email", email_problem(email));
    password_rules(&mut p, password);
    p.into_result()?;

    let password_hash = super::passwords::of(state)
        .hash(password.to_owned())
        .await?;
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
    if let Err(e) = super::links::send_verification(state, &user, continue_to).await {
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
    let trusted = match (&user, device_cookie) {
        (Some(u), Some(c)) => devices::is_trusted(state, c, u),
        _ => false,
    };
    if let Some(u) = &user {
        unless_paused(u, now, trusted)?;
    }
    let ok = super::passwords::of(state)
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
    if user.mfa_enabled_at.is_some() {
        // The count of failures is cleared only once the code is right too: knowing the
        // password must not wipe the wrong codes guessed so far.
        return Ok(LoginOutcome::NeedsCode {
            user_id: user.id,
            trusted,
        });
    }
    clear_failures(state, &user.id).await?;
    Ok(LoginOutcome::SignedIn(Box::new(
        start_session(state, user, client).await?,
    )))
}

/// Refuses with the time left while the account's log-ins are paused, unless `trusted`.
pub fn unless_paused(user: &User, now: DateTime, trusted: bool) -> Result<(), AppError> {
    match user.login_blocked_until.filter(|t| *t > now && !trusted) {
        Some(until) => Err(AppError::RateLimited {
            retry_after_secs: ((until.timestamp_millis() - now.timestamp_millis()) / 1000 + 1)
                as u64,
        }),
        None => Ok(()),
    }
}

/// A complete sign-in: the run of failures is over.
pub async fn clear_failures(state: &AppState, user_id: &str) -> Result<(), AppError> {
    users::users(&state.db)
        .update_one(
            doc! { "_id": user_id },
            doc! { "$set": { "failed_logins": 0, "login_blocked_until": null } },
        )
        .await?;
    Ok(())
}

/// Counts a wrong password or code; from [`FREE_ATTEMPTS`] on, log-ins pause, longer each time.
pub async fn record_failure(
    state: &AppState,
    user_id: &str,
    now: DateTime,
) -> Result<(), AppError> {
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
