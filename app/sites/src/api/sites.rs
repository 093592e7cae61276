//! Sites server functions: the list, the editor's draft and publishing, revisions, domains and
//! messages.

use crate::model::{DomainsPanel, RevisionView, SiteStats, SiteSummary, SiteView, SubmissionView};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The workspace's sites, most recently changed first.
#[server(endpoint = "list_sites")]
pub async fn list_sites(workspace_id: String) -> Result<Vec<SiteSummary>, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        sites::list(&c.state, &scope).await
    })
    .await
}

/// Creates a site from a template at `/s/<slug>`, when the plan allows another.
#[server(endpoint = "create_site")]
pub async fn create_site(
    workspace_id: String,
    name: String,
    slug: String,
    template: String,
) -> Result<SiteView, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let site = sites::create(&c.state, &scope, &name, &slug, &template).await?;
            c.audit(
                &scope,
                "sites.created",
                format!("Created the site {}", site.name),
            )
            .await?;
            Ok(site)
        },
    )
    .await
}

/// One site for the editor.
#[server(endpoint = "get_site")]
pub async fn get_site(workspace_id: String, id: String) -> Result<SiteView, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        sites::open(&c.state, &scope, &id).await
    })
    .await
}

/// The editor's autosave. `content` is the site as JSON; `revision` the one it was based on.
#[server(endpoint = "save_site_draft")]
pub async fn save_site_draft(
    workspace_id: String,
    id: String,
    revision: i64,
    content: String,
) -> Result<SiteView, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let content = serde_json::from_str(&content).map_err(|_| {
                AppError::invalid("form", "The site could not be read. Reload and try again.")
            })?;
            sites::save_draft(&c.state, &scope, &id, revision, content).await
        },
    )
    .await
}

/// Makes the draft public and keeps it as a revision.
#[server(endpoint = "publish_site")]
pub async fn publish_site(workspace_id: String, id: String) -> Result<SiteView, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let site = sites::publish(&c.state, &scope, &id).await?;
            c.audit(
                &scope,
                "sites.published",
                format!("Published {}", site.public_url),
            )
            .await?;
            Ok(site)
        },
    )
    .await
}

/// Takes the site off the web, keeping its draft.
#[server(endpoint = "unpublish_site")]
pub async fn unpublish_site(workspace_id: String, id: String) -> Result<SiteView, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let site = sites::unpublish(&c.state, &scope, &id).await?;
            c.audit(
                &scope,
                "sites.unpublished",
                format!("Unpublished {}", site.public_url),
            )
            .await?;
            Ok(site)
        },
    )
    .await
}

/// Deletes a site with its revisions, domains and messages.
#[server(endpoint = "delete_site")]
pub async fn delete_site(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            sites::delete(&c.state, &scope, &id).await?;
            c.audit(&scope, "sites.deleted", "Deleted a site".to_owned())
                .await?;
            Ok(())
        },
    )
    .await
}

/// The site's saved versions, newest first.
#[server(endpoint = "get_site_history")]
pub async fn get_site_history(
    workspace_id: String,
    id: String,
) -> Result<Vec<RevisionView>, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        sites::history(&c.state, &scope, &id).await
    })
    .await
}

/// Makes a saved version the draft again.
#[server(endpoint = "restore_site_revision")]
pub async fn restore_site_revision(
    workspace_id: String,
    id: String,
    revision_id: String,
) -> Result<SiteView, AppError> {
    use crate::service::sites;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let site = sites::restore(&c.state, &scope, &id, &revision_id).await?;
            c.audit(
                &scope,
                "sites.restored",
                format!("Restored an earlier version of {}", site.name),
            )
            .await?;
            Ok(site)
        },
    )
    .await
}

/// The site's custom domains and their DNS records.
#[server(endpoint = "get_site_domains")]
pub async fn get_site_domains(workspace_id: String, id: String) -> Result<DomainsPanel, AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        domains::panel(&c.state, &scope, &id).await
    })
    .await
}

/// Connects a custom domain (admins and owners) and checks its records.
#[server(endpoint = "add_site_domain")]
pub async fn add_site_domain(
    workspace_id: String,
    id: String,
    domain: String,
) -> Result<DomainsPanel, AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageSettings,
        |c, scope| async move {
            let panel = domains::add(&c.state, &scope, &id, &domain).await?;
            c.audit(
                &scope,
                "sites.domain_added",
                format!("Connected the domain {}", domain.trim()),
            )
            .await?;
            Ok(panel)
        },
    )
    .await
}

/// Checks the site's domains' DNS records again.
#[server(endpoint = "check_site_domains")]
pub async fn check_site_domains(
    workspace_id: String,
    id: String,
) -> Result<DomainsPanel, AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { domains::check(&c.state, &scope, &id).await },
    )
    .await
}

/// Disconnects a custom domain.
#[server(endpoint = "remove_site_domain")]
pub async fn remove_site_domain(
    workspace_id: String,
    id: String,
    domain: String,
) -> Result<DomainsPanel, AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageSettings,
        |c, scope| async move {
            let panel = domains::remove(&c.state, &scope, &id, &domain).await?;
            c.audit(
                &scope,
                "sites.domain_removed",
                format!("Removed the domain {domain}"),
            )
            .await?;
            Ok(panel)
        },
    )
    .await
}

/// The newest messages the site's forms got.
#[server(endpoint = "get_site_submissions")]
pub async fn get_site_submissions(
    workspace_id: String,
    id: String,
) -> Result<Vec<SubmissionView>, AppError> {
    use crate::service::submissions;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        submissions::list(&c.state, &scope, &id).await
    })
    .await
}

/// A site's views, visitors, forms sent, pages, referrers and devices from `from` to `to`
/// (`YYYY-MM-DD`, inclusive; both empty for the last 30 days).
#[server(endpoint = "get_site_stats")]
pub async fn get_site_stats(
    workspace_id: String,
    id: String,
    from: String,
    to: String,
) -> Result<SiteStats, AppError> {
    use crate::service::stats;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        stats::stats(&c.state, &scope, &id, &from, &to).await
    })
    .await
}
