use super::kind::Kind;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// `GET /media/{*key}`: a stored file. Keys name their content, so the answer may be cached for
/// a year; with `MEDIA_CDN_URL` set, browsers are sent there instead.
pub async fn serve(State(state): State<AppState>, Path(key): Path<String>) -> Response {
    if let Some(cdn) = &state.media.cdn_url {
        return Redirect::permanent(&format!("{cdn}/{key}")).into_response();
    }
    match state.media.get(&key).await {
        Ok(Some((bytes, kind))) => file(bytes, kind),
        Ok(None) => (StatusCode::NOT_FOUND, "Not found").into_response(),
        Err(e) => (e.status_code(), e.to_string()).into_response(),
    }
}

fn file(bytes: axum::body::Bytes, kind: Kind) -> Response {
    let mut res = Response::new(Body::from(bytes));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kind.content_type()),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    // Even a file that got past the checks is never run as a page.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    res
}
