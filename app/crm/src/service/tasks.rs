//! Tasks on contacts and deals, and each member's list.

use super::activity::{self, entry};
use super::{contacts, deals, people};
use crate::model::{is_date, TaskView};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const TASKS: &str = "crm_tasks";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Task {
    #[serde(rename = "_id")]
    id: String,
    workspace_id: String,
    title: String,
    due: Option<String>,
    assignee_id: Option<String>,
    done: bool,
    contact_id: Option<String>,
    deal_id: Option<String>,
    created_at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Task> {
    state.db.collection(TASKS)
}

/// Tasks matching `filter` (within the workspace): open ones first by due date, then done.
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    filter: Document,
) -> Result<Vec<TaskView>, AppError> {
    let tasks: Vec<Task> = coll(state)
        .find(scope.filter_with(filter))
        .sort(doc! { "done": 1, "due": 1, "created_at": 1 })
        .limit(500)
        .await?
        .try_collect()
        .await?;
    let names = people::names(state, scope).await?;
    let today = super::rfc3339(state.clock.now());
    let today = today.get(..10).unwrap_or_default();
    let contact_ids: Vec<String> = tasks.iter().filter_map(|t| t.contact_id.clone()).collect();
    let deal_ids: Vec<String> = tasks.iter().filter_map(|t| t.deal_id.clone()).collect();
    let contact_names = contacts::display_names(state, scope, &contact_ids).await?;
    let deal_titles = deals::titles(state, scope, &deal_ids).await?;
    let mut out = Vec::with_capacity(tasks.len());
    for t in tasks {
        let about = match (&t.contact_id, &t.deal_id) {
            (Some(c), _) => contact_names.get(c).cloned(),
            (None, Some(d)) => deal_titles.get(d).map(|t| format!("Deal: {t}")),
            _ => None,
        };
        out.push(TaskView {
            assignee_name: t.assignee_id.as_ref().and_then(|a| names.get(a).cloned()),
            overdue: !t.done && t.due.as_deref().is_some_and(|d| d < today),
            id: t.id,
            title: t.title,
            due: t.due,
            assignee_id: t.assignee_id,
            done: t.done,
            contact_id: t.contact_id,
            deal_id: t.deal_id,
            about,
        });
    }
    // Undated tasks after dated ones.
    out.sort_by(|a, b| {
        a.done
            .cmp(&b.done)
            .then(a.due.is_none().cmp(&b.due.is_none()))
            .then(a.due.cmp(&b.due))
    });
    Ok(out)
}

/// Adds a task about a contact or deal (either may be empty).
#[allow(clippy::too_many_arguments)]
pub async fn add(
    state: &AppState,
    scope: &WorkspaceScope,
    title: &str,
    due: &str,
    assignee_id: &str,
    contact_id: &str,
    deal_id: &str,
) -> Result<TaskView, AppError> {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() || title.chars().count() > 200 {
        return Err(AppError::invalid(
            "title",
            "Say what to do in 1 to 200 characters.",
        ));
    }
    let due = due.trim();
    if !due.is_empty() && !is_date(due) {
        return Err(AppError::invalid("due", "Pick a date."));
    }
    people::check_member(state, scope, assignee_id, "assignee_id").await?;
    if !contact_id.is_empty() {
        contacts::find(state, scope, contact_id).await?;
    }
    if !deal_id.is_empty() {
        deals::get(state, scope, deal_id).await?;
    }
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let task = Task {
        id: app_core::ids::new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        title,
        due: some(due),
        assignee_id: some(assignee_id).or_else(|| scope.actor().map(str::to_owned)),
        done: false,
        contact_id: some(contact_id),
        deal_id: some(deal_id),
        created_at: state.clock.now(),
    };
    coll(state).insert_one(&task).await?;
    log(state, scope, &task, "task.added").await?;
    list(state, scope, doc! { "_id": &task.id })
        .await?
        .pop()
        .ok_or(AppError::Internal)
}

async fn log(
    state: &AppState,
    scope: &WorkspaceScope,
    t: &Task,
    kind: &str,
) -> Result<(), AppError> {
    if t.contact_id.is_none() && t.deal_id.is_none() {
        return Ok(());
    }
    let mut e = entry(scope, kind, t.title.clone());
    e.contact_id = t.contact_id.clone();
    e.deal_id = t.deal_id.clone();
    activity::append(state, e).await
}

/// Ticks a task off, or back on.
pub async fn set_done(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    done: bool,
) -> Result<(), AppError> {
    let t = coll(state)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id }),
            doc! { "$set": { "done": done } },
        )
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That task".into(),
        })?;
    if done && !t.done {
        log(state, scope, &t, "task.done").await?;
    }
    Ok(())
}

/// Deletes the tasks of contacts being deleted.
pub async fn forget_contacts(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
) -> Result<(), AppError> {
    coll(state)
        .delete_many(scope.filter_with(doc! { "contact_id": { "$in": ids } }))
        .await?;
    Ok(())
}

/// Deletes the tasks of a deal being deleted.
pub async fn forget_deal(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<(), AppError> {
    coll(state)
        .delete_many(scope.filter_with(doc! { "deal_id": id }))
        .await?;
    Ok(())
}
