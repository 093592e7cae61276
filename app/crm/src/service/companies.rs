//! Companies contacts work at.

use super::search;
use crate::model::CompanyView;
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Bson, DateTime, Document};
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use workspaces::WorkspaceScope;

/// Collection name.
pub const COMPANIES: &str = "crm_companies";

/// A stored company.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Company {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Name.
    pub name: String,
    /// Lowercase name, for sorting and matching imports.
    pub name_lower: String,
    /// Web domain.
    pub domain: String,
    /// Words it is found by.
    pub search: Vec<String>,
    /// Created.
    pub created_at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Company> {
    state.db.collection(COMPANIES)
}

fn check(name: &str, domain: &str) -> Result<(String, String), AppError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > 120 {
        return Err(AppError::invalid(
            "name",
            "Name the company in 1 to 120 characters.",
        ));
    }
    let domain = domain
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_lowercase();
    let ok = domain.is_empty()
        || (domain.contains('.')
            && domain.len() <= 253
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'));
    if !ok {
        return Err(AppError::invalid(
            "domain",
            "Enter a domain like example.com, or leave it empty.",
        ));
    }
    Ok((name, domain))
}

/// Adds a company (empty `id`) or renames one; names are unique in a workspace.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    name: &str,
    domain: &str,
) -> Result<CompanyView, AppError> {
    let (name, domain) = check(name, domain)?;
    if let Some(other) = by_name(state, scope, &name).await? {
        if other.id != id {
            return Err(AppError::Conflict {
                field: Some("name".into()),
                message: format!("{} is already in your companies.", other.name),
            });
        }
    }
    let search = search::tokens([name.as_str(), domain.as_str()]);
    let id = if id.is_empty() {
        let c = Company {
            id: app_core::ids::new_id(),
            workspace_id: scope.workspace_id().to_owned(),
            name_lower: name.to_lowercase(),
            name,
            domain,
            search,
            created_at: state.clock.now(),
        };
        coll(state).insert_one(&c).await?;
        c.id
    } else {
        let res = coll(state)
            .update_one(
                scope.filter_with(doc! { "_id": id }),
                doc! { "$set": { "name": &name, "name_lower": name.to_lowercase(), "domain": &domain, "search": search } },
            )
            .await?;
        if res.matched_count == 0 {
            return Err(AppError::NotFound {
                what: "That company".into(),
            });
        }
        id.to_owned()
    };
    get(state, scope, &id).await
}

/// The company called `name` (any case).
pub async fn by_name(
    state: &AppState,
    scope: &WorkspaceScope,
    name: &str,
) -> Result<Option<Company>, AppError> {
    Ok(coll(state)
        .find_one(scope.filter_with(doc! { "name_lower": name.trim().to_lowercase() }))
        .await?)
}

/// The company called `name`, created when missing (imports name companies by text).
pub async fn named(
    state: &AppState,
    scope: &WorkspaceScope,
    name: &str,
) -> Result<String, AppError> {
    if let Some(c) = by_name(state, scope, name).await? {
        return Ok(c.id);
    }
    Ok(save(state, scope, "", name, "").await?.id)
}

/// One company with its contact count.
pub async fn get(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<CompanyView, AppError> {
    let c = coll(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That company".into(),
        })?;
    let contacts = contacts_of(state, scope, id).await?;
    Ok(CompanyView {
        id: c.id,
        name: c.name,
        domain: c.domain,
        contacts,
    })
}

async fn contacts_of(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<u64, AppError> {
    Ok(state
        .db
        .collection::<Document>(super::contacts::CONTACTS)
        .count_documents(scope.filter_with(doc! { "company_id": id }))
        .await?)
}

/// All companies A–Z with their contact counts.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<CompanyView>, AppError> {
    let all: Vec<Company> = coll(state)
        .find(scope.filter())
        .sort(doc! { "name_lower": 1 })
        .await?
        .try_collect()
        .await?;
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut rows = state
        .db
        .collection::<Document>(super::contacts::CONTACTS)
        .aggregate(vec![
            doc! { "$match": scope.filter_with(doc! { "company_id": { "$ne": Bson::Null } }) },
            doc! { "$group": { "_id": "$company_id", "n": { "$sum": 1 } } },
        ])
        .await?;
    while let Some(row) = rows.try_next().await? {
        if let (Ok(id), Some(n)) = (row.get_str("_id"), row.get("n")) {
            let n = match n {
                Bson::Int32(n) => *n as u64,
                Bson::Int64(n) => *n as u64,
                _ => 0,
            };
            counts.insert(id.to_owned(), n);
        }
    }
    Ok(all
        .into_iter()
        .map(|c| CompanyView {
            contacts: counts.get(&c.id).copied().unwrap_or(0),
            id: c.id,
            name: c.name,
            domain: c.domain,
        })
        .collect())
}

/// Company id → name.
pub async fn names(
    state: &AppState,
    scope: &WorkspaceScope,
) -> Result<HashMap<String, String>, AppError> {
    let all: Vec<Company> = coll(state)
        .find(scope.filter())
        .await?
        .try_collect()
        .await?;
    Ok(all.into_iter().map(|c| (c.id, c.name)).collect())
}

/// Ids of companies with a word starting with `word`.
pub async fn matching(
    state: &AppState,
    scope: &WorkspaceScope,
    word: &str,
) -> Result<Vec<String>, AppError> {
    let found: Vec<Company> = coll(state)
        .find(scope.filter_with(search::starts(word)))
        .limit(200)
        .await?
        .try_collect()
        .await?;
    Ok(found.into_iter().map(|c| c.id).collect())
}

/// Deletes a company; its contacts stay, without a company.
pub async fn delete(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<(), AppError> {
    let gone = coll(state)
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    if gone.deleted_count == 0 {
        return Err(AppError::NotFound {
            what: "That company".into(),
        });
    }
    state
        .db
        .collection::<Document>(super::contacts::CONTACTS)
        .update_many(
            scope.filter_with(doc! { "company_id": id }),
            doc! { "$set": { "company_id": Bson::Null } },
        )
        .await?;
    Ok(())
}
