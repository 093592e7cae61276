//! Contact server functions: the list, one contact, save, bulk tag and delete.
// A form's fields are a server function's arguments, one each; the macro's expansion cannot
// carry an `allow` on the function itself.
#![allow(clippy::too_many_arguments)]

use crate::model::{ContactDetail, ContactPage, ContactQuery, ContactView};
use app_core::error::AppError;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// One page of contacts matching the search and filters; `cursor` from the previous page.
#[server(endpoint = "list_contacts")]
pub async fn list_contacts(
    workspace_id: String,
    #[server(flatten)]
    #[server(default)]
    query: ContactQuery,
    #[server(default)] cursor: String,
) -> Result<ContactPage, AppError> {
    use crate::service::contacts;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        contacts::list(&c.state, &scope, &query, &cursor).await
    })
    .await
}

/// A contact with its timeline, tasks and deals.
#[server(endpoint = "get_contact")]
pub async fn get_contact(workspace_id: String, id: String) -> Result<ContactDetail, AppError> {
    use crate::service::{activity, contacts, deals, tasks};
    use mongodb::bson::doc;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let contact = contacts::get(&c.state, &scope, &id).await?;
        Ok(ContactDetail {
            timeline: activity::timeline(&c.state, &scope, doc! { "contact_id": &id }).await?,
            tasks: tasks::list(&c.state, &scope, doc! { "contact_id": &id }).await?,
            deals: deals::of_contact(&c.state, &scope, &id).await?,
            contact,
        })
    })
    .await
}

/// Adds a contact (empty `id`) or replaces its details. Emails, phones and tags are one per line
/// or comma-separated; `custom` maps field keys to values (`custom[tier][]=Gold`).
#[server(endpoint = "save_contact")]
pub async fn save_contact(
    workspace_id: String,
    #[server(default)] id: String,
    #[server(default)] name: String,
    #[server(default)] emails: String,
    #[server(default)] phones: String,
    #[server(default)] company_id: String,
    #[server(default)] tags: String,
    #[server(default)] owner_id: String,
    #[server(default)] custom: BTreeMap<String, Vec<String>>,
) -> Result<ContactView, AppError> {
    use crate::service::contacts::{self, ContactInput};
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let input = ContactInput {
                name,
                emails,
                phones,
                company_id,
                tags,
                owner_id,
                custom,
            };
            if id.is_empty() {
                contacts::create(&c.state, &scope, &input).await
            } else {
                contacts::update(&c.state, &scope, &id, &input).await
            }
        },
    )
    .await
}

/// Adds `tag` to the selected contacts; returns how many gained it.
#[server(endpoint = "tag_contacts")]
pub async fn tag_contacts(
    workspace_id: String,
    #[server(default)] ids: Vec<String>,
    tag: String,
) -> Result<u64, AppError> {
    use crate::service::contacts;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { contacts::tag_many(&c.state, &scope, &ids, &tag).await },
    )
    .await
}

/// Deletes the selected contacts with their timelines and tasks; returns how many.
#[server(endpoint = "delete_contacts")]
pub async fn delete_contacts(
    workspace_id: String,
    #[server(default)] ids: Vec<String>,
) -> Result<u64, AppError> {
    use crate::service::contacts;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let n = contacts::delete_many(&c.state, &scope, &ids).await?;
            c.audit(
                &scope,
                "crm.contacts_deleted",
                format!("Deleted {n} contacts"),
            )
            .await?;
            Ok(n)
        },
    )
    .await
}
