//! `/dev/mailbox` (development only): every email the app sent, newest first, with clickable
//! links, so sign-up and reset flows can be tried without a mail server. Those links open
//! accounts, so the page is served only to this machine, never through a proxy.

use app::platform::mailer::DEV_MAILBOX;
use app::platform::AppState;
use app::text::escape_html as escape;
use axum::extract::{ConnectInfo, State};
use axum::http::{request::Parts, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use mongodb::bson::{doc, Document};
use std::net::SocketAddr;

/// Whether the request comes straight from this machine: a loopback peer, and no proxy headers
/// (a proxy on this machine forwards other people's requests).
fn from_this_machine(parts: &Parts) -> bool {
    let loopback = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .is_some_and(|c| c.0.ip().is_loopback());
    let proxied = ["x-forwarded-for", "forwarded", "x-real-ip"]
        .iter()
        .any(|h| parts.headers.contains_key(*h));
    loopback && !proxied
}

fn linkify(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            line.split(' ')
                .map(|w| {
                    if w.starts_with("http://") || w.starts_with("https://") {
                        format!("<a href=\"{0}\">{0}</a>", escape(w))
                    } else {
                        escape(w)
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// `GET /dev/mailbox`: the page for this machine, "not found" for anyone else.
pub async fn page(State(state): State<AppState>, parts: Parts) -> Response {
    if !from_this_machine(&parts) {
        return StatusCode::NOT_FOUND.into_response();
    }
    use futures_util::TryStreamExt;
    let mails: Vec<Document> = match state
        .db
        .collection::<Document>(DEV_MAILBOX)
        .find(doc! {})
        .sort(doc! { "sent_at": -1 })
        .limit(50)
        .await
    {
        Ok(cursor) => cursor.try_collect().await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let mut body = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Dev mailbox · Mewayz</title><link rel=\"stylesheet\" href=\"/offline.css\"></head><body><main style=\"text-align:left\"><h1>Dev mailbox</h1>",
    );
    if mails.is_empty() {
        body.push_str("<p>No email sent yet.</p>");
    }
    for m in mails {
        let get = |k: &str| m.get_str(k).unwrap_or("").to_owned();
        body.push_str(&format!(
            "<article><h2>{}</h2><p>To {}</p><p>{}</p></article><hr>",
            escape(&get("subject")),
            escape(&get("to")),
            linkify(&get("text"))
        ));
    }
    body.push_str("</main></body></html>");
    Html(body).into_response()
}
