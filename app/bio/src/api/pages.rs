//! Bio page server functions: open, autosave, publish, and more pages.

use crate::model::{BioPageSummary, BioPageView};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The workspace's pages, main page first (created on first use).
#[server(endpoint = "list_bio_pages")]
pub async fn list_bio_pages(workspace_id: String) -> Result<Vec<BioPageSummary>, AppError> {
    use crate::service::pages;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        pages::list(&c.state, &scope).await
    })
    .await
}

/// One page for the builder: `slug` empty for the main page.
#[server(endpoint = "get_bio_page")]
pub async fn get_bio_page(workspace_id: String, slug: String) -> Result<BioPageView, AppError> {
    use crate::service::pages;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        pages::open(&c.state, &scope, &slug).await
    })
    .await
}

/// Adds a page at `/@handle/<slug>` when the plan allows another.
#[server(endpoint = "create_bio_page")]
pub async fn create_bio_page(workspace_id: String, slug: String) -> Result<BioPageView, AppError> {
    use crate::service::pages;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let page = pages::create(&c.state, &scope, &slug).await?;
            c.audit(
                &scope,
                "bio.page_created",
                format!("Added the bio page /{}", page.slug),
            )
            .await?;
            Ok(page)
        },
    )
    .await
}

/// The builder's autosave. `content` is the page as JSON; `revision` the one it was based on.
#[server(endpoint = "save_bio_draft")]
pub async fn save_bio_draft(
    workspace_id: String,
    page_id: String,
    revision: i64,
    content: String,
) -> Result<BioPageView, AppError> {
    use crate::service::pages;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let content = serde_json::from_str(&content).map_err(|_| {
                AppError::invalid("form", "The page could not be read. Reload and try again.")
            })?;
            pages::save_draft(&c.state, &scope, &page_id, revision, content).await
        },
    )
    .await
}

/// Makes the draft public.
#[server(endpoint = "publish_bio_page")]
pub async fn publish_bio_page(
    workspace_id: String,
    page_id: String,
) -> Result<BioPageView, AppError> {
    use crate::service::pages;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let page = pages::publish(&c.state, &scope, &page_id).await?;
            c.audit(
                &scope,
                "bio.published",
                format!("Published {}", page.public_url),
            )
            .await?;
            Ok(page)
        },
    )
    .await
}

/// Takes a page off the web, keeping its draft.
#[server(endpoint = "unpublish_bio_page")]
pub async fn unpublish_bio_page(
    workspace_id: String,
    page_id: String,
) -> Result<BioPageView, AppError> {
    use crate::service::pages;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let page = pages::unpublish(&c.state, &scope, &page_id).await?;
            c.audit(
                &scope,
                "bio.unpublished",
                format!("Unpublished {}", page.public_url),
            )
            .await?;
            Ok(page)
        },
    )
    .await
}

/// Deletes an extra page and its statistics.
#[server(endpoint = "delete_bio_page")]
pub async fn delete_bio_page(workspace_id: String, page_id: String) -> Result<(), AppError> {
    use crate::service::pages;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            pages::delete(&c.state, &scope, &page_id).await?;
            c.audit(&scope, "bio.page_deleted", "Deleted a bio page".into())
                .await
        },
    )
    .await
}
