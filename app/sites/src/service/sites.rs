//! A workspace's sites: created from a template, the draft the editor autosaves, publishing
//! (which keeps a revision), and restoring a revision.

use super::store::{internal, no_site, revisions, rfc3339, sites, RevisionDoc, SiteDoc};
use crate::model::templates::template;
use crate::model::validate::validate;
use crate::model::{RevisionView, SiteContent, SiteSummary, SiteView};
use app_core::error::AppError;
use app_core::ids::new_id;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, to_bson};
use mongodb::options::ReturnDocument;
use platform::AppState;
use workspaces::WorkspaceScope;

/// The most revisions a site keeps; older ones go.
pub const KEEP_REVISIONS: i64 = 50;

/// Addresses no site may take at `/s/<slug>`.
const RESERVED: &[&str] = &["admin", "api", "app", "www", "mewayz", "help", "static"];

/// Where visitors find site `doc`: its active custom domain, else `/s/<slug>` on the app.
pub async fn public_url(state: &AppState, doc: &SiteDoc) -> String {
    match super::domains::active_of(state, &doc.id).await {
        Some(domain) => format!("https://{domain}"),
        None => app_address(state, &doc.slug),
    }
}

/// The address of the site at `slug` on the app.
fn app_address(state: &AppState, slug: &str) -> String {
    format!("{}/s/{slug}", state.config.base_url.trim_end_matches('/'))
}

async fn view(state: &AppState, doc: SiteDoc) -> SiteView {
    SiteView {
        public_url: public_url(state, &doc).await,
        unpublished_changes: doc.published.as_ref() != Some(&doc.draft),
        published_at: doc.published_at.map(rfc3339),
        id: doc.id,
        name: doc.name,
        slug: doc.slug,
        draft: doc.draft,
        revision: doc.revision,
    }
}

/// The site `id` of the workspace.
pub async fn get(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<SiteDoc, AppError> {
    sites(&state.db)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(no_site)
}

/// Every site of the workspace, newest change first.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<SiteSummary>, AppError> {
    let docs: Vec<SiteDoc> = sites(&state.db)
        .find(scope.filter())
        .sort(doc! { "updated_at": -1 })
        .await?
        .try_collect()
        .await?;
    let domains = super::domains::active_in(state, scope).await?;
    let out = docs
        .into_iter()
        .map(|d| SiteSummary {
            public_url: match domains.get(&d.id) {
                Some(domain) => format!("https://{domain}"),
                None => app_address(state, &d.slug),
            },
            pages: d.draft.pages.len(),
            published: d.published.is_some(),
            updated_at: rfc3339(d.updated_at),
            id: d.id,
            name: d.name,
            slug: d.slug,
        })
        .collect();
    Ok(out)
}

/// Sites a workspace has, for the plan's `sites` limit.
pub async fn count(state: &AppState, workspace_id: &str) -> Result<u64, AppError> {
    Ok(sites(&state.db)
        .count_documents(doc! { "workspace_id": workspace_id })
        .await?)
}

fn check_address(slug: &str) -> Result<String, AppError> {
    let slug = slug.trim().to_ascii_lowercase();
    let ok = (3..=40).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !RESERVED.contains(&slug.as_str());
    if ok {
        Ok(slug)
    } else {
        Err(AppError::invalid(
            "slug",
            "Use 3 to 40 lowercase letters, digits and dashes.",
        ))
    }
}

/// Creates a site named `name` at `/s/<slug>` from template `template_key`, within the plan's
/// number of sites.
pub async fn create(
    state: &AppState,
    scope: &WorkspaceScope,
    name: &str,
    slug: &str,
    template_key: &str,
) -> Result<SiteView, AppError> {
    let name = name.trim();
    let mut problems = Vec::new();
    if name.is_empty() || name.chars().count() > 80 {
        problems.push(("name", "Name the site (up to 80 characters)."));
    }
    let slug = match check_address(slug) {
        Ok(s) => Some(s),
        Err(_) => {
            problems.push(("slug", "Use 3 to 40 lowercase letters, digits and dashes."));
            None
        }
    };
    let content = template(template_key, &new_id);
    if content.is_none() {
        problems.push(("template", "Choose a template."));
    }
    let (Some(slug), Some(content), true) = (slug, content, problems.is_empty()) else {
        return Err(AppError::invalid_fields(problems));
    };
    scope
        .check_limit(state, "sites", count(state, scope.workspace_id()).await?)
        .await?;
    let now = state.clock.now();
    let doc = SiteDoc {
        id: new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        name: name.to_owned(),
        slug,
        draft: content,
        published: None,
        published_at: None,
        revision: 0,
        created_at: now,
        updated_at: now,
    };
    match sites(&state.db)
        .insert_one(&doc)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(view(state, doc).await),
        Err(AppError::Conflict { .. }) => Err(AppError::Conflict {
            field: Some("slug".into()),
            message: "That address is taken. Try another.".into(),
        }),
        Err(e) => Err(e),
    }
}

/// The site `id` for the editor.
pub async fn open(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<SiteView, AppError> {
    Ok(view(state, get(state, scope, id).await?).await)
}

fn changed_elsewhere() -> AppError {
    AppError::Conflict {
        field: None,
        message: "This site was changed somewhere else. Reload to see the latest version; your last change was not saved.".into(),
    }
}

/// Saves the editor's working copy. `revision` is the one the editor started from: a save over
/// a newer one (another tab, another member) is refused instead of silently lost.
pub async fn save_draft(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    revision: i64,
    content: SiteContent,
) -> Result<SiteView, AppError> {
    let content = validate(content, false).map_err(|fields| AppError::Validation { fields })?;
    let updated = sites(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id, "revision": revision }),
            doc! {
                "$set": { "draft": to_bson(&content).map_err(internal)?, "updated_at": state.clock.now() },
                "$inc": { "revision": 1_i64 },
            },
        )
        .return_document(ReturnDocument::After)
        .await?;
    match updated {
        Some(doc) => Ok(view(state, doc).await),
        None => {
            get(state, scope, id).await?;
            Err(changed_elsewhere())
        }
    }
}

async fn keep_revision(
    state: &AppState,
    scope: &WorkspaceScope,
    site_id: &str,
    note: &str,
    content: &SiteContent,
) -> Result<(), AppError> {
    let doc = RevisionDoc {
        id: new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        site_id: site_id.to_owned(),
        note: note.to_owned(),
        content: content.clone(),
        by: scope.user_id().to_owned(),
        at: state.clock.now(),
    };
    revisions(&state.db).insert_one(&doc).await?;
    // Beyond the newest KEEP_REVISIONS, the oldest go.
    let old: Vec<RevisionDoc> = revisions(&state.db)
        .find(scope.filter_with(doc! { "site_id": site_id }))
        .sort(doc! { "at": -1 })
        .skip(KEEP_REVISIONS as u64)
        .await?
        .try_collect()
        .await?;
    if !old.is_empty() {
        let ids: Vec<&str> = old.iter().map(|r| r.id.as_str()).collect();
        revisions(&state.db)
            .delete_many(scope.filter_with(doc! { "_id": { "$in": ids } }))
            .await?;
    }
    Ok(())
}

/// Makes the draft what visitors see, and keeps it as a revision.
pub async fn publish(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<SiteView, AppError> {
    let site = get(state, scope, id).await?;
    let content = validate(site.draft, true).map_err(|fields| AppError::Validation { fields })?;
    let doc = sites(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id, "revision": site.revision }),
            doc! { "$set": { "published": to_bson(&content).map_err(internal)?, "published_at": state.clock.now() } },
        )
        .return_document(ReturnDocument::After)
        .await?
        .ok_or_else(|| AppError::Conflict {
            field: None,
            message: "The site changed while publishing. Publish again.".into(),
        })?;
    keep_revision(state, scope, id, "Published", &content).await?;
    super::cache::forget_site(state, &doc).await;
    Ok(view(state, doc).await)
}

/// Takes the site off the web; its draft stays.
pub async fn unpublish(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<SiteView, AppError> {
    let doc = sites(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id }),
            doc! { "$set": { "published": null, "published_at": null } },
        )
        .return_document(ReturnDocument::After)
        .await?
        .ok_or_else(no_site)?;
    super::cache::forget_site(state, &doc).await;
    Ok(view(state, doc).await)
}

/// Deletes a site with its revisions, domains and submissions.
pub async fn delete(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<(), AppError> {
    let site = get(state, scope, id).await?;
    sites(&state.db)
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    let of_site = scope.filter_with(doc! { "site_id": id });
    revisions(&state.db).delete_many(of_site.clone()).await?;
    super::store::domains(&state.db)
        .delete_many(of_site.clone())
        .await?;
    super::store::submissions(&state.db)
        .delete_many(of_site)
        .await?;
    super::cache::forget_site(state, &site).await;
    Ok(())
}

/// The site's saved versions, newest first.
pub async fn history(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<Vec<RevisionView>, AppError> {
    get(state, scope, id).await?;
    let docs: Vec<RevisionDoc> = revisions(&state.db)
        .find(scope.filter_with(doc! { "site_id": id }))
        .sort(doc! { "at": -1 })
        .await?
        .try_collect()
        .await?;
    let by: Vec<&str> = docs.iter().map(|d| d.by.as_str()).collect();
    let authors = identity::service::users::by_ids(&state.db, &by).await?;
    let out = docs
        .into_iter()
        .map(|d| RevisionView {
            by: authors
                .get(&d.by)
                .map_or_else(|| "Someone".into(), |u| u.name.clone()),
            pages: d.content.pages.len(),
            at: rfc3339(d.at),
            note: d.note,
            id: d.id,
        })
        .collect();
    Ok(out)
}

/// Makes revision `revision_id` the draft again (what it replaces is kept as a revision too).
/// Publishing makes it public.
pub async fn restore(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    revision_id: &str,
) -> Result<SiteView, AppError> {
    let site = get(state, scope, id).await?;
    let old = revisions(&state.db)
        .find_one(scope.filter_with(doc! { "_id": revision_id, "site_id": id }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That version".into(),
        })?;
    keep_revision(state, scope, id, "Before restoring", &site.draft).await?;
    let doc = sites(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id, "revision": site.revision }),
            doc! {
                "$set": { "draft": to_bson(&old.content).map_err(internal)?, "updated_at": state.clock.now() },
                "$inc": { "revision": 1_i64 },
            },
        )
        .return_document(ReturnDocument::After)
        .await?
        .ok_or_else(changed_elsewhere)?;
    Ok(view(state, doc).await)
}
