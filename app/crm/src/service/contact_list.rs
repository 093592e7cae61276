//! The contact list: filters, sort orders and cursor paging, shared by the screen and the export.

use super::contacts::{coll, view, Contact};
use super::{companies, fields, search};
use crate::model::{ContactPage, ContactQuery};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Bson, DateTime, Document};
use platform::AppState;
use workspaces::WorkspaceScope;

/// Contacts per page of the list.
pub const PAGE_SIZE: i64 = 25;

/// The sort field and direction of a sort key.
fn order(sort: &str) -> (&'static str, i32) {
    match sort {
        "oldest" => ("created_at", 1),
        "name" => ("name_sort", 1),
        "updated" => ("updated_at", -1),
        _ => ("created_at", -1),
    }
}

/// The filter for a list query (without paging), shared by the list and the export.
pub async fn filter(
    state: &AppState,
    scope: &WorkspaceScope,
    q: &ContactQuery,
) -> Result<Document, AppError> {
    let mut all: Vec<Document> = Vec::new();
    for word in search::words(&q.q) {
        let mut either = vec![search::starts(&word)];
        let ids = companies::matching(state, scope, &word).await?;
        if !ids.is_empty() {
            either.push(doc! { "company_id": { "$in": ids } });
        }
        all.push(doc! { "$or": either });
    }
    if !q.tag.is_empty() {
        all.push(doc! { "tags": &q.tag });
    }
    if !q.source.is_empty() {
        all.push(doc! { "source": &q.source });
    }
    if !q.company.is_empty() {
        all.push(doc! { "company_id": &q.company });
    }
    if !q.owner.is_empty() {
        all.push(doc! { "owner_id": &q.owner });
    }
    if !q.field.is_empty() && !q.value.is_empty() {
        let def = fields::list(state, scope)
            .await?
            .into_iter()
            .find(|f| f.key == q.field)
            .ok_or_else(|| AppError::invalid("field", "That field no longer exists."))?;
        let wanted = def
            .normalise(std::slice::from_ref(&q.value))
            .map_err(|m| AppError::invalid("value", m))?;
        let key = format!("custom.{}", def.key);
        all.push(doc! { key: { "$in": wanted } });
    }
    let mut f = scope.filter();
    if !all.is_empty() {
        f.insert("$and", all);
    }
    Ok(f)
}

/// A cursor is the last item's sort value and id, so a page starts right after it however many
/// contacts were added or removed meanwhile.
fn cursor_of(c: &Contact, field: &str) -> String {
    let value = match field {
        "name_sort" => c.name_sort.clone(),
        "updated_at" => c.updated_at.timestamp_millis().to_string(),
        _ => c.created_at.timestamp_millis().to_string(),
    };
    format!("{}~{value}", c.id)
}

fn after(cursor: &str, field: &str, dir: i32) -> Result<Document, AppError> {
    let bad = || AppError::invalid("cursor", "That page no longer exists; start from the top.");
    let (id, value) = cursor.split_once('~').ok_or_else(bad)?;
    let value = if field == "name_sort" {
        Bson::String(value.to_owned())
    } else {
        Bson::DateTime(DateTime::from_millis(value.parse().map_err(|_| bad())?))
    };
    let op = if dir > 0 { "$gt" } else { "$lt" };
    Ok(doc! { "$or": [
        { field: { op: value.clone() } },
        { field: value, "_id": { op: id } },
    ]})
}

/// One page of contacts matching `q`, starting after `cursor` (empty for the first page).
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    q: &ContactQuery,
    cursor: &str,
) -> Result<ContactPage, AppError> {
    let base = filter(state, scope, q).await?;
    let total = coll(state).count_documents(base.clone()).await?;
    let (field, dir) = order(&q.sort);
    let paged = if cursor.is_empty() {
        base
    } else {
        doc! { "$and": [base, after(cursor, field, dir)?] }
    };
    let mut items: Vec<Contact> = coll(state)
        .find(paged)
        .sort(doc! { field: dir, "_id": dir })
        .limit(PAGE_SIZE + 1)
        .await?
        .try_collect()
        .await?;
    let more = items.len() as i64 > PAGE_SIZE;
    items.truncate(PAGE_SIZE as usize);
    let next = more
        .then(|| items.last().map(|c| cursor_of(c, field)))
        .flatten();
    let names = companies::names(state, scope).await?;
    Ok(ContactPage {
        items: items.into_iter().map(|c| view(c, &names)).collect(),
        next,
        total,
    })
}

/// Every contact matching `filter`, in the list's order, for the export.
pub async fn all_matching(
    state: &AppState,
    filter: Document,
    sort: &str,
) -> Result<Vec<Contact>, AppError> {
    let (field, dir) = order(sort);
    Ok(coll(state)
        .find(filter)
        .sort(doc! { field: dir, "_id": dir })
        .await?
        .try_collect()
        .await?)
}
