//! Two-step verification: the second log-in step, turning it on and off.

#[cfg(feature = "ssr")]
use super::guard;
use crate::model::{MfaSetup, MfaStatus};
use app_core::error::AppError;
use leptos::prelude::*;

/// Finishes a log-in with a code from the authenticator app or a recovery code.
#[server(endpoint = "login_code")]
pub async fn login_code(code: String) -> Result<(), AppError> {
    use crate::service::{cookies, mfa};
    use platform::api::{client, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "login").await?;
        let token = cookies::of_request(cookies::MFA).unwrap_or_default();
        let (signed, next) = match mfa::complete_challenge(&state, &client, &token, &code).await {
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
        leptos_axum::redirect(&app_core::url::safe_redirect(
            &state.config.base_url,
            Some(&next),
        ));
        Ok(())
    })
    .await
}

/// Whether two-step verification is on.
#[server(endpoint = "get_mfa_status")]
pub async fn get_mfa_status() -> Result<MfaStatus, AppError> {
    use crate::service::{mfa, require_auth};
    use platform::api::{respond, state};
    respond(async move { mfa::status(&state(), &require_auth()?.user_id).await }).await
}

/// Starts setting up an authenticator app.
#[server(endpoint = "start_mfa")]
pub async fn start_mfa() -> Result<MfaSetup, AppError> {
    use crate::service::{mfa, require_auth};
    use platform::api::{respond, state};
    respond(async move { mfa::start_enrollment(&state(), &require_auth()?.user_id).await }).await
}

/// Turns two-step verification on with a first code; returns the recovery codes (shown once).
#[server(endpoint = "confirm_mfa")]
pub async fn confirm_mfa(code: String) -> Result<Vec<String>, AppError> {
    use crate::service::{mfa, require_auth};
    use platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "mfa").await?;
        mfa::confirm_enrollment(&state, &client, &require_auth()?.user_id, &code).await
    })
    .await
}

/// Turns two-step verification off; needs the password and a code.
#[server(endpoint = "disable_mfa")]
pub async fn disable_mfa(password: String, code: String) -> Result<(), AppError> {
    use crate::service::{mfa, require_auth};
    use platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "mfa").await?;
        mfa::disable(&state, &client, &require_auth()?.user_id, &password, &code).await
    })
    .await
}
