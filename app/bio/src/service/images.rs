//! Images of bio pages (the header's photo, image blocks, link thumbnails): uploaded from the
//! builder into the platform's media store, and what a public page knows of them when it is
//! rendered (their size, so the page reserves their space, and their thumbnail for small places).

use crate::model::{PageContent, MAX_IMAGE_BYTES};
use crate::render::StoredImage;
use app_core::error::AppError;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Json, Response};
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use platform::media::files;
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

/// The uploaded images `content` shows, as the media store knows them. A page whose images
/// cannot be looked up is still served, without their sizes.
pub async fn known(state: &AppState, content: &PageContent) -> Vec<StoredImage> {
    let keys: Vec<&str> = content
        .image_urls()
        .filter_map(|u| u.strip_prefix("/media/"))
        .collect();
    if keys.is_empty() {
        return Vec::new();
    }
    let found = files(&state.db).find(doc! { "_id": { "$in": keys } }).await;
    let found: Result<Vec<_>, AppError> = match found {
        Ok(cursor) => cursor.try_collect().await.map_err(AppError::from),
        Err(e) => Err(e.into()),
    };
    match found {
        Ok(files) => files
            .into_iter()
            .map(|f| StoredImage {
                url: f.url(),
                width: f.width.unwrap_or_default(),
                height: f.height.unwrap_or_default(),
                thumbnail: f.thumbnail.map(|t| format!("/media/{t}")),
            })
            .collect(),
        Err(e) => {
            tracing::warn!(error = %e, "image sizes not found");
            Vec::new()
        }
    }
}
