//! What a campaign looks like before it goes: the preview beside the editor and a test send to
//! the member's own address.

use super::campaigns;
use super::lists;
use super::sender::reason;
use super::template::{self, Links};
use crate::model::{merge, merge_html, EmailPreview, Recipient};
use app_core::error::AppError;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::header;
use identity::service::middleware::Auth;
use mongodb::bson::doc;
use platform::mailer::Email;
use platform::AppState;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// The preview document's policy: the email's own inline styles and web images, nothing that
/// runs, and framed only by our pages.
const PREVIEW_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/// `GET /email/{workspace_id}/campaigns/{id}/preview`: the campaign's HTML as its own document,
/// for the editor's preview frame (the app's pages allow no inline styles, and email HTML is
/// made of them). Members of the workspace only.
pub async fn page(
    State(state): State<AppState>,
    Path((workspace_id, id)): Path<(String, String)>,
    req: Request,
) -> Response {
    let auth = req.extensions().get::<Auth>().cloned();
    let shown = async {
        let scope =
            WorkspaceScope::require(&state, auth.as_ref(), &workspace_id, Permission::View).await?;
        preview(&state, &scope, &id).await
    }
    .await;
    match shown {
        Ok(p) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CONTENT_SECURITY_POLICY, PREVIEW_CSP),
                (header::X_FRAME_OPTIONS, "SAMEORIGIN"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            p.html,
        )
            .into_response(),
        Err(e) => e.status_code().into_response(),
    }
}

/// Campaign `id` as `to` would get it, its links untracked.
async fn merged(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    to: &Recipient<'_>,
) -> Result<EmailPreview, AppError> {
    let c = campaigns::find(state, scope, id).await?;
    let list = lists::find(state, scope, &c.list_id).await?;
    let rendered = template::render(&c.blocks, &c.preview, &reason(&list), Links::Direct)?;
    Ok(EmailPreview {
        subject: merge(&c.subject, to),
        html: merge_html(&rendered.html, to),
        text: merge(&rendered.text, to),
    })
}

/// Campaign `id` as a reader without a known name would get it, its links untracked.
pub async fn preview(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<EmailPreview, AppError> {
    let to = Recipient {
        unsubscribe: "#",
        preferences: "#",
        ..Recipient::default()
    };
    merged(state, scope, id, &to).await
}

/// Sends campaign `id` to member `user_id`'s own verified address, subject marked as a test.
/// Returns the address. Counted against the workspace's daily email allowance.
pub async fn send_test(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    user_id: &str,
) -> Result<String, AppError> {
    let user = identity::service::users::users(&state.db)
        .find_one(doc! { "_id": user_id })
        .await?
        .ok_or(AppError::Unauthorized)?;
    if user.email_verified_at.is_none() {
        return Err(AppError::invalid(
            "form",
            "Confirm your email address first; tests go only to a confirmed address.",
        ));
    }
    let to = Recipient {
        email: &user.email,
        name: &user.name,
        unsubscribe: &state.config.base_url,
        preferences: &state.config.base_url,
        ..Recipient::default()
    };
    let message = merged(state, scope, id, &to).await?;
    super::usage::check(state, scope, 1).await?;
    state
        .limits
        .member_emails
        .check(scope.workspace_id())
        .await?;
    let email = Email {
        to: user.email.clone(),
        subject: format!("[Test] {}", message.subject),
        text: message.text,
        html: message.html,
    };
    state.send_email(email).await?;
    super::usage::add(state, scope.workspace_id(), 1).await?;
    Ok(user.email)
}
