//! The preference page at `/email/preferences/<subscription>/<signature>`, linked from every
//! campaign: the reader sees each of the workspace's lists they are on (or left) and keeps or
//! leaves each with one form. No script, no cookies; the signed link is their proof of the inbox.

use super::links::{self, Purpose};
use super::public_html::{message, page};
use super::subscriptions::{self, move_to, Consent, Subscription};
use crate::model::{ConsentMethod, Status, Trigger};
use app_core::error::AppError;
use app_core::text::escape_html as escape;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use futures_util::TryStreamExt;
use http::request::Parts;
use http::StatusCode;
use mongodb::bson::doc;
use platform::request::client_ip;
use platform::AppState;
use std::collections::HashMap;

fn gone() -> Response {
    page(
        StatusCode::NOT_FOUND,
        "Not found",
        &message(
            "This link does not work",
            "It may have been copied incompletely.",
        ),
    )
}

/// The subscriptions of the address subscription `id` belongs to, in its workspace, with their
/// lists' names.
async fn all_of(
    state: &AppState,
    id: &str,
) -> Result<Option<Vec<(Subscription, String)>>, AppError> {
    let Some(me) = subscriptions::coll(state)
        .find_one(doc! { "_id": id })
        .await?
    else {
        return Ok(None);
    };
    let subs: Vec<Subscription> = subscriptions::coll(state)
        .find(doc! { "workspace_id": &me.workspace_id, "email": &me.email })
        .await?
        .try_collect()
        .await?;
    let names: HashMap<String, String> = super::lists::coll(state)
        .find(doc! { "workspace_id": &me.workspace_id })
        .await?
        .try_collect::<Vec<_>>()
        .await?
        .into_iter()
        .map(|l| (l.id, l.name))
        .collect();
    Ok(Some(
        subs.into_iter()
            .filter_map(|s| names.get(&s.list_id).cloned().map(|n| (s, n)))
            .collect(),
    ))
}

fn form(subs: &[(Subscription, String)], note: Option<&str>) -> String {
    let email = subs.first().map(|(s, _)| s.email.as_str()).unwrap_or("");
    let boxes: String = subs
        .iter()
        .map(|(s, name)| {
            let on = if s.status == Status::Subscribed { " checked" } else { "" };
            format!(
                "<label class=\"choice\"><input type=\"checkbox\" name=\"keep\" value=\"{}\"{on}> {}</label>",
                escape(&s.id),
                escape(name)
            )
        })
        .collect();
    format!(
        "<h1>Your email preferences</h1>{}<p>Lists {} receives:</p>\
         <form method=\"post\">{boxes}<button type=\"submit\">Save preferences</button></form>",
        note.map(|n| format!("<p class=\"ok\" role=\"status\">{}</p>", escape(n)))
            .unwrap_or_default(),
        escape(email)
    )
}

/// `GET /email/preferences/{id}/{tag}`.
pub async fn show(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
) -> Response {
    if !links::verify(&state, Purpose::Preferences, &id, &tag) {
        return gone();
    }
    match all_of(&state, &id).await {
        Ok(Some(subs)) => page(StatusCode::OK, "Email preferences", &form(&subs, None)),
        Ok(None) => gone(),
        Err(e) => page(
            e.status_code(),
            "Something went wrong",
            &message(
                "Something went wrong",
                "Nothing was changed. Please try again in a minute.",
            ),
        ),
    }
}

/// `POST /email/preferences/{id}/{tag}`: `keep` once for each list to stay on; the others are
/// left. A list left earlier and ticked again is joined again (the reader asked, from their inbox).
pub async fn save(
    State(state): State<AppState>,
    Path((id, tag)): Path<(String, String)>,
    parts: Parts,
    body: Bytes,
) -> Response {
    if !links::verify(&state, Purpose::Preferences, &id, &tag) {
        return gone();
    }
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    if let Err(AppError::RateLimited { .. }) =
        state.limits.signups.check(&format!("{ip} prefs")).await
    {
        return page(
            StatusCode::TOO_MANY_REQUESTS,
            "Email preferences",
            &message("Too many changes", "Try again in a minute."),
        );
    }
    // Ids are hex: `keep=<id>&keep=<id>` needs no decoding.
    let body = String::from_utf8_lossy(&body);
    let keep: Vec<&str> = body
        .split('&')
        .filter_map(|pair| pair.strip_prefix("keep="))
        .collect();
    let done = async {
        let subs = all_of(&state, &id).await?.unwrap_or_default();
        for (s, _) in &subs {
            let wanted = keep.contains(&s.id.as_str());
            let (status, method) = match (wanted, s.status) {
                (true, Status::Unsubscribed) => (Status::Subscribed, ConsentMethod::Preferences),
                (false, Status::Subscribed | Status::Pending) => {
                    (Status::Unsubscribed, ConsentMethod::Unsubscribed)
                }
                _ => continue,
            };
            let consent = Consent::now(&state, method, Some(&ip));
            let moved = subscriptions::coll(&state)
                .update_one(
                    doc! { "_id": &s.id, "status": s.status.key() },
                    move_to(&state, status, &consent)?,
                )
                .await?;
            if moved.modified_count == 1 && status == Status::Subscribed {
                super::enrolments::start(&state, &[s], Trigger::Joined).await?;
            }
        }
        all_of(&state, &id).await
    }
    .await;
    match done {
        Ok(Some(subs)) => page(
            StatusCode::OK,
            "Email preferences",
            &form(&subs, Some("Saved.")),
        ),
        Ok(None) => gone(),
        Err(e) => page(
            e.status_code(),
            "Something went wrong",
            &message(
                "Something went wrong",
                "Nothing was changed. Please try again in a minute.",
            ),
        ),
    }
}
