//! Identity server functions. Each one reads the caller, applies the per-IP limit where it
//! guards a credential, and delegates to the service.

use super::model::{MfaSetup, MfaStatus, SessionView, UserView};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod guard {
    use crate::error::AppError;
    use crate::platform::request::ClientInfo;
    use crate::platform::AppState;

    /// Per client IP and action, so one address cannot hammer the auth endpoints.
    pub fn limit(state: &AppState, client: &ClientInfo, action: &str) -> Result<(), AppError> {
        state
            .auth_limiter
            .check(&format!("{action}:{}", client.ip))
            .map_err(|retry_after_secs| AppError::RateLimited { retry_after_secs })
    }

    /// A local path to continue to after signing in; anything else goes to the dashboard.
    pub fn safe_next(next: Option<String>) -> String {
        next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
            .unwrap_or_else(|| "/app".into())
    }
}

/// Creates an account and signs it in; continues to the setup wizard (or back to an invitation).
#[server(endpoint = "register")]
pub async fn register(
    name: String,
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::identity::service::auth;
    use crate::platform::api::{client, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "register")?;
        let signed = auth::register(&state, &client, &name, &email, &password).await?;
        signed.cookies.into_iter().for_each(set_cookie);
        // New accounts go to the setup wizard unless they came to accept an invitation.
        let next = next
            .filter(|n| n.starts_with("/invite?"))
            .unwrap_or_else(|| "/onboarding".into());
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

/// Signs in with email and password; continues to `next` (a local path) or the dashboard.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::identity::service::{auth, cookies, mfa};
    use crate::platform::api::{client, parts, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "login")?;
        let header = parts()
            .headers
            .get(http::header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let device = cookies::get(&header, cookies::DEVICE);
        let next = guard::safe_next(next);
        match auth::login(&state, &client, &email, &password, device).await? {
            auth::LoginOutcome::SignedIn(signed) => {
                signed.cookies.into_iter().for_each(set_cookie);
                leptos_axum::redirect(&next);
            }
            auth::LoginOutcome::NeedsCode { user_id } => {
                let token = mfa::begin_challenge(&state, &user_id, &next).await?;
                set_cookie(mfa::challenge_cookie(&token, state.config.secure_cookies()));
                leptos_axum::redirect("/login/code");
            }
        }
        Ok(())
    })
    .await
}

/// Signs this browser out.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::identity::service::{cookies, current_auth, sessions};
    use crate::platform::api::{respond, set_cookie, state};
    respond(async move {
        let state = state();
        if let Some(auth) = current_auth() {
            sessions::revoke(&state.db, state.clock.now(), &auth.user_id, &auth.sid).await?;
        }
        cookies::sign_out(state.config.secure_cookies())
            .into_iter()
            .for_each(set_cookie);
        leptos_axum::redirect("/login");
        Ok(())
    })
    .await
}

/// Signs every device of the account out, this one included.
#[server(endpoint = "logout_everywhere")]
pub async fn logout_everywhere() -> Result<(), AppError> {
    use crate::identity::service::{cookies, require_auth, sessions};
    use crate::platform::api::{respond, set_cookie, state};
    respond(async move {
        let state = state();
        let auth = require_auth()?;
        sessions::revoke_all(&state.db, state.clock.now(), &auth.user_id, None).await?;
        cookies::sign_out(state.config.secure_cookies())
            .into_iter()
            .for_each(set_cookie);
        leptos_axum::redirect("/login");
        Ok(())
    })
    .await
}

/// The signed-in user, or `None`.
#[server(endpoint = "current_user")]
pub async fn current_user() -> Result<Option<UserView>, AppError> {
    use crate::identity::service::{current_auth, users};
    use crate::platform::api::{respond, state};
    respond(async move {
        let Some(auth) = current_auth() else {
            return Ok(None);
        };
        let state = state();
        Ok(users::by_id(&state.db, &auth.user_id)
            .await?
            .map(|u| u.view(&state.config.admin_emails)))
    })
    .await
}

/// Sends the verification email again (at most once a minute).
#[server(endpoint = "resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    use crate::identity::service::{auth, require_auth};
    use crate::platform::api::{respond, state};
    respond(async move {
        let auth_user = require_auth()?;
        auth::resend_verification(&state(), &auth_user.user_id).await
    })
    .await
}

/// Confirms an email address from the emailed link.
#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::identity::service::auth;
    use crate::platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "verify")?;
        auth::verify_email(&state, &token).await?;
        leptos_axum::redirect("/verify-email?verified=1");
        Ok(())
    })
    .await
}

/// Emails a password reset link if the address has an account; always answers the same.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::identity::service::auth;
    use crate::platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "reset")?;
        auth::request_password_reset(&state, &email).await?;
        leptos_axum::redirect("/forgot-password?sent=1");
        Ok(())
    })
    .await
}

/// Sets a new password from a reset link and signs every device out.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::identity::service::auth;
    use crate::platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "reset")?;
        auth::reset_password(&state, &token, &password).await?;
        leptos_axum::redirect("/login?reset=1");
        Ok(())
    })
    .await
}

/// The signed-in devices of the account.
#[server(endpoint = "list_sessions")]
pub async fn list_sessions() -> Result<Vec<SessionView>, AppError> {
    use crate::identity::service::{auth, require_auth};
    use crate::platform::api::{respond, state};
    respond(async move {
        let a = require_auth()?;
        auth::list_sessions(&state(), &a.user_id, &a.sid).await
    })
    .await
}

/// Signs one device of the account out.
#[server(endpoint = "revoke_session")]
pub async fn revoke_session(id: String) -> Result<(), AppError> {
    use crate::identity::service::{require_auth, sessions};
    use crate::platform::api::{respond, state};
    respond(async move {
        let a = require_auth()?;
        let state = state();
        if sessions::revoke(&state.db, state.clock.now(), &a.user_id, &id).await? {
            Ok(())
        } else {
            Err(AppError::NotFound {
                what: "That session".into(),
            })
        }
    })
    .await
}

/// Finishes a log-in with a code from the authenticator app or a recovery code.
#[server(endpoint = "login_code")]
pub async fn login_code(code: String) -> Result<(), AppError> {
    use crate::identity::service::{cookies, mfa};
    use crate::platform::api::{client, parts, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "login")?;
        let header = parts()
            .headers
            .get(http::header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let token = cookies::get(&header, cookies::MFA).unwrap_or_default();
        let (signed, next) = match mfa::complete_challenge(&state, &client, token, &code).await {
            Ok(done) => done,
            Err(e) => {
                if e.field_messages("form")
                    .iter()
                    .any(|m| m.contains("Log in again"))
                {
                    set_cookie(cookies::clear_mfa(state.config.secure_cookies()));
                }
                return Err(e);
            }
        };
        signed.cookies.into_iter().for_each(set_cookie);
        set_cookie(cookies::clear_mfa(state.config.secure_cookies()));
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

/// Whether two-step verification is on.
#[server(endpoint = "get_mfa_status")]
pub async fn get_mfa_status() -> Result<MfaStatus, AppError> {
    use crate::identity::service::{mfa, require_auth};
    use crate::platform::api::{respond, state};
    respond(async move { mfa::status(&state(), &require_auth()?.user_id).await }).await
}

/// Starts setting up an authenticator app.
#[server(endpoint = "start_mfa")]
pub async fn start_mfa() -> Result<MfaSetup, AppError> {
    use crate::identity::service::{mfa, require_auth};
    use crate::platform::api::{respond, state};
    respond(async move { mfa::start_enrollment(&state(), &require_auth()?.user_id).await }).await
}

/// Turns two-step verification on with a first code; returns the recovery codes (shown once).
#[server(endpoint = "confirm_mfa")]
pub async fn confirm_mfa(code: String) -> Result<Vec<String>, AppError> {
    use crate::identity::service::{mfa, require_auth};
    use crate::platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "mfa")?;
        mfa::confirm_enrollment(&state, &require_auth()?.user_id, &code).await
    })
    .await
}

/// Turns two-step verification off; needs the password and a code.
#[server(endpoint = "disable_mfa")]
pub async fn disable_mfa(password: String, code: String) -> Result<(), AppError> {
    use crate::identity::service::{mfa, require_auth};
    use crate::platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "mfa")?;
        mfa::disable(&state, &require_auth()?.user_id, &password, &code).await
    })
    .await
}

/// Which ways of signing in this server offers besides email and password.
#[server(endpoint = "auth_providers")]
pub async fn auth_providers() -> Result<super::model::AuthProviders, AppError> {
    use crate::platform::api::state;
    Ok(super::model::AuthProviders {
        google: state().google.is_some(),
    })
}

/// Changes the display name.
#[server(endpoint = "update_name")]
pub async fn update_name(name: String) -> Result<(), AppError> {
    use crate::identity::service::{account, require_auth};
    use crate::platform::api::{respond, state};
    respond(async move { account::update_name(&state(), &require_auth()?.user_id, &name).await })
        .await
}

/// Starts moving the account to a new email; it changes once the emailed link is used.
#[server(endpoint = "change_email")]
pub async fn change_email(email: String, current_password: String) -> Result<(), AppError> {
    use crate::identity::service::{account, require_auth};
    use crate::platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "account")?;
        account::request_email_change(&state, &require_auth()?.user_id, &email, &current_password)
            .await
    })
    .await
}

/// Changes the password (the current one is required); other devices are signed out.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::identity::service::{account, require_auth};
    use crate::platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "account")?;
        let a = require_auth()?;
        account::change_password(&state, &a.user_id, &a.sid, &current_password, &new_password).await
    })
    .await
}
