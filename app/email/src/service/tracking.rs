//! Opens and clicks: the open pixel at `/e/o/<campaign>/<token>` and the click redirect at
//! `/e/c/<campaign>/<link>/<token>`. The token names the subscription and is signed, so nobody
//! counts for someone else; the redirect goes only to a link the campaign holds, by number, so
//! the address cannot send anyone elsewhere.

use super::campaigns::{self, Campaign};
use super::links;
use super::template::tracked_links;
use super::timeline;
use app_core::error::AppError;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use futures_util::TryStreamExt;
use http::{header, StatusCode};
use mongodb::bson::{doc, DateTime, Document};
use mongodb::options::ReturnDocument;
use platform::AppState;

/// Collection name: one document per campaign and reader who opened it.
pub const ACTIVITY: &str = "email_activity";

/// A transparent 1×1 GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];

async fn campaign(state: &AppState, id: &str) -> Option<Campaign> {
    match campaigns::coll(state).find_one(doc! { "_id": id }).await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e, "campaign lookup for tracking failed");
            None
        }
    }
}

/// `GET /e/o/{campaign}/{token}`: the pixel, whatever happens; an open counted when it can be.
pub async fn open(
    State(state): State<AppState>,
    Path((id, token)): Path<(String, String)>,
) -> Response {
    if let Some(c) = campaign(&state, &id).await {
        if let Some(sub) = links::tracked_subscription(&state, &c.id, &token) {
            count(&state, &c, sub, None).await;
        }
    }
    (
        [
            (header::CONTENT_TYPE, "image/gif"),
            (header::CACHE_CONTROL, "no-store, private"),
        ],
        PIXEL,
    )
        .into_response()
}

/// `GET /e/c/{campaign}/{link}/{token}`: to the campaign's link number `link`, counting the
/// click when the token holds (a mangled token still gets the reader there).
pub async fn click(
    State(state): State<AppState>,
    Path((id, n, token)): Path<(String, usize, String)>,
) -> Response {
    let Some(c) = campaign(&state, &id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(target) = tracked_links(&c.blocks).into_iter().nth(n) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if let Some(sub) = links::tracked_subscription(&state, &c.id, &token) {
        count(&state, &c, sub, Some(n)).await;
    }
    Redirect::to(&target).into_response()
}

/// Counts an open (and a click on link `link`) of campaign `c` by subscription `sub`, unless
/// that reader's token is over its limit. Limited per token, not per client: mail providers fetch
/// images for thousands of readers from a few addresses, and a token is signed, so one reader's
/// link is all a flood can touch. Failures are logged: the reader gets the pixel or the page.
async fn count(state: &AppState, c: &Campaign, sub: &str, link: Option<usize>) {
    match state
        .limits
        .views
        .check(&format!("track {} {sub}", c.id))
        .await
    {
        Ok(()) => {}
        Err(AppError::RateLimited { .. }) => return,
        Err(e) => return tracing::warn!(error = %e, "tracking limit check failed"),
    }
    if let Err(e) = record(state, c, sub, link).await {
        tracing::warn!(error = %e, "recording an open or click failed");
    }
}

/// Records the activity: the first open and first click of a reader count once each, every
/// click counts on its link. Each first is decided by one atomic update.
pub async fn record(
    state: &AppState,
    c: &Campaign,
    sub: &str,
    link: Option<usize>,
) -> Result<(), AppError> {
    let activity = state.db.collection::<Document>(ACTIVITY);
    let id = format!("{}:{sub}", c.id);
    let now = state.clock.now();
    let insert = doc! {
        "$setOnInsert": {
            "workspace_id": &c.workspace_id,
            "campaign_id": &c.id,
            "subscription_id": sub,
            "opened_at": now,
        }
    };
    let mut before = None;
    // Two first hits racing may both try to insert; the loser's retry finds the document.
    for attempt in 0..2 {
        match activity
            .find_one_and_update(doc! { "_id": &id }, insert.clone())
            .upsert(true)
            .return_document(ReturnDocument::Before)
            .await
            .map_err(AppError::from)
        {
            Ok(found) => {
                before = Some(found);
                break;
            }
            Err(AppError::Conflict { .. }) if attempt == 0 => continue,
            Err(e) => return Err(e),
        }
    }
    let first_open = matches!(before, Some(None));
    if first_open {
        let said = format!("Opened “{}”", c.subject);
        timeline::reader(state, c, sub, "email.opened", said).await?;
    }
    let mut inc = doc! { "opens": i64::from(first_open) };
    if let Some(n) = link {
        let first_click = activity
            .update_one(
                doc! { "_id": &id, "clicked_at": { "$exists": false } },
                doc! { "$set": { "clicked_at": now } },
            )
            .await?
            .modified_count
            == 1;
        if first_click {
            let target = tracked_links(&c.blocks)
                .into_iter()
                .nth(n)
                .unwrap_or_default();
            let said = format!("Clicked {target} in “{}”", c.subject);
            timeline::reader(state, c, sub, "email.clicked", said).await?;
        }
        inc.insert("clicks", i64::from(first_click));
        inc.insert(format!("link_clicks.{n}"), 1i64);
    }
    if inc.values().any(|v| v.as_i64() != Some(0)) {
        campaigns::coll(state)
            .update_one(doc! { "_id": &c.id }, doc! { "$inc": inc })
            .await?;
    }
    Ok(())
}

/// First opens and first clicks of campaign `c` per hour from `start`, for `hours` hours.
pub async fn per_hour(
    state: &AppState,
    c: &Campaign,
    start: DateTime,
    hours: usize,
) -> Result<Vec<(u64, u64)>, AppError> {
    let mut out = vec![(0u64, 0u64); hours];
    let mut found = state
        .db
        .collection::<Document>(ACTIVITY)
        .find(doc! { "campaign_id": &c.id, "workspace_id": &c.workspace_id })
        .projection(doc! { "opened_at": 1, "clicked_at": 1 })
        .await?;
    let slot = |at: Option<&DateTime>| -> Option<usize> {
        let ms = at?.timestamp_millis() - start.timestamp_millis();
        (ms >= 0)
            .then_some((ms / 3_600_000) as usize)
            .filter(|&h| h < hours)
    };
    while let Some(d) = found.try_next().await? {
        if let Some(h) = slot(d.get_datetime("opened_at").ok()) {
            out[h].0 += 1;
        }
        if let Some(h) = slot(d.get_datetime("clicked_at").ok()) {
            out[h].1 += 1;
        }
    }
    Ok(out)
}
