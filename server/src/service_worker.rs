//! The service worker script, generated per build: it names this build's hashed assets, so a new
//! build is a new script, which browsers install and activate in place of the old one.

use app::platform::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

const TEMPLATE: &str = include_str!("sw.js");

/// Files cached at install time: the offline page and what every screen loads.
const SHELL: &[&str] = &[
    "/offline.html",
    "/offline.css",
    "/manifest.webmanifest",
    "/pwa.js",
    "/icons/icon.svg",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
];

/// `GET /sw.js`. Never cached by HTTP, so browsers see a new build on their next visit.
pub async fn script(State(state): State<AppState>) -> impl IntoResponse {
    let assets = &state.assets;
    let mut precache: Vec<&str> = SHELL.to_vec();
    precache.extend([
        assets.css.as_str(),
        assets.js.as_str(),
        assets.wasm.as_str(),
    ]);
    let list = serde_json::to_string(&precache).unwrap_or_else(|_| "[]".into());
    let body = TEMPLATE
        .replace(
            "\"__VERSION__\"",
            &serde_json::Value::from(assets.version.clone()).to_string(),
        )
        .replace("[\"__PRECACHE__\"]", &list);
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}
