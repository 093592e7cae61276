//! Images for emails' image blocks, uploaded from the editor into the workspace's media and
//! answered with an absolute address, as mail clients need.

use crate::model::MAX_EMAIL_IMAGE_BYTES;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Json, Response};
use platform::AppState;

/// `POST /email/{workspace_id}/images` with an `image` file field: `{"url": …}` (absolute), or
/// the error as server functions answer it. Editors and above.
pub async fn upload(
    State(state): State<AppState>,
    Path(workspace_id): Path<String>,
    req: Request,
) -> Response {
    let stored =
        workspaces::service::uploads::image(&state, req, &workspace_id, MAX_EMAIL_IMAGE_BYTES)
            .await;
    match stored {
        Ok(file) => {
            let url = format!("{}{}", state.config.base_url, file.url());
            Json(serde_json::json!({ "url": url })).into_response()
        }
        Err(e) => (e.status_code(), Json(e)).into_response(),
    }
}
