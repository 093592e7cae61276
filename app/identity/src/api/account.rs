//! The account's settings: devices, name, email, password and the security log.

#[cfg(feature = "ssr")]
use super::guard;
use crate::model::{SecurityEventView, SessionView};
use app_core::error::AppError;
use leptos::prelude::*;

/// The signed-in devices of the account.
#[server(endpoint = "list_sessions")]
pub async fn list_sessions() -> Result<Vec<SessionView>, AppError> {
    use crate::service::{auth, require_auth};
    use platform::api::{respond, state};
    respond(async move {
        let a = require_auth()?;
        auth::list_sessions(&state(), &a.user_id, &a.sid).await
    })
    .await
}

/// Signs one device of the account out.
#[server(endpoint = "revoke_session")]
pub async fn revoke_session(id: String) -> Result<(), AppError> {
    use crate::service::{require_auth, sessions};
    use platform::api::{respond, state};
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

/// Changes the display name.
#[server(endpoint = "update_name")]
pub async fn update_name(name: String) -> Result<(), AppError> {
    use crate::service::{account, require_auth};
    use platform::api::{respond, state};
    respond(async move { account::update_name(&state(), &require_auth()?.user_id, &name).await })
        .await
}

/// Starts moving the account to a new email; it changes once the emailed link is used.
#[server(endpoint = "change_email")]
pub async fn change_email(email: String, current_password: String) -> Result<(), AppError> {
    use crate::service::{account, require_auth};
    use platform::api::{client, respond, state};
    respond(async move {
        let state = state();
        guard::limit(&state, &client(&state), "account").await?;
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
    use crate::service::{account, require_auth};
    use platform::api::{client, respond, set_cookie, state};
    respond(async move {
        let state = state();
        let client = client(&state);
        guard::limit(&state, &client, "account").await?;
        let a = require_auth()?;
        let device = account::change_password(
            &state,
            &client,
            &a.user_id,
            &a.sid,
            &current_password,
            &new_password,
        )
        .await?;
        set_cookie(device);
        Ok(())
    })
    .await
}

/// The account's security log, newest first.
#[server(endpoint = "list_security_events")]
pub async fn list_security_events() -> Result<Vec<SecurityEventView>, AppError> {
    use crate::service::{require_auth, security_log};
    use platform::api::{respond, state};
    respond(async move { security_log::recent(&state(), &require_auth()?.user_id).await }).await
}
