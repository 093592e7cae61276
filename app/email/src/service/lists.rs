//! Mailing lists: a name, whether the public form asks for confirmation, and their counts.

use super::rfc3339;
use super::subscriptions::{self, SUBSCRIPTIONS};
use crate::model::{list_name_problem, ListView};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use workspaces::WorkspaceScope;

/// Collection name.
pub const LISTS: &str = "email_lists";

/// A stored list.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MailList {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Name.
    pub name: String,
    /// Whether form signups confirm by email first.
    pub double_opt_in: bool,
    /// Whether signups on the link-in-bio page join it too.
    #[serde(default)]
    pub bio_signups: bool,
    /// Created.
    pub created_at: DateTime,
}

/// Typed collection.
pub fn coll(state: &AppState) -> mongodb::Collection<MailList> {
    state.db.collection(LISTS)
}

/// The public form's address of list `id`.
pub fn form_url(state: &AppState, id: &str) -> String {
    format!("{}/subscribe/{id}", state.config.base_url)
}

fn view(state: &AppState, l: MailList, counts: [u64; 3]) -> ListView {
    ListView {
        form_url: form_url(state, &l.id),
        id: l.id,
        name: l.name,
        double_opt_in: l.double_opt_in,
        bio_signups: l.bio_signups,
        subscribed: counts[0],
        pending: counts[1],
        unsubscribed: counts[2],
        created_at: rfc3339(l.created_at),
    }
}

/// Adds a list (empty `id`) or renames it and sets its opt-in and whether it takes the bio
/// page's signups; refuses a bad name next to the field.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    name: &str,
    (double_opt_in, bio_signups): (bool, bool),
) -> Result<ListView, AppError> {
    if let Some(problem) = list_name_problem(name) {
        return Err(AppError::invalid("name", problem));
    }
    let name = name.trim();
    if id.is_empty() {
        let list = MailList {
            id: app_core::ids::new_id(),
            workspace_id: scope.workspace_id().to_owned(),
            name: name.to_owned(),
            double_opt_in,
            bio_signups,
            created_at: state.clock.now(),
        };
        coll(state).insert_one(&list).await?;
        return Ok(view(state, list, [0; 3]));
    }
    let updated = coll(state)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id }),
            doc! { "$set": {
                "name": name,
                "double_opt_in": double_opt_in,
                "bio_signups": bio_signups,
            } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?
        .ok_or_else(not_found)?;
    let c = counts(state, scope, Some(id)).await?;
    Ok(view(state, updated, c.get(id).copied().unwrap_or_default()))
}

fn not_found() -> AppError {
    AppError::NotFound {
        what: "list".into(),
    }
}

/// The workspace's list `id`.
pub async fn find(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<MailList, AppError> {
    coll(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(not_found)
}

/// List `id` of whichever workspace, for its public pages (the id is the capability: the
/// workspace published the form's address).
pub async fn find_public(state: &AppState, id: &str) -> Result<Option<MailList>, AppError> {
    Ok(coll(state).find_one(doc! { "_id": id }).await?)
}

/// The list `id` with its counts.
pub async fn get(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<ListView, AppError> {
    let list = find(state, scope, id).await?;
    let c = counts(state, scope, Some(id)).await?;
    Ok(view(state, list, c.get(id).copied().unwrap_or_default()))
}

/// Every list of the workspace, oldest first, with counts.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<ListView>, AppError> {
    let lists: Vec<MailList> = coll(state)
        .find(scope.filter())
        .sort(doc! { "created_at": 1 })
        .await?
        .try_collect()
        .await?;
    let counts = counts(state, scope, None).await?;
    Ok(lists
        .into_iter()
        .map(|l| {
            let c = counts.get(&l.id).copied().unwrap_or_default();
            view(state, l, c)
        })
        .collect())
}

/// Subscribed, pending and unsubscribed addresses per list id, of list `only` or of all.
async fn counts(
    state: &AppState,
    scope: &WorkspaceScope,
    only: Option<&str>,
) -> Result<HashMap<String, [u64; 3]>, AppError> {
    let of = match only {
        Some(id) => scope.filter_with(doc! { "list_id": id }),
        None => scope.filter(),
    };
    let mut rows = state
        .db
        .collection::<Document>(SUBSCRIPTIONS)
        .aggregate(vec![
            doc! { "$match": of },
            doc! { "$group": { "_id": { "list": "$list_id", "status": "$status" }, "n": { "$sum": 1 } } },
        ])
        .await?;
    let mut out: HashMap<String, [u64; 3]> = HashMap::new();
    while let Some(row) = rows.try_next().await? {
        let Ok(key) = row.get_document("_id") else {
            continue;
        };
        let list = key.get_str("list").unwrap_or_default().to_owned();
        let slot = match key.get_str("status").unwrap_or_default() {
            "subscribed" => 0,
            "pending" => 1,
            _ => 2,
        };
        let n = platform::db::int(&row, "n").unwrap_or(0);
        out.entry(list).or_default()[slot] += n.max(0) as u64;
    }
    Ok(out)
}

/// Deletes list `id` and every subscription on it.
pub async fn delete(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<(), AppError> {
    let list = find(state, scope, id).await?;
    subscriptions::delete_list(state, scope, &list.id).await?;
    coll(state)
        .delete_one(scope.filter_with(doc! { "_id": &list.id }))
        .await?;
    Ok(())
}
