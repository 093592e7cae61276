//! Segments of a list.
// A segment's conditions arrive as form fields, one argument each.
#![allow(clippy::too_many_arguments)]

use crate::model::SegmentView;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// A rule from form fields; `days` may be empty.
#[cfg(feature = "ssr")]
fn rule(
    tag: String,
    source: String,
    field: String,
    value: String,
    activity: String,
    days: &str,
) -> Result<crate::model::SegmentRule, AppError> {
    let days = match days.trim() {
        "" => 0,
        d => d
            .parse()
            .map_err(|_| AppError::invalid("days", "Give a number of days from 1 to 365."))?,
    };
    Ok(crate::model::SegmentRule {
        tag,
        source,
        field,
        value,
        activity,
        days,
    })
}

/// The segments of list `list_id` with their counts now.
#[server(endpoint = "get_email_segments")]
pub async fn get_email_segments(
    workspace_id: String,
    list_id: String,
) -> Result<Vec<SegmentView>, AppError> {
    use crate::service::{lists, segments};
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let list = lists::find(&c.state, &scope, &list_id).await?;
        segments::list(&c.state, &scope, &list.id).await
    })
    .await
}

/// How many subscribers of list `list_id` these conditions select now.
#[server(endpoint = "count_email_segment")]
pub async fn count_email_segment(
    workspace_id: String,
    list_id: String,
    #[server(default)] tag: String,
    #[server(default)] source: String,
    #[server(default)] field: String,
    #[server(default)] value: String,
    #[server(default)] activity: String,
    #[server(default)] days: String,
) -> Result<u64, AppError> {
    use crate::service::{lists, segments};
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let list = lists::find(&c.state, &scope, &list_id).await?;
        let rule = rule(tag, source, field, value, activity, &days)?;
        segments::count(&c.state, &scope, &list.id, &rule).await
    })
    .await
}

/// Saves a segment of list `list_id`.
#[server(endpoint = "save_email_segment")]
pub async fn save_email_segment(
    workspace_id: String,
    list_id: String,
    #[server(default)] name: String,
    #[server(default)] tag: String,
    #[server(default)] source: String,
    #[server(default)] field: String,
    #[server(default)] value: String,
    #[server(default)] activity: String,
    #[server(default)] days: String,
) -> Result<SegmentView, AppError> {
    use crate::service::segments;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let rule = rule(tag, source, field, value, activity, &days)?;
            segments::save(&c.state, &scope, &list_id, &name, rule).await
        },
    )
    .await
}

/// Deletes a segment.
#[server(endpoint = "delete_email_segment")]
pub async fn delete_email_segment(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::segments;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { segments::delete(&c.state, &scope, &id).await },
    )
    .await
}
