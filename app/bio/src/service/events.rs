//! Views and clicks of public pages, one document each, never counting bots, and at most
//! [`platform::rate_limit::VIEWS_PER_MINUTE`] a minute per client and workspace so that
//! reloading a page in a loop cannot fill the database.

use super::visitors::{day_of, device, is_bot, referrer, visitor};
use app_core::error::AppError;
use http::HeaderMap;
use mongodb::bson::{doc, DateTime};
use mongodb::Collection;
use platform::{AppState, Db};
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const EVENTS: &str = "bio_events";

/// One view or click.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    /// Owner.
    pub workspace_id: String,
    /// The page.
    pub page_id: String,
    /// `view` or `click`.
    pub kind: String,
    /// The clicked block (its id survives reordering and edits).
    pub block_id: Option<String>,
    /// UTC day, `YYYY-MM-DD`.
    pub day: String,
    /// The day's visitor hash.
    pub visitor: String,
    /// Referring host or `Direct`.
    pub referrer: String,
    /// `mobile`, `tablet` or `desktop`.
    pub device: String,
    /// When.
    pub at: DateTime,
}

/// Typed collection.
pub fn events(db: &Db) -> Collection<Event> {
    db.collection(EVENTS)
}

/// What a public request tells about its visitor.
pub struct Hit<'a> {
    /// The client IP.
    pub ip: &'a str,
    /// Request headers.
    pub headers: &'a HeaderMap,
}

impl Hit<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Bots and browser prefetches are not visits.
    fn counts(&self) -> bool {
        let prefetch = ["sec-purpose", "purpose", "x-moz"]
            .iter()
            .any(|h| self.header(h).is_some_and(|v| v.contains("prefetch")));
        !prefetch && !is_bot(self.header("user-agent").unwrap_or(""))
    }
}

/// Records a view of `page_id` (or a click on `block_id`), unless the visitor is a bot or over
/// the per-client limit. Returns whether it was counted.
pub async fn record(
    state: &AppState,
    workspace_id: &str,
    page_id: &str,
    block_id: Option<&str>,
    hit: &Hit<'_>,
) -> Result<bool, AppError> {
    if !hit.counts() {
        return Ok(false);
    }
    let client = format!("{} {workspace_id}", hit.ip);
    match state.limits.views.check(&client).await {
        Ok(()) => {}
        Err(AppError::RateLimited { .. }) => return Ok(false),
        Err(e) => return Err(e),
    }
    let at = state.clock.now();
    let day = day_of(at);
    let ua = hit.header("user-agent").unwrap_or("");
    let event = Event {
        workspace_id: workspace_id.to_owned(),
        page_id: page_id.to_owned(),
        kind: if block_id.is_some() { "click" } else { "view" }.into(),
        block_id: block_id.map(Into::into),
        visitor: visitor(state, &day, workspace_id, hit.ip, ua).await?,
        day,
        referrer: referrer(hit.header("referer"), &state.config.base_url),
        device: device(ua).into(),
        at,
    };
    events(&state.db).insert_one(&event).await?;
    Ok(true)
}

/// Deletes every view and click of a page.
pub async fn reset(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
) -> Result<(), AppError> {
    events(&state.db)
        .delete_many(scope.filter_with(doc! { "page_id": page_id }))
        .await?;
    Ok(())
}
