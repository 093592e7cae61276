//! Identity server functions. Each one reads the caller, applies the per-IP limit where it
//! guards a credential, and delegates to the service.

mod account;
mod jobs;
mod links;
mod mfa;

pub use account::*;
pub use jobs::*;
pub use links::*;
pub use mfa::*;

use super::model::UserView;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod guard {
    use app_core::error::AppError;
    use platform::request::ClientInfo;
    use platform::AppState;

    /// Per client IP and action, so one address cannot hammer the auth endpoints.
    pub async fn limit(
        state: &AppState,
        client: &ClientInfo,
        action: &str,
    ) -> Result<(), AppError> {
        state
            .limits
            .auth
            .check(&format!("{action}:{}", client.ip))
            .await
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
    use crate::service::auth;
    use platform::api::{client, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "register").await?;
        // New accounts go to the setup wizard unless they came to accept an invitation, which
        // the confirmation email leads back to.
        let invitation = next
            .map(|n| app_core::url::safe_redirect(&state.config.base_url, Some(&n)))
            .filter(|n| n.starts_with("/invite?"));
        let signed = auth::register(
            &state,
            &client,
            &name,
            &email,
            &password,
            invitation.as_deref(),
        )
        .await?;
        signed.cookies.into_iter().for_each(set_cookie);
        leptos_axum::redirect(invitation.as_deref().unwrap_or("/onboarding"));
        Ok(())
    })
    .await
}

/// Signs in with email and password; continues to `next` (a local path) or the dashboard.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::service::{auth, cookies, mfa};
    use platform::api::{client, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "login").await?;
        let device = cookies::of_request(cookies::DEVICE);
        let next = app_core::url::safe_redirect(&state.config.base_url, next.as_deref());
        match auth::login(&state, &client, &email, &password, device.as_deref()).await? {
            auth::LoginOutcome::SignedIn(signed) => {
                signed.cookies.into_iter().for_each(set_cookie);
                leptos_axum::redirect(&next);
            }
            auth::LoginOutcome::NeedsCode { user_id, trusted } => {
                let token = mfa::begin_challenge(&state, &user_id, &next, trusted).await?;
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
    use crate::service::{cookies, current_auth, sessions};
    use platform::api::{respond, set_cookie, state};
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

/// Signs every device of the account out, this one included; no browser stays trusted.
#[server(endpoint = "logout_everywhere")]
pub async fn logout_everywhere() -> Result<(), AppError> {
    use crate::service::{auth, cookies, require_auth, security_log};
    use platform::api::{client, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let me = require_auth()?;
        auth::sign_out_everywhere(&state, &me.user_id, None).await?;
        security_log::record(
            &state,
            &me.user_id,
            "sessions.revoked_all",
            "Logged out everywhere: every device was signed out.",
            &client(&state),
        )
        .await?;
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
    use crate::service::{current_auth, users};
    use platform::api::{respond, state};
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

/// Which ways of signing in this server offers besides email and password.
#[server(endpoint = "auth_providers")]
pub async fn auth_providers() -> Result<super::model::AuthProviders, AppError> {
    use platform::api::state;
    Ok(super::model::AuthProviders {
        google: crate::service::google::of(&state()).is_some(),
    })
}
