//! Actions on many contacts at once: tag and delete, and the tags in use.

use super::activity;
use super::contacts::coll;
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Bson, Document};
use platform::{AppState, ContactEvent};
use workspaces::WorkspaceScope;

/// Most contacts one bulk action takes.
pub const MAX_BULK: usize = 500;

fn bulk_ids(ids: &[String]) -> Result<(), AppError> {
    if ids.is_empty() {
        return Err(AppError::invalid("ids", "Select at least one contact."));
    }
    if ids.len() > MAX_BULK {
        return Err(AppError::invalid(
            "ids",
            format!("Select at most {MAX_BULK} contacts at a time."),
        ));
    }
    Ok(())
}

/// Adds `tag` to the contacts `ids`; returns how many changed.
pub async fn tag_many(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
    tag: &str,
) -> Result<u64, AppError> {
    bulk_ids(ids)?;
    let tag = tag.trim();
    if tag.is_empty() || tag.chars().count() > 40 {
        return Err(AppError::invalid(
            "tag",
            "Type a tag of 1 to 40 characters.",
        ));
    }
    let gaining = scope.filter_with(doc! { "_id": { "$in": ids }, "tags": { "$ne": tag } });
    let emails: Vec<String> = coll(state)
        .find(gaining.clone())
        .await?
        .map_ok(|c| c.emails)
        .try_concat()
        .await?;
    let res = coll(state)
        .update_many(
            gaining,
            doc! { "$push": { "tags": tag }, "$set": { "updated_at": state.clock.now() } },
        )
        .await?;
    tagged(state, scope, &emails, &[tag.to_owned()]).await?;
    Ok(res.modified_count)
}

/// Tells the modules that act on tags (email sequences) that the contacts with `emails` gained
/// `tags`.
pub async fn tagged(
    state: &AppState,
    scope: &WorkspaceScope,
    emails: &[String],
    tags: &[String],
) -> Result<(), AppError> {
    if emails.is_empty() {
        return Ok(());
    }
    for tag in tags {
        let event = ContactEvent::Tagged {
            workspace_id: scope.workspace_id(),
            emails,
            tag,
        };
        state.contact_event(event).await?;
    }
    Ok(())
}

/// Deletes the contacts `ids` with their timelines, tasks and notes; returns how many.
pub async fn delete_many(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
) -> Result<u64, AppError> {
    bulk_ids(ids)?;
    let res = coll(state)
        .delete_many(scope.filter_with(doc! { "_id": { "$in": ids } }))
        .await?;
    activity::forget_contacts(state, scope, ids).await?;
    super::tasks::forget_contacts(state, scope, ids).await?;
    state
        .db
        .collection::<Document>(super::deals::DEALS)
        .update_many(
            scope.filter_with(doc! { "contact_id": { "$in": ids } }),
            doc! { "$set": { "contact_id": Bson::Null } },
        )
        .await?;
    Ok(res.deleted_count)
}

/// Every tag in use, for the filter.
pub async fn tags(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<String>, AppError> {
    let mut tags: Vec<String> = coll(state)
        .distinct("tags", scope.filter())
        .await?
        .into_iter()
        .filter_map(|b| b.as_str().map(str::to_owned))
        .collect();
    tags.sort_by_key(|t| t.to_lowercase());
    Ok(tags)
}
