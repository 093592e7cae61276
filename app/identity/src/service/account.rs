//! Account settings: display name, email change with re-verification, password change.

use super::email_tokens::{self, Purpose};
use super::users;
use super::{devices, emails, security_log};
use crate::model::{email_problem, name_problem, normalize_email, Problems};
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::request::ClientInfo;
use platform::AppState;

async fn check_password(
    state: &AppState,
    user: &users::User,
    password: &str,
) -> Result<(), AppError> {
    // Accounts created with Google have no password to check.
    if user.password_hash.is_none() {
        return Ok(());
    }
    if super::passwords::of(state)
        .verify(password.to_owned(), user.password_hash.clone())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::invalid(
            "current_password",
            "That password is not right.",
        ))
    }
}

/// Renames the account.
pub async fn update_name(state: &AppState, user_id: &str, name: &str) -> Result<(), AppError> {
    let mut p = Problems::default();
    p.check("name", name_problem(name));
    p.into_result()?;
    users::users(&state.db)
        .update_one(
            doc! { "_id": user_id },
            doc! { "$set": { "name": name.trim() } },
        )
        .await?;
    Ok(())
}

/// Sends a confirmation link to `new_email`; the account moves there once it is clicked.
pub async fn request_email_change(
    state: &AppState,
    user_id: &str,
    new_email: &str,
    password: &str,
) -> Result<(), AppError> {
    let mut p = Problems::default();
    p.check("email", email_problem(new_email));
    p.into_result()?;
    let user = users::by_id(&state.db, user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    check_password(state, &user, password).await?;
    let new_email = new_email.trim();
    if normalize_email(new_email) == user.email_lower {
        return Err(AppError::invalid("email", "That is already your email."));
    }
    if users::by_email(&state.db, &normalize_email(new_email))
        .await?
        .is_some()
    {
        return Err(AppError::Conflict {
            field: Some("email".into()),
            message: "Another account uses that email.".into(),
        });
    }
    let token = email_tokens::issue(
        &state.db,
        state.clock.now(),
        Purpose::ChangeEmail,
        &user.id,
        new_email,
    )
    .await?;
    let link = format!("{}/verify-email?token={token}", state.config.base_url);
    state
        .send_email(emails::confirm_new_email(new_email, &user.name, &link))
        .await
}

/// Applies an email change from its confirmation link; tells the old address. Links sent to the
/// old address (password resets, verification) stop working.
pub async fn confirm_email_change(
    state: &AppState,
    client: &ClientInfo,
    token: &str,
) -> Result<bool, AppError> {
    let now = state.clock.now();
    let Some(t) = email_tokens::consume(&state.db, now, Purpose::ChangeEmail, token).await? else {
        return Ok(false);
    };
    let user = users::by_id(&state.db, &t.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let result = users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! { "$set": { "email": &t.email, "email_lower": normalize_email(&t.email), "email_verified_at": now } },
        )
        .await;
    match result.map_err(AppError::from) {
        Ok(_) => {}
        Err(AppError::Conflict { .. }) => {
            return Err(AppError::invalid(
                "token",
                "Another account started using that email in the meantime.",
            ))
        }
        Err(e) => return Err(e),
    }
    email_tokens::revoke_all(
        &state.db,
        now,
        &[Purpose::ResetPassword, Purpose::VerifyEmail],
        &user.id,
    )
    .await?;
    security_log::record(
        state,
        &user.id,
        "email.changed",
        &format!("Email changed from {} to {}.", user.email, t.email),
        client,
    )
    .await?;
    if let Err(e) = state
        .send_email(emails::email_changed(&user.email, &user.name, &t.email))
        .await
    {
        tracing::warn!(error = %e, "could not notify the old address of an email change");
    }
    Ok(true)
}

/// Changes the password; every other session and every trusted device of the account ends.
/// Returns the `Set-Cookie` that trusts this browser again.
pub async fn change_password(
    state: &AppState,
    client: &ClientInfo,
    user_id: &str,
    current_sid: &str,
    current: &str,
    new: &str,
) -> Result<String, AppError> {
    let user = users::by_id(&state.db, user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    if user.password_hash.is_some() && current.is_empty() {
        return Err(AppError::invalid(
            "current_password",
            "Enter your current password.",
        ));
    }
    check_password(state, &user, current).await?;
    let mut p = Problems::default();
    super::auth::password_rules(&mut p, new);
    p.into_result().map_err(|e| match e {
        AppError::Validation { fields } => AppError::Validation {
            fields: fields
                .into_iter()
                .map(|(k, v)| {
                    (
                        if k == "password" {
                            "new_password".into()
                        } else {
                            k
                        },
                        v,
                    )
                })
                .collect(),
        },
        other => other,
    })?;
    let hash = super::passwords::of(state).hash(new.to_owned()).await?;
    users::users(&state.db)
        .update_one(
            doc! { "_id": &user.id },
            doc! { "$set": { "password_hash": hash } },
        )
        .await?;
    let user = super::auth::sign_out_everywhere(state, &user.id, Some(current_sid)).await?;
    security_log::record(
        state,
        &user.id,
        "password.changed",
        "Password changed; other devices were signed out.",
        client,
    )
    .await?;
    Ok(devices::cookie(state, &user))
}
