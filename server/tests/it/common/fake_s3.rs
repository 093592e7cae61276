//! A local S3-compatible bucket speaking the HTTP of S3's object API as `object_store` uses it
//! (path-style `PUT`, `GET`, `HEAD`, `DELETE /<bucket>/<key>`), refusing requests not signed
//! with AWS Signature V4 by the test's access key. It does not check the signature itself.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const BUCKET: &str = "mewayz-media";
pub const ACCESS_KEY_ID: &str = "AKIDMEWAYZTEST";
pub const SECRET_ACCESS_KEY: &str = "mewayz-test-secret-key";

type Objects = Arc<Mutex<HashMap<String, Bytes>>>;

/// A running fake bucket.
pub struct FakeS3 {
    /// `http://127.0.0.1:<port>`, for `MEDIA_S3_ENDPOINT`.
    pub endpoint: String,
    objects: Objects,
}

impl FakeS3 {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let objects = Objects::default();
        let app = Router::new()
            .route("/{*path}", any(object))
            .with_state(objects.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        FakeS3 { endpoint, objects }
    }

    /// The app's settings for this bucket.
    pub fn settings(&self) -> [(&'static str, &str); 4] {
        [
            ("MEDIA_S3_BUCKET", BUCKET),
            ("MEDIA_S3_ENDPOINT", &self.endpoint),
            ("MEDIA_S3_ACCESS_KEY_ID", ACCESS_KEY_ID),
            ("MEDIA_S3_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY),
        ]
    }

    /// The keys stored, sorted.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<_> = self.objects.lock().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    }
}

fn error(status: StatusCode, code: &str) -> Response {
    let body = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code}</Message></Error>");
    (status, [(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

async fn object(
    State(objects): State<Objects>,
    method: Method,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let signed = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.starts_with(&format!("AWS4-HMAC-SHA256 Credential={ACCESS_KEY_ID}/")));
    if !signed || !headers.contains_key("x-amz-date") {
        return error(StatusCode::FORBIDDEN, "AccessDenied");
    }
    let Some(key) = path.strip_prefix(&format!("{BUCKET}/")).map(str::to_owned) else {
        return error(StatusCode::NOT_FOUND, "NoSuchBucket");
    };
    let mut objects = objects.lock().unwrap();
    let meta = |bytes: &Bytes| {
        [
            (header::ETAG, format!("\"{:x}\"", bytes.len())),
            (
                header::LAST_MODIFIED,
                "Fri, 04 Dec 2026 08:00:00 GMT".to_owned(),
            ),
            (header::CONTENT_LENGTH, bytes.len().to_string()),
        ]
    };
    match method {
        Method::PUT => {
            let etag = format!("\"{:x}\"", body.len());
            objects.insert(key, body);
            (StatusCode::OK, [(header::ETAG, etag)]).into_response()
        }
        Method::GET | Method::HEAD => match objects.get(&key) {
            Some(bytes) if method == Method::GET => {
                (StatusCode::OK, meta(bytes), bytes.clone()).into_response()
            }
            Some(bytes) => (StatusCode::OK, meta(bytes)).into_response(),
            None => error(StatusCode::NOT_FOUND, "NoSuchKey"),
        },
        Method::DELETE => {
            objects.remove(&key);
            StatusCode::NO_CONTENT.into_response()
        }
        _ => error(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed"),
    }
}
