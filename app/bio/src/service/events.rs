//! Views and clicks of public pages, through the platform's event pipeline, never counting bots,
//! and at most [`platform::rate_limit::VIEWS_PER_MINUTE`] a minute per client and workspace so
//! that reloading a page in a loop cannot fill the database.

use super::visitors::{day_of, device, is_bot, referrer, visitor};
use app_core::error::AppError;
use http::HeaderMap;
use mongodb::bson::doc;
use platform::events::{events, rollups, Event, VIEW};
use platform::AppState;
use workspaces::WorkspaceScope;

/// The surface name of bio pages in events and rollups; the item is the page id.
pub const SURFACE: &str = "bio";
/// A click on a block; its target is the block id (which survives reordering and edits).
pub const CLICK: &str = "click";

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
    let ua = hit.header("user-agent").unwrap_or("");
    let event = Event {
        id: None,
        workspace_id: workspace_id.to_owned(),
        surface: SURFACE.into(),
        item: page_id.to_owned(),
        kind: if block_id.is_some() { CLICK } else { VIEW }.into(),
        target: block_id.map(Into::into),
        visitor: visitor(state, &day_of(at), workspace_id, hit.ip, ua).await?,
        referrer: referrer(hit.header("referer"), &state.config.base_url),
        device: device(ua).into(),
        at,
    };
    state.events.record(event);
    Ok(true)
}

/// Deletes every view and click of a page, raw and summed.
pub async fn reset(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
) -> Result<(), AppError> {
    let of_page = scope.filter_with(doc! { "surface": SURFACE, "item": page_id });
    events(&state.db).delete_many(of_page.clone()).await?;
    rollups(&state.db).delete_many(of_page).await?;
    Ok(())
}
