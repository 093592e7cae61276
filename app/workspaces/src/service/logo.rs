//! Workspace logos: uploaded as a plain multipart form (works before the app has loaded) and
//! kept in the platform's media store (checked by their bytes, counted in the plan's storage).

use super::store::workspaces;
use crate::model::Permission;
use crate::WorkspaceScope;
use app_core::error::AppError;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use identity::service::Auth;
use mongodb::bson::doc;
use platform::request::ClientInfo;
use platform::AppState;

/// The largest logo accepted.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

fn back(handle: &str, error: Option<&str>) -> Response {
    let mut to = format!("/app/{handle}/settings");
    if let Some(e) = error {
        to.push_str(&format!("?logo_error={e}"));
    }
    Redirect::to(&to).into_response()
}

/// `POST /workspaces/{id}/logo` with a `logo` file field.
pub async fn upload(
    State(state): State<AppState>,
    Path(workspace_id): Path<String>,
    req: Request,
) -> Response {
    let auth = req.extensions().get::<Auth>().cloned();
    let (parts, body) = req.into_parts();
    let client = ClientInfo::from_parts(&parts, state.config.trusted_proxy_hops);
    let scope = match WorkspaceScope::require(
        &state,
        auth.as_ref(),
        &workspace_id,
        Permission::ManageSettings,
    )
    .await
    {
        Ok(s) => s,
        Err(e) => return (e.status_code(), e.to_string()).into_response(),
    };
    let Ok(Some(ws)) = workspaces(&state.db)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await
    else {
        return (StatusCode::NOT_FOUND, "That workspace was not found.").into_response();
    };
    let Ok(bytes) = platform::media::file_field(Request::from_parts(parts, body), "logo").await
    else {
        return back(&ws.handle, Some("too_big"));
    };
    // The form comes back with a code its page explains (the media store checks all of this
    // again, and the plan's storage).
    if bytes.is_empty() {
        return back(&ws.handle, Some("missing"));
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return back(&ws.handle, Some("too_big"));
    }
    let stored = state
        .media
        .put_image(&state, scope.workspace_id(), "logo", bytes, MAX_LOGO_BYTES)
        .await;
    let file = match stored {
        Ok(f) => f,
        Err(AppError::Validation { .. }) => return back(&ws.handle, Some("type")),
        Err(AppError::LimitReached { .. }) => return back(&ws.handle, Some("storage")),
        Err(e) => return (e.status_code(), e.to_string()).into_response(),
    };
    match store(&state, &scope, &file.url(), ws.logo_url.as_deref()).await {
        Ok(()) => {
            let audit = crate::service::audit::record(
                &state,
                &scope,
                &client,
                "settings.logo",
                "Changed the logo".into(),
            )
            .await;
            if let Err(e) = audit {
                tracing::warn!(error = %e, "logo change not audited");
            }
            back(&ws.handle, None)
        }
        Err(e) => (e.status_code(), e.to_string()).into_response(),
    }
}

/// Points the workspace at its new logo and deletes the old one's file.
async fn store(
    state: &AppState,
    scope: &WorkspaceScope,
    url: &str,
    old_url: Option<&str>,
) -> Result<(), AppError> {
    workspaces(&state.db)
        .update_one(
            doc! { "_id": scope.workspace_id() },
            doc! { "$set": { "logo_url": url } },
        )
        .await?;
    if let Some(old) = old_url
        .and_then(|u| u.strip_prefix("/media/"))
        .filter(|old| Some(*old) != url.strip_prefix("/media/"))
    {
        state.media.delete(scope.filter(), old).await?;
    }
    platform::invalidate::invalidate(state, super::workspaces::CACHE, scope.workspace_id()).await;
    Ok(())
}
