//! The CRM's set-up: the overview every screen loads, custom fields and companies.

use crate::model::{CompanyView, CrmOverview, CustomField};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// Fields, companies, tags, members and the contact limit.
#[server(endpoint = "get_crm_overview")]
pub async fn get_crm_overview(workspace_id: String) -> Result<CrmOverview, AppError> {
    use crate::service::{companies, contacts, fields, people, waiting};
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let ent =
            billing::service::entitlements::entitlements(&c.state, scope.workspace_id()).await?;
        let mut members: Vec<(String, String)> =
            people::names(&c.state, &scope).await?.into_iter().collect();
        members.sort_by(|a, b| a.1.cmp(&b.1));
        // First, so signups that now fit are counted as contacts.
        let waiting_signups = waiting::drain(&c.state, &scope).await?;
        Ok(CrmOverview {
            fields: fields::list(&c.state, &scope).await?,
            companies: companies::list(&c.state, &scope).await?,
            tags: contacts::tags(&c.state, &scope).await?,
            members,
            contacts: contacts::count(&c.state, &scope).await?,
            contact_limit: ent.plan.limit("contacts"),
            waiting_signups,
            can_edit: scope.role().can(Permission::EditContent),
        })
    })
    .await
}

/// Adds a custom field (empty `key`) or changes its label and options.
#[server(endpoint = "save_crm_field")]
pub async fn save_crm_field(
    workspace_id: String,
    #[server(default)] key: String,
    label: String,
    #[server(default)] kind: String,
    #[server(default)] options: String,
) -> Result<CustomField, AppError> {
    use crate::service::fields;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::EditContent, |c, scope| async move {
        fields::save(&c.state, &scope, &key, &label, &kind, &options).await
    })
    .await
}

/// Removes a custom field and its values.
#[server(endpoint = "delete_crm_field")]
pub async fn delete_crm_field(workspace_id: String, key: String) -> Result<(), AppError> {
    use crate::service::fields;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            fields::delete(&c.state, &scope, &key).await?;
            c.audit(
                &scope,
                "crm.field_deleted",
                format!("Deleted the contact field {key}"),
            )
            .await
        },
    )
    .await
}

/// Adds a company (empty `id`) or changes it.
#[server(endpoint = "save_company")]
pub async fn save_company(
    workspace_id: String,
    #[server(default)] id: String,
    name: String,
    #[server(default)] domain: String,
) -> Result<CompanyView, AppError> {
    use crate::service::companies;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { companies::save(&c.state, &scope, &id, &name, &domain).await },
    )
    .await
}

/// Deletes a company; its contacts stay.
#[server(endpoint = "delete_company")]
pub async fn delete_company(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::companies;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { companies::delete(&c.state, &scope, &id).await },
    )
    .await
}
