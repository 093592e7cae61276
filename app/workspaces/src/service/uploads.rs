//! Images editors upload into the workspace's media store from the builders (bio pages,
//! emails): checked by their bytes and counted in the plan's storage.

use crate::model::Permission;
use crate::WorkspaceScope;
use app_core::error::AppError;
use axum::extract::Request;
use identity::service::Auth;
use platform::media::{file_field, File};
use platform::AppState;

/// Stores the `image` file field of `req` for workspace `workspace_id`, if the signed-in caller
/// may edit its content and the image is under `max_bytes`.
pub async fn image(
    state: &AppState,
    req: Request,
    workspace_id: &str,
    max_bytes: usize,
) -> Result<File, AppError> {
    let auth = req.extensions().get::<Auth>().cloned();
    let scope =
        WorkspaceScope::require(state, auth.as_ref(), workspace_id, Permission::EditContent)
            .await?;
    let bytes = file_field(req, "image").await?;
    state
        .media
        .put_image(state, scope.workspace_id(), "image", bytes, max_bytes)
        .await
}
