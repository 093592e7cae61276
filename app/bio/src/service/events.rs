//! Views and clicks of public pages, through the platform's event pipeline, never counting bots,
//! and at most [`platform::rate_limit::VIEWS_PER_MINUTE`] a minute per client and workspace so
//! that reloading a page in a loop cannot fill the database.

use app_core::error::AppError;
use mongodb::bson::doc;
use platform::events::visitors::{self, Happened};
use platform::events::{events, rollups, VIEW};
use platform::AppState;
use workspaces::WorkspaceScope;

pub use platform::events::visitors::Hit;

/// The surface name of bio pages in events and rollups; the item is the page id.
pub const SURFACE: &str = "bio";
/// A click on a block; its target is the block id (which survives reordering and edits).
pub const CLICK: &str = "click";

/// Records a view of `page_id` (or a click on `block_id`) through the platform's pipeline.
/// Returns whether it was counted.
pub async fn record(
    state: &AppState,
    workspace_id: &str,
    page_id: &str,
    block_id: Option<&str>,
    hit: &Hit<'_>,
) -> Result<bool, AppError> {
    let what = Happened {
        workspace_id,
        surface: SURFACE,
        item: page_id,
        kind: if block_id.is_some() { CLICK } else { VIEW },
        target: block_id,
    };
    visitors::record(state, what, hit).await
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
