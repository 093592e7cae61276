//! Images of bio pages (the header's photo, image blocks, link thumbnails): uploaded from the
//! builder into the platform's media store, and what a public page knows of them when it is
//! rendered (their size, so the page reserves their space, and their thumbnail for small places).

use crate::model::{PageContent, MAX_IMAGE_BYTES};
use crate::render::StoredImage;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Json, Response};
use platform::AppState;

/// `POST /bio/{workspace_id}/images` with an `image` file field, from the builder: answers the
/// stored image as JSON (`url`, `width`, `height`), or the error as server functions answer it.
/// Editors and above; the bytes decide the type, and the plan's storage the room.
pub async fn upload(
    State(state): State<AppState>,
    Path(workspace_id): Path<String>,
    req: Request,
) -> Response {
    let stored =
        workspaces::service::uploads::image(&state, req, &workspace_id, MAX_IMAGE_BYTES).await;
    match stored {
        Ok(file) => Json(StoredImage {
            url: file.url(),
            width: file.width.unwrap_or_default(),
            height: file.height.unwrap_or_default(),
            thumbnail: None,
        })
        .into_response(),
        Err(e) => (e.status_code(), Json(e)).into_response(),
    }
}

/// The uploaded images `content` shows, as the media store knows them.
pub async fn known(state: &AppState, content: &PageContent) -> Vec<StoredImage> {
    platform::media::known(state, content.image_urls()).await
}
