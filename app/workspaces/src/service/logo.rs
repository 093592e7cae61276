//! Workspace logos: uploaded as a plain multipart form (works before the app has loaded), checked
//! by their bytes, stored in the `media` collection and served at `/media/<id>`.

use super::store::workspaces;
use crate::model::Permission;
use crate::WorkspaceScope;
use app_core::error::AppError;
use axum::body::Body;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use identity::service::Auth;
use mongodb::bson::{doc, spec::BinarySubtype, Binary, DateTime};
use platform::request::ClientInfo;
use platform::AppState;
use serde::{Deserialize, Serialize};

/// Collection of uploaded images.
pub const MEDIA: &str = "media";
/// The largest logo accepted.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

/// An uploaded image.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Media {
    /// Id, also its URL.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owning workspace.
    pub workspace_id: String,
    /// MIME type, from the bytes.
    pub content_type: String,
    /// The image.
    pub data: Binary,
    /// Upload time.
    pub created_at: DateTime,
}

/// The image type of `bytes`, recognised by signature (never by the name or the browser's
/// claim). SVG is refused: it can carry scripts.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else {
        None
    }
}

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
    let req = Request::from_parts(parts, body);
    let Ok(mut form) = <Multipart as axum::extract::FromRequest<()>>::from_request(req, &()).await
    else {
        return back(&ws.handle, Some("form"));
    };
    let mut bytes = Vec::new();
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("logo") => match field.bytes().await {
                Ok(b) => {
                    bytes = b.to_vec();
                    break;
                }
                Err(_) => return back(&ws.handle, Some("too_big")),
            },
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(_) => return back(&ws.handle, Some("too_big")),
        }
    }
    if bytes.is_empty() {
        return back(&ws.handle, Some("missing"));
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return back(&ws.handle, Some("too_big"));
    }
    let Some(content_type) = sniff_image(&bytes) else {
        return back(&ws.handle, Some("type"));
    };
    match store(&state, &scope, content_type, bytes, ws.logo_url.as_deref()).await {
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

async fn store(
    state: &AppState,
    scope: &WorkspaceScope,
    content_type: &str,
    bytes: Vec<u8>,
    old_url: Option<&str>,
) -> Result<(), AppError> {
    let media = Media {
        id: app_core::ids::new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        content_type: content_type.to_owned(),
        data: Binary {
            subtype: BinarySubtype::Generic,
            bytes,
        },
        created_at: state.clock.now(),
    };
    state
        .db
        .collection::<Media>(MEDIA)
        .insert_one(&media)
        .await?;
    workspaces(&state.db)
        .update_one(
            doc! { "_id": scope.workspace_id() },
            doc! { "$set": { "logo_url": format!("/media/{}", media.id) } },
        )
        .await?;
    if let Some(old) = old_url.and_then(|u| u.strip_prefix("/media/")) {
        state
            .db
            .collection::<Media>(MEDIA)
            .delete_one(scope.filter_with(doc! { "_id": old }))
            .await?;
    }
    Ok(())
}

/// `GET /media/{id}`: an uploaded image. Ids are never reused, so it may be cached for a year.
pub async fn serve(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state
        .db
        .collection::<Media>(MEDIA)
        .find_one(doc! { "_id": &id })
        .await
    {
        Ok(Some(m)) => {
            let mut res = Response::new(Body::from(m.data.bytes));
            let h = res.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&m.content_type) {
                h.insert(header::CONTENT_TYPE, v);
            }
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            res
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Not found").into_response(),
        Err(e) => AppError::from(e).status_code().into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::sniff_image;

    #[test]
    fn images_are_recognised_by_their_bytes() {
        assert_eq!(sniff_image(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(sniff_image(b"\xFF\xD8\xFF\xE0"), Some("image/jpeg"));
        assert_eq!(sniff_image(b"RIFF1234WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff_image(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_image(b"GIF89a..."), Some("image/gif"));
    }
}
