//! A workspace's bio pages: the draft the builder autosaves, and the published copy visitors see.

use crate::model::validate::validate;
use crate::model::{BioPageSummary, BioPageView, PageContent};
use app_core::error::AppError;
use app_core::ids::new_id;
use mongodb::bson::{doc, to_bson, DateTime};
use mongodb::options::ReturnDocument;
use mongodb::Collection;
use platform::{AppState, Db};
use serde::{Deserialize, Serialize};
use workspaces::service::store::{workspaces, Workspace};
use workspaces::WorkspaceScope;

/// Collection name.
pub const PAGES: &str = "bio_pages";

/// A stored page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageDoc {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Empty for the main page.
    pub slug: String,
    /// The working copy.
    pub draft: PageContent,
    /// What visitors see; `None` until first published.
    pub published: Option<PageContent>,
    /// Last publish.
    pub published_at: Option<DateTime>,
    /// Bumped by every save of the draft.
    pub revision: i64,
    /// Created at.
    pub created_at: DateTime,
    /// Last change to the draft.
    pub updated_at: DateTime,
}

/// Typed collection.
pub fn pages(db: &Db) -> Collection<PageDoc> {
    db.collection(PAGES)
}

/// The path of `slug` under `handle`: `/@handle` or `/@handle/slug`.
pub fn public_path(handle: &str, slug: &str) -> String {
    if slug.is_empty() {
        format!("/@{handle}")
    } else {
        format!("/@{handle}/{slug}")
    }
}

/// The public address of `slug` under `handle`.
pub fn public_url(state: &AppState, handle: &str, slug: &str) -> String {
    format!(
        "{}{}",
        state.config.base_url.trim_end_matches('/'),
        public_path(handle, slug)
    )
}

fn view(doc: PageDoc, handle: &str, state: &AppState) -> BioPageView {
    BioPageView {
        public_url: public_url(state, handle, &doc.slug),
        unpublished_changes: doc.published.as_ref() != Some(&doc.draft),
        published_at: doc
            .published_at
            .and_then(|d| d.try_to_rfc3339_string().ok()),
        id: doc.id,
        slug: doc.slug,
        draft: doc.draft,
        revision: doc.revision,
    }
}

async fn workspace(state: &AppState, scope: &WorkspaceScope) -> Result<Workspace, AppError> {
    workspaces(&state.db)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That workspace".into(),
        })
}

/// The main page, created from the starter on first use so every workspace has one.
async fn ensure_main(
    state: &AppState,
    scope: &WorkspaceScope,
    ws: &Workspace,
) -> Result<PageDoc, AppError> {
    let now = state.clock.now();
    let starter = PageContent::starter(&ws.name, new_id);
    let doc = pages(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "slug": "" }),
            doc! { "$setOnInsert": {
                "_id": new_id(), "draft": to_bson(&starter).map_err(internal)?,
                "published": null, "published_at": null, "revision": 0_i64,
                "created_at": now, "updated_at": now,
            }},
        )
        .upsert(true)
        .return_document(ReturnDocument::After)
        .await;
    match doc {
        Ok(Some(d)) => Ok(d),
        // Two first visits at once: the other insert won the unique index; read its page.
        Ok(None) | Err(_) => pages(&state.db)
            .find_one(scope.filter_with(doc! { "slug": "" }))
            .await?
            .ok_or(AppError::Internal),
    }
}

fn internal(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "bio page encoding");
    AppError::Internal
}

/// Every page of the workspace, main page first.
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
) -> Result<Vec<BioPageSummary>, AppError> {
    use futures_util::TryStreamExt;
    let ws = workspace(state, scope).await?;
    ensure_main(state, scope, &ws).await?;
    let docs: Vec<PageDoc> = pages(&state.db)
        .find(scope.filter())
        .sort(doc! { "slug": 1 })
        .await?
        .try_collect()
        .await?;
    Ok(docs
        .into_iter()
        .map(|d| BioPageSummary {
            public_url: public_url(state, &ws.handle, &d.slug),
            published: d.published.is_some(),
            id: d.id,
            slug: d.slug,
        })
        .collect())
}

/// The page at `slug` (empty: the main page) for the builder.
pub async fn open(
    state: &AppState,
    scope: &WorkspaceScope,
    slug: &str,
) -> Result<BioPageView, AppError> {
    let ws = workspace(state, scope).await?;
    let doc = if slug.is_empty() {
        ensure_main(state, scope, &ws).await?
    } else {
        pages(&state.db)
            .find_one(scope.filter_with(doc! { "slug": slug }))
            .await?
            .ok_or_else(|| AppError::NotFound {
                what: "That page".into(),
            })?
    };
    Ok(view(doc, &ws.handle, state))
}

/// Page `page_id` of the workspace.
pub async fn get(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
) -> Result<PageDoc, AppError> {
    pages(&state.db)
        .find_one(scope.filter_with(doc! { "_id": page_id }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That page".into(),
        })
}

/// The rule for extra pages' addresses: like handles.
fn check_slug(slug: &str) -> Result<String, AppError> {
    let slug = slug.trim().to_ascii_lowercase();
    let ok = (2..=40).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !matches!(slug.as_str(), "qr" | "book");
    if ok {
        Ok(slug)
    } else {
        Err(AppError::invalid(
            "slug",
            "Use 2 to 40 lowercase letters, digits and dashes.",
        ))
    }
}

/// Adds another page at `/@handle/<slug>`, within the plan's number of bio pages.
pub async fn create(
    state: &AppState,
    scope: &WorkspaceScope,
    slug: &str,
) -> Result<BioPageView, AppError> {
    let slug = check_slug(slug)?;
    let ws = workspace(state, scope).await?;
    ensure_main(state, scope, &ws).await?;
    let in_use = count(state, scope.workspace_id()).await?;
    scope.check_limit(state, "bio_pages", in_use).await?;
    let now = state.clock.now();
    let doc = PageDoc {
        id: new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        slug,
        draft: PageContent::starter(&ws.name, new_id),
        published: None,
        published_at: None,
        revision: 0,
        created_at: now,
        updated_at: now,
    };
    match pages(&state.db)
        .insert_one(&doc)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(view(doc, &ws.handle, state)),
        Err(AppError::Conflict { .. }) => Err(AppError::Conflict {
            field: Some("slug".into()),
            message: "You already have a page at that address.".into(),
        }),
        Err(e) => Err(e),
    }
}

/// Saves the builder's working copy. `revision` is the one the builder started from: a save
/// over a newer one (another tab, another member) is refused instead of silently lost.
pub async fn save_draft(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
    revision: i64,
    content: PageContent,
) -> Result<BioPageView, AppError> {
    let content = validate(content, false).map_err(|fields| AppError::Validation { fields })?;
    let ws = workspace(state, scope).await?;
    let updated = pages(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": page_id, "revision": revision }),
            doc! {
                "$set": { "draft": to_bson(&content).map_err(internal)?, "updated_at": state.clock.now() },
                "$inc": { "revision": 1_i64 },
            },
        )
        .return_document(ReturnDocument::After)
        .await?;
    match updated {
        Some(doc) => Ok(view(doc, &ws.handle, state)),
        None => {
            let exists = pages(&state.db)
                .count_documents(scope.filter_with(doc! { "_id": page_id }))
                .await?;
            Err(if exists == 0 {
                AppError::NotFound {
                    what: "That page".into(),
                }
            } else {
                AppError::Conflict {
                    field: None,
                    message: "This page was changed somewhere else. Reload to see the latest version; your last change was not saved.".into(),
                }
            })
        }
    }
}

/// Makes the draft what visitors see.
pub async fn publish(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
) -> Result<BioPageView, AppError> {
    let ws = workspace(state, scope).await?;
    let page = get(state, scope, page_id).await?;
    let content = validate(page.draft, true).map_err(|fields| AppError::Validation { fields })?;
    let now = state.clock.now();
    let doc = pages(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": page_id, "revision": page.revision }),
            doc! { "$set": { "published": to_bson(&content).map_err(internal)?, "published_at": now } },
        )
        .return_document(ReturnDocument::After)
        .await?
        .ok_or_else(|| AppError::Conflict {
            field: None,
            message: "The page changed while publishing. Publish again.".into(),
        })?;
    platform::invalidate::invalidate(state, super::module::CACHE, &ws.id).await;
    Ok(view(doc, &ws.handle, state))
}

/// Takes a page off the web; its draft stays.
pub async fn unpublish(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
) -> Result<BioPageView, AppError> {
    let ws = workspace(state, scope).await?;
    let doc = pages(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": page_id }),
            doc! { "$set": { "published": null, "published_at": null } },
        )
        .return_document(ReturnDocument::After)
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That page".into(),
        })?;
    platform::invalidate::invalidate(state, super::module::CACHE, &ws.id).await;
    Ok(view(doc, &ws.handle, state))
}

/// Deletes an extra page (the main page stays; unpublish it instead).
pub async fn delete(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
) -> Result<(), AppError> {
    let gone = pages(&state.db)
        .delete_one(scope.filter_with(doc! { "_id": page_id, "slug": { "$ne": "" } }))
        .await?;
    if gone.deleted_count == 0 {
        return Err(AppError::invalid(
            "form",
            "The main page cannot be deleted. Unpublish it instead.",
        ));
    }
    platform::invalidate::invalidate(state, super::module::CACHE, scope.workspace_id()).await;
    crate::service::events::reset(state, scope, page_id).await
}

/// Pages a workspace has, for the plan's `bio_pages` limit.
pub async fn count(state: &AppState, workspace_id: &str) -> Result<u64, AppError> {
    Ok(pages(&state.db)
        .count_documents(doc! { "workspace_id": workspace_id })
        .await?)
}

/// The workspace at `handle` (any case) and its published page at `slug`, for visitors: `None`
/// when there is no such workspace, `Some((ws, None))` when the page is not published.
pub async fn published(
    state: &AppState,
    handle: &str,
    slug: &str,
) -> Result<Option<(Workspace, Option<PageDoc>)>, AppError> {
    let handle = handle.to_ascii_lowercase();
    let Some(ws) = workspaces(&state.db)
        .find_one(doc! { "handle": &handle })
        .await?
    else {
        return Ok(None);
    };
    let page = pages(&state.db)
        .find_one(doc! { "workspace_id": &ws.id, "slug": slug, "published": { "$ne": null } })
        .await?;
    Ok(Some((ws, page)))
}
