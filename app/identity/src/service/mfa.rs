//! TOTP two-step verification (RFC 6238, totp-rs): enrolment with a QR code, single-use
//! recovery codes, and the second log-in step. Secrets are encrypted at rest (AES-256-GCM under
//! a key derived from the app secret); recovery codes are stored as keyed MACs.

use super::auth::SignedIn;
use super::secrets::{mac, random_token, token_hash};
use super::users::{self, User};
use super::{auth, security_log};
use crate::model::{MfaSetup, MfaStatus};
use app_core::error::AppError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use mongodb::bson::{doc, DateTime};
use platform::request::ClientInfo;
use platform::AppState;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use totp_rs::{Algorithm, TOTP};

/// Collection of pending second steps.
pub const MFA_CHALLENGES: &str = "mfa_challenges";
/// How long the second step may take after the password.
pub const CHALLENGE_TTL: Duration = Duration::from_secs(5 * 60);
/// Wrong codes allowed per challenge; then the person starts again with the password.
pub const CHALLENGE_ATTEMPTS: i32 = 5;
const RECOVERY_CODES: usize = 10;
const STEP_SECS: i64 = 30;

fn seal(state: &AppState, secret: &[u8]) -> Result<String, AppError> {
    super::secrets::seal(state.config.app_secret.expose(), "totp-secret", secret)
}

fn open(state: &AppState, sealed: &str) -> Result<Vec<u8>, AppError> {
    super::secrets::open(state.config.app_secret.expose(), "totp-secret", sealed)
}

fn totp(secret: Vec<u8>, account: &str) -> Result<TOTP, AppError> {
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECS as u64,
        secret,
        Some("Mewayz".into()),
        account.replace(':', ""),
    )
    .map_err(|e| {
        tracing::error!(error = %e, "TOTP setup failed");
        AppError::Internal
    })
}

fn load(user: Option<User>) -> Result<User, AppError> {
    user.ok_or(AppError::Unauthorized)
}

/// Whether two-step verification is on, and how many recovery codes remain.
pub async fn status(state: &AppState, user_id: &str) -> Result<MfaStatus, AppError> {
    let user = load(users::by_id(&state.db, user_id).await?)?;
    Ok(MfaStatus {
        enabled: user.mfa_enabled_at.is_some(),
        recovery_codes_left: user.recovery_codes.len() as u32,
    })
}

/// Starts enrolment: a new secret, shown as a QR code and as a key to type.
pub async fn start_enrollment(state: &AppState, user_id: &str) -> Result<MfaSetup, AppError> {
    let user = load(users::by_id(&state.db, user_id).await?)?;
    if user.mfa_enabled_at.is_some() {
        return Err(AppError::Conflict {
            field: None,
            message: "Two-step verification is already on.".into(),
        });
    }
    let mut secret = vec![0u8; 20];
    rand::rng().fill_bytes(&mut secret);
    let t = totp(secret.clone(), &user.email)?;
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! { "$set": { "mfa_pending": seal(state, &secret)? } },
        )
        .await?;
    let url = t.get_url();
    let svg = qrcode::QrCode::new(url.as_bytes())
        .map_err(|_| AppError::Internal)?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    Ok(MfaSetup {
        manual_key: t.get_secret_base32(),
        otpauth_url: url,
        qr_svg: format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)),
    })
}

/// Accepts `code` for `user` if it is the current TOTP code (±1 step) not used before, or an
/// unused recovery code (which is then spent).
async fn accept_code(
    state: &AppState,
    user: &User,
    sealed: &str,
    code: &str,
) -> Result<bool, AppError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        let t = totp(open(state, sealed)?, &user.email)?;
        let now_step = state.clock.unix() / STEP_SECS;
        for step in [now_step - 1, now_step, now_step + 1] {
            if t.generate((step * STEP_SECS) as u64) != code {
                continue;
            }
            // Each code works once: record its step unless a later one was already used.
            let r = users::users(&state.db)
                .update_one(
                    doc! { "_id": &user.id, "$or": [ { "mfa_last_step": null }, { "mfa_last_step": { "$lt": step } } ] },
                    doc! { "$set": { "mfa_last_step": step } },
                )
                .await?;
            return Ok(r.modified_count == 1);
        }
        return Ok(false);
    }
    let normalized = code.to_lowercase().replace('-', "");
    let tag = mac(
        state.config.app_secret.expose(),
        "recovery-code",
        &normalized,
    );
    let r = users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id, "recovery_codes": &tag },
            doc! { "$pull": { "recovery_codes": &tag } },
        )
        .await?;
    Ok(r.modified_count == 1)
}

fn wrong_code() -> AppError {
    AppError::invalid(
        "code",
        "That code is not right. Check the time on your phone, or use a recovery code.",
    )
}

/// Finishes enrolment with a code from the app; returns the recovery codes, shown only now.
pub async fn confirm_enrollment(
    state: &AppState,
    client: &ClientInfo,
    user_id: &str,
    code: &str,
) -> Result<Vec<String>, AppError> {
    let user = load(users::by_id(&state.db, user_id).await?)?;
    let Some(pending) = user.mfa_pending.clone() else {
        return Err(AppError::invalid(
            "code",
            "Start the setup again: it was not found or already finished.",
        ));
    };
    if !accept_code(state, &user, &pending, code).await? {
        return Err(wrong_code());
    }
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let t = random_token().to_lowercase().replace(['-', '_'], "");
            format!("{}-{}", &t[..5], &t[5..10])
        })
        .collect();
    let tags: Vec<String> = codes
        .iter()
        .map(|c| {
            mac(
                state.config.app_secret.expose(),
                "recovery-code",
                &c.replace('-', ""),
            )
        })
        .collect();
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! {
                "$set": { "mfa_secret": &pending, "mfa_enabled_at": state.clock.now(), "recovery_codes": tags },
                "$unset": { "mfa_pending": "" },
            },
        )
        .await?;
    security_log::record(
        state,
        &user.id,
        "mfa.enabled",
        "Two-step verification turned on.",
        client,
    )
    .await?;
    Ok(codes)
}

/// Turns two-step verification off; needs the password and a current code.
pub async fn disable(
    state: &AppState,
    client: &ClientInfo,
    user_id: &str,
    password: &str,
    code: &str,
) -> Result<(), AppError> {
    let user = load(users::by_id(&state.db, user_id).await?)?;
    let Some(secret) = user.mfa_secret.clone() else {
        return Ok(());
    };
    if !super::passwords::of(state)
        .verify(password.to_owned(), user.password_hash.clone())
        .await?
    {
        return Err(AppError::invalid("password", "That password is not right."));
    }
    if !accept_code(state, &user, &secret, code).await? {
        return Err(wrong_code());
    }
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! { "$unset": { "mfa_secret": "", "mfa_enabled_at": "", "recovery_codes": "", "mfa_last_step": "" } },
        )
        .await?;
    security_log::record(
        state,
        &user.id,
        "mfa.disabled",
        "Two-step verification turned off.",
        client,
    )
    .await
}

/// A password was right; the code is still to come.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Challenge {
    #[serde(rename = "_id")]
    hash: String,
    user_id: String,
    next: String,
    /// Codes tried so far, counted before each is judged.
    attempts: i32,
    /// The browser is a trusted device of the account: the log-in pause does not apply.
    #[serde(default)]
    trusted: bool,
    expires_at: DateTime,
}

/// Opens the second step for `user_id`; returns the token for the challenge cookie.
pub async fn begin_challenge(
    state: &AppState,
    user_id: &str,
    next: &str,
    trusted: bool,
) -> Result<String, AppError> {
    let token = random_token();
    state
        .db
        .collection::<Challenge>(MFA_CHALLENGES)
        .insert_one(Challenge {
            hash: token_hash(&token),
            user_id: user_id.to_owned(),
            next: next.to_owned(),
            attempts: 0,
            trusted,
            expires_at: state.clock.after(CHALLENGE_TTL),
        })
        .await?;
    Ok(token)
}

/// Completes the second step with a TOTP or recovery code; returns the session and where to go.
/// A try is taken atomically before the code is judged, so however many arrive at once, at most
/// [`CHALLENGE_ATTEMPTS`] are judged; each wrong one counts towards the account's log-in pause
/// like a wrong password.
pub async fn complete_challenge(
    state: &AppState,
    client: &ClientInfo,
    token: &str,
    code: &str,
) -> Result<(SignedIn, String), AppError> {
    let challenges = state.db.collection::<Challenge>(MFA_CHALLENGES);
    let now = state.clock.now();
    let id = token_hash(token);
    let Some(ch) = challenges
        .find_one_and_update(
            doc! { "_id": &id, "expires_at": { "$gt": now }, "attempts": { "$lt": CHALLENGE_ATTEMPTS } },
            doc! { "$inc": { "attempts": 1 } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?
    else {
        return Err(match challenges.find_one_and_delete(doc! { "_id": &id }).await? {
            Some(_) => too_many(),
            None => expired(),
        });
    };
    let user = load(users::by_id(&state.db, &ch.user_id).await?)?;
    let Some(secret) = user.mfa_secret.clone() else {
        return Err(expired());
    };
    auth::unless_paused(&user, now, ch.trusted)?;
    if !accept_code(state, &user, &secret, code).await? {
        auth::record_failure(state, &user.id, now).await?;
        if ch.attempts >= CHALLENGE_ATTEMPTS {
            challenges.delete_one(doc! { "_id": &id }).await?;
            return Err(too_many());
        }
        return Err(wrong_code());
    }
    // Single use: of two right codes racing, one signs in.
    if challenges
        .find_one_and_delete(doc! { "_id": &id })
        .await?
        .is_none()
    {
        return Err(expired());
    }
    auth::clear_failures(state, &user.id).await?;
    let signed = auth::start_session(state, user, client).await?;
    Ok((signed, ch.next))
}

fn expired() -> AppError {
    AppError::invalid("form", "This sign-in has expired. Log in again.")
}

fn too_many() -> AppError {
    AppError::invalid("form", "Too many wrong codes. Log in again.")
}

/// `Set-Cookie` for the pending second step.
pub fn challenge_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
        super::cookies::MFA,
        CHALLENGE_TTL.as_secs()
    )
}
