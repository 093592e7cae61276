//! Lists and their subscribers.

use crate::model::{ListView, ListsOverview, SubscriberPage};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The workspace's lists with their counts.
#[server(endpoint = "get_email_lists")]
pub async fn get_email_lists(workspace_id: String) -> Result<ListsOverview, AppError> {
    use crate::service::lists;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        Ok(ListsOverview {
            lists: lists::list(&c.state, &scope).await?,
            can_edit: scope.role().can(Permission::EditContent),
        })
    })
    .await
}

/// Adds a list (empty `id`) or renames it; `double_opt_in` is a checkbox (`on` when ticked).
#[server(endpoint = "save_email_list")]
pub async fn save_email_list(
    workspace_id: String,
    #[server(default)] id: String,
    name: String,
    #[server(default)] double_opt_in: String,
    #[server(default)] bio_signups: String,
) -> Result<ListView, AppError> {
    use crate::service::lists;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let on = |v: &str| matches!(v, "on" | "true");
            let opts = (on(&double_opt_in), on(&bio_signups));
            let list = lists::save(&c.state, &scope, &id, &name, opts).await?;
            let what = if id.is_empty() {
                "email.list_created"
            } else {
                "email.list_changed"
            };
            c.audit(&scope, what, format!("Saved the email list {}", list.name))
                .await?;
            Ok(list)
        },
    )
    .await
}

/// Deletes a list and its subscriptions.
#[server(endpoint = "delete_email_list")]
pub async fn delete_email_list(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::lists;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let list = lists::find(&c.state, &scope, &id).await?;
            lists::delete(&c.state, &scope, &id).await?;
            c.audit(
                &scope,
                "email.list_deleted",
                format!("Deleted the email list {}", list.name),
            )
            .await
        },
    )
    .await
}

/// A page of a list's subscribers: `status` one of pending, subscribed, unsubscribed (all when
/// empty), after subscriber `before`.
#[server(endpoint = "get_email_subscribers")]
pub async fn get_email_subscribers(
    workspace_id: String,
    list_id: String,
    #[server(default)] status: String,
    #[server(default)] before: String,
) -> Result<SubscriberPage, AppError> {
    use crate::model::Status;
    use crate::service::subscriptions;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let status = match status.as_str() {
            "" => None,
            s => Some(
                Status::parse(s).ok_or_else(|| AppError::invalid("status", "Unknown status."))?,
            ),
        };
        subscriptions::page(&c.state, &scope, &list_id, status, &before).await
    })
    .await
}

/// Subscribes the CRM contacts with `tag` (or from `source`) to a list, vouched for by the
/// caller; returns how many were added.
#[server(endpoint = "add_contacts_to_list")]
pub async fn add_contacts_to_list(
    workspace_id: String,
    list_id: String,
    #[server(default)] tag: String,
    #[server(default)] source: String,
) -> Result<u64, AppError> {
    use crate::service::subscriptions;
    use crm::model::ContactQuery;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let query = ContactQuery {
                tag,
                source,
                ..Default::default()
            };
            let added = subscriptions::add_contacts(&c.state, &scope, &list_id, &query).await?;
            c.audit(
                &scope,
                "email.contacts_added",
                format!("Added {added} contacts to an email list"),
            )
            .await?;
            Ok(added)
        },
    )
    .await
}

/// Takes a subscriber off a list (the record stays, so they are not added back by mistake).
#[server(endpoint = "remove_email_subscriber")]
pub async fn remove_email_subscriber(
    workspace_id: String,
    list_id: String,
    id: String,
) -> Result<(), AppError> {
    use crate::model::ConsentMethod;
    use crate::service::subscriptions;
    use mongodb::bson::doc;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let filter = scope.filter_with(doc! { "_id": &id, "list_id": &list_id });
            let ip = c.client.ip.clone();
            subscriptions::take_off(&c.state, filter, ConsentMethod::RemovedByMember, Some(&ip))
                .await?
                .ok_or_else(|| AppError::NotFound {
                    what: "subscriber".into(),
                })?;
            Ok(())
        },
    )
    .await
}
