//! Tasks and notes.

use crate::model::TaskView;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The caller's open tasks in the workspace (and done ones with `done`), soonest first.
#[server(endpoint = "list_my_tasks")]
pub async fn list_my_tasks(
    workspace_id: String,
    #[server(default)] done: bool,
) -> Result<Vec<TaskView>, AppError> {
    use crate::service::tasks;
    use mongodb::bson::doc;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let mut filter = doc! { "assignee_id": scope.user_id() };
        if !done {
            filter.insert("done", false);
        }
        tasks::list(&c.state, &scope, filter).await
    })
    .await
}

/// Adds a task, on a contact or deal or on its own; the caller's when no assignee is chosen.
#[server(endpoint = "add_task")]
pub async fn add_task(
    workspace_id: String,
    title: String,
    #[server(default)] due: String,
    #[server(default)] assignee_id: String,
    #[server(default)] contact_id: String,
    #[server(default)] deal_id: String,
) -> Result<TaskView, AppError> {
    use crate::service::tasks;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            tasks::add(
                &c.state,
                &scope,
                &title,
                &due,
                &assignee_id,
                &contact_id,
                &deal_id,
            )
            .await
        },
    )
    .await
}

/// Ticks a task off or back on.
#[server(endpoint = "set_task_done")]
pub async fn set_task_done(workspace_id: String, id: String, done: bool) -> Result<(), AppError> {
    use crate::service::tasks;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { tasks::set_done(&c.state, &scope, &id, done).await },
    )
    .await
}

/// Adds a note to a contact or a deal.
#[server(endpoint = "add_note")]
pub async fn add_note(
    workspace_id: String,
    #[server(default)] contact_id: String,
    #[server(default)] deal_id: String,
    body: String,
) -> Result<(), AppError> {
    use crate::service::{activity, contacts, deals};
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let body = body.trim();
            if body.is_empty() || body.chars().count() > 5000 {
                return Err(AppError::invalid(
                    "body",
                    "Write a note of 1 to 5000 characters.",
                ));
            }
            let mut e = activity::entry(&scope, "note.added", body);
            e.module = "crm".into();
            if !contact_id.is_empty() {
                contacts::find(&c.state, &scope, &contact_id).await?;
                e.contact_id = Some(contact_id);
            }
            if !deal_id.is_empty() {
                deals::get(&c.state, &scope, &deal_id).await?;
                e.deal_id = Some(deal_id);
            }
            if e.contact_id.is_none() && e.deal_id.is_none() {
                return Err(AppError::invalid(
                    "body",
                    "A note belongs to a contact or a deal.",
                ));
            }
            activity::append(&c.state, e).await
        },
    )
    .await
}

/// Deletes a note.
#[server(endpoint = "delete_note")]
pub async fn delete_note(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::activity;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { activity::delete_note(&c.state, &scope, &id).await },
    )
    .await
}
