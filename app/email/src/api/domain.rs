//! The workspace's sending domain.

use crate::model::DomainPage;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The sending domain, its DNS records and whether they were found.
#[server(endpoint = "get_email_domain")]
pub async fn get_email_domain(workspace_id: String) -> Result<DomainPage, AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        domains::page(&c.state, &scope).await
    })
    .await
}

/// Sets the sending domain and the From address and name there.
#[server(endpoint = "save_email_domain")]
pub async fn save_email_domain(
    workspace_id: String,
    #[server(default)] domain: String,
    #[server(default)] from_address: String,
    #[server(default)] from_name: String,
) -> Result<DomainPage, AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageSettings,
        |c, scope| async move {
            let page = domains::save(&c.state, &scope, &domain, &from_address, &from_name).await?;
            c.audit(
                &scope,
                "email.domain_saved",
                format!("Set the sending domain {domain}"),
            )
            .await?;
            Ok(page)
        },
    )
    .await
}

/// Checks the domain's records in DNS now.
#[server(endpoint = "check_email_domain")]
pub async fn check_email_domain(workspace_id: String) -> Result<DomainPage, AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageSettings,
        |c, scope| async move { domains::check(&c.state, &scope).await },
    )
    .await
}

/// Removes the sending domain.
#[server(endpoint = "remove_email_domain")]
pub async fn remove_email_domain(workspace_id: String) -> Result<(), AppError> {
    use crate::service::domains;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageSettings,
        |c, scope| async move {
            domains::remove(&c.state, &scope).await?;
            c.audit(
                &scope,
                "email.domain_removed",
                "Removed the sending domain".into(),
            )
            .await
        },
    )
    .await
}
