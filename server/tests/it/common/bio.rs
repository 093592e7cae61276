//! Bio pages for tests: build a page's JSON, save it through the builder's autosave, publish it
//! and visit it as a browser or a bot would.

use super::client::{Answer, Client};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};

/// A phone browser's user agent.
pub const PHONE: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
/// A desktop browser's user agent.
pub const DESKTOP: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
/// A crawler's.
pub const CRAWLER: &str =
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/// A link block.
pub fn link(id: &str, title: &str, url: &str) -> Value {
    json!({ "id": id, "on": true, "kind": { "type": "link", "title": title, "url": url,
        "thumbnail_url": "", "starts_at": null, "ends_at": null, "sensitive": false } })
}

/// A visitor's signup on `/@handle`'s form `news`, as the browser posts it without JavaScript;
/// `email` is form-encoded (`fan%40example.com`).
pub fn signup(handle: &str, email: &str) -> Request<Body> {
    Request::post(format!("/@{handle}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, super::BASE_URL)
        .body(Body::from(format!("block=news&email={email}")))
        .unwrap()
}

/// The workspace's main page as the builder opens it.
pub async fn open(c: &mut Client, ws: &str) -> Value {
    let a = c
        .call("get_bio_page", &[("workspace_id", ws), ("slug", "")])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()
}

/// Autosaves `blocks` with the default theme over `page`'s current revision.
pub async fn save(c: &mut Client, ws: &str, page: &Value, blocks: Value) -> Answer {
    let content = json!({ "blocks": blocks, "theme": page["draft"]["theme"] }).to_string();
    let revision = page["revision"].as_i64().unwrap().to_string();
    c.call(
        "save_bio_draft",
        &[
            ("workspace_id", ws),
            ("page_id", page["id"].as_str().unwrap()),
            ("revision", &revision),
            ("content", &content),
        ],
    )
    .await
}

/// Saves `blocks` and publishes them; returns the page after publishing.
pub async fn publish(c: &mut Client, ws: &str, blocks: Value) -> Value {
    let page = open(c, ws).await;
    let a = save(c, ws, &page, blocks).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let id = page["id"].as_str().unwrap();
    let a = c
        .call("publish_bio_page", &[("workspace_id", ws), ("page_id", id)])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()
}

/// `GET path` as a browser with `user_agent`, from no session.
pub async fn visit(c: &mut Client, path: &str, user_agent: &str) -> Answer {
    c.send(
        Request::get(path).header(header::USER_AGENT, user_agent),
        Body::empty(),
    )
    .await
}

/// The page's statistics for the last 30 days.
pub async fn stats(c: &mut Client, ws: &str, page_id: &str) -> Value {
    let a = c
        .call(
            "get_bio_stats",
            &[
                ("workspace_id", ws),
                ("page_id", page_id),
                ("from", ""),
                ("to", ""),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()
}
