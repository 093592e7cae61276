use app_core::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};

/// The bytes of the file field `name` of the multipart form in `req` (empty when it has none).
/// A form that cannot be read, because it is not one or is past the route's body limit, is a
/// validation error on `name`.
pub async fn file_field(req: Request, name: &str) -> Result<Bytes, AppError> {
    let unreadable = || AppError::invalid(name, "The file could not be read. Is it too large?");
    let mut form = Multipart::from_request(req, &())
        .await
        .map_err(|_| unreadable())?;
    while let Some(field) = form.next_field().await.map_err(|_| unreadable())? {
        if field.name() == Some(name) {
            return field.bytes().await.map_err(|_| unreadable());
        }
    }
    Ok(Bytes::new())
}
