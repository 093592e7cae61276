use super::store::files;
use crate::state::AppState;
use app_core::error::AppError;
use app_core::image::StoredImage;
use futures_util::TryStreamExt;
use mongodb::bson::doc;

/// What the media store knows of the uploaded images among `urls` (`/media/…`; others are
/// skipped), for a public page being rendered. A page whose images cannot be looked up is
/// still served, without their sizes.
pub async fn known<'a>(state: &AppState, urls: impl Iterator<Item = &'a str>) -> Vec<StoredImage> {
    let keys: Vec<&str> = urls.filter_map(|u| u.strip_prefix("/media/")).collect();
    if keys.is_empty() {
        return Vec::new();
    }
    let found: Result<Vec<_>, AppError> =
        match files(&state.db).find(doc! { "_id": { "$in": keys } }).await {
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
