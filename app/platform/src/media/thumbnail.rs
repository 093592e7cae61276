use super::kind::Kind;
use super::store::files;
use crate::jobs::JobKind;
use crate::state::AppState;
use futures_util::future::BoxFuture;
use mongodb::bson::{doc, Document};

/// Makes an image's thumbnail; queued by [`super::Media::put_image`] for each new image.
pub const THUMBNAIL: JobKind = JobKind {
    name: "media.thumbnail",
    run,
    max_attempts: 3,
};

/// The box a thumbnail fits in, in pixels.
pub const THUMBNAIL_SIZE: u32 = 320;
/// Images wider or taller than this are not decoded (a small file can claim a huge canvas).
const MAX_SIDE: u32 = 10_000;

/// The thumbnail's key for the image at `key`.
pub fn thumbnail_key(key: &str, kind: Kind) -> String {
    let stem = key.rsplit_once('.').map_or(key, |(s, _)| s);
    format!("{stem}.thumb.{}", kind.extension())
}

fn run<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let key = payload.get_str("key").map_err(|e| e.to_string())?;
        let Some((bytes, kind)) = state.media.get(key).await.map_err(|e| e.to_string())? else {
            // Deleted meanwhile: nothing to do.
            return Ok(());
        };
        let made = tokio::task::spawn_blocking(move || shrink(&bytes, kind))
            .await
            .map_err(|e| e.to_string())??;
        let Some((thumb, thumb_kind)) = made else {
            return Ok(());
        };
        let thumb_key = thumbnail_key(key, thumb_kind);
        state
            .media
            .put_raw(&thumb_key, thumb)
            .await
            .map_err(|e| e.to_string())?;
        files(&state.db)
            .update_one(
                doc! { "_id": key },
                doc! { "$set": { "thumbnail": &thumb_key } },
            )
            .await
            .map_err(|e| e.to_string())?;
        Ok(())
    })
}

/// The image shrunk to fit the thumbnail box, as JPEG (PNG when it has transparency); `None`
/// when it is small enough already.
fn shrink(bytes: &[u8], kind: Kind) -> Result<Option<(Vec<u8>, Kind)>, String> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes));
    reader.set_format(kind.format());
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| e.to_string())?;
    if img.width() <= THUMBNAIL_SIZE && img.height() <= THUMBNAIL_SIZE {
        return Ok(None);
    }
    let small = img.thumbnail(THUMBNAIL_SIZE, THUMBNAIL_SIZE);
    let (format, kind, small) = if small.color().has_alpha() {
        (image::ImageFormat::Png, Kind::Png, small)
    } else {
        let rgb = image::DynamicImage::ImageRgb8(small.to_rgb8());
        (image::ImageFormat::Jpeg, Kind::Jpeg, rgb)
    };
    let mut out = std::io::Cursor::new(Vec::new());
    small
        .write_to(&mut out, format)
        .map_err(|e| e.to_string())?;
    Ok(Some((out.into_inner(), kind)))
}
