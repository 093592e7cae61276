//! Emailed links: confirming an address, resetting a password.

#[cfg(feature = "ssr")]
use super::guard;
use app_core::error::AppError;
use leptos::prelude::*;

/// Sends the verification email again (at most once a minute); its link leads on to `next`.
#[server(endpoint = "resend_verification")]
pub async fn resend_verification(#[server(default)] next: String) -> Result<(), AppError> {
    use crate::service::{links, require_auth};
    use platform::api::{respond, state};
    respond(async move {
        let auth_user = require_auth()?;
        links::resend_verification(&state(), &auth_user.user_id, Some(&next)).await
    })
    .await
}

/// Confirms an email address from the emailed link, then continues to `next` if it carries one.
#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String, #[server(default)] next: String) -> Result<(), AppError> {
    use crate::service::links;
    use platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "verify").await?;
        links::verify_email(&state, &client, &token).await?;
        if next.is_empty() {
            leptos_axum::redirect("/verify-email?verified=1");
        } else {
            leptos_axum::redirect(&app_core::url::safe_redirect(
                &state.config.base_url,
                Some(&next),
            ));
        }
        Ok(())
    })
    .await
}

/// Emails a password reset link if the address has an account; always answers the same.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::service::links;
    use platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "reset").await?;
        links::request_password_reset(&state, &email).await?;
        leptos_axum::redirect("/forgot-password?sent=1");
        Ok(())
    })
    .await
}

/// Sets a new password from a reset link and signs every device out.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::service::links;
    use platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "reset").await?;
        links::reset_password(&state, &client, &token, &password).await?;
        leptos_axum::redirect("/login?reset=1");
        Ok(())
    })
    .await
}
