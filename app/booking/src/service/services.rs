//! Services: what visitors book. Each has an address unique in its workspace.

use super::store::{services, ServiceDoc};
use crate::model::{ServiceForm, ServiceSettings, ServiceView, ServicesView};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use platform::AppState;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

fn not_found() -> AppError {
    AppError::NotFound {
        what: "service".into(),
    }
}

/// The public list of a workspace's services.
pub fn public_url(state: &AppState, handle: &str) -> String {
    format!("{}/@{handle}/book", state.config.base_url)
}

/// A service as screens show it.
pub fn view(state: &AppState, handle: &str, currency: &str, s: ServiceDoc) -> ServiceView {
    ServiceView {
        public_url: format!("{}/{}", public_url(state, handle), s.settings.slug),
        id: s.id,
        settings: s.settings,
        currency: currency.to_owned(),
    }
}

async fn workspace(
    state: &AppState,
    scope: &WorkspaceScope,
) -> Result<workspaces::service::store::Workspace, AppError> {
    super::store::workspace(state, scope.workspace_id()).await
}

/// Every service of the workspace, the members who can host, and what the caller may do.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<ServicesView, AppError> {
    let ws = workspace(state, scope).await?;
    let docs: Vec<ServiceDoc> = services(state)
        .find(scope.filter())
        .sort(doc! { "created_at": 1 })
        .await?
        .try_collect()
        .await?;
    let members = workspaces::service::members::list(state, scope)
        .await?
        .into_iter()
        .map(|m| (m.user_id, m.name))
        .collect();
    Ok(ServicesView {
        services: docs
            .into_iter()
            .map(|s| view(state, &ws.handle, &ws.currency, s))
            .collect(),
        members,
        can_edit: scope.role().can(Permission::EditContent),
        public_url: public_url(state, &ws.handle),
        payments_ready: billing::service::payments::of(state).is_some(),
    })
}

/// The workspace's service `id`.
pub async fn find(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<ServiceDoc, AppError> {
    services(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(not_found)
}

/// The workspace's service `id` as screens show it.
pub async fn get(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<ServiceView, AppError> {
    let ws = workspace(state, scope).await?;
    Ok(view(
        state,
        &ws.handle,
        &ws.currency,
        find(state, scope, id).await?,
    ))
}

/// Checks the form (hosts must be members) and adds the service (empty `id`) or changes it.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    form: &ServiceForm,
    hosts: Vec<String>,
) -> Result<ServiceView, AppError> {
    let settings: ServiceSettings = form
        .check(hosts, scope.user_id())
        .map_err(AppError::invalid_fields)?;
    let members = workspaces::service::members::list(state, scope).await?;
    if settings
        .hosts
        .iter()
        .any(|h| !members.iter().any(|m| &m.user_id == h))
    {
        return Err(AppError::invalid(
            "hosts",
            "Hosts must be members of the workspace.",
        ));
    }
    let taken = services(state)
        .find_one(scope.filter_with(doc! { "slug": &settings.slug, "_id": { "$ne": &form.id } }))
        .await?;
    if taken.is_some() {
        return Err(AppError::invalid(
            "slug",
            "Another service has this address.",
        ));
    }
    let ws = workspace(state, scope).await?;
    let doc = if form.id.is_empty() {
        let doc = ServiceDoc {
            id: app_core::ids::new_id(),
            workspace_id: scope.workspace_id().to_owned(),
            settings,
            created_at: state.clock.now(),
        };
        services(state).insert_one(&doc).await.map_err(|e| {
            if platform::db::duplicates_only(&e) {
                AppError::invalid("slug", "Another service has this address.")
            } else {
                e.into()
            }
        })?;
        doc
    } else {
        let set = mongodb::bson::to_document(&settings).map_err(|_| AppError::Internal)?;
        services(state)
            .find_one_and_update(
                scope.filter_with(doc! { "_id": &form.id }),
                doc! { "$set": set },
            )
            .return_document(mongodb::options::ReturnDocument::After)
            .await?
            .ok_or_else(not_found)?
    };
    Ok(view(state, &ws.handle, &ws.currency, doc))
}

/// Deletes a service; its bookings stay (and keep their times on the calendar).
pub async fn delete(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<ServiceDoc, AppError> {
    let doc = find(state, scope, id).await?;
    services(state)
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    Ok(doc)
}

/// The published service at `slug` of workspace `workspace_id`, for visitors.
pub async fn find_public(
    state: &AppState,
    workspace_id: &str,
    slug: &str,
) -> Result<Option<ServiceDoc>, AppError> {
    Ok(services(state)
        .find_one(doc! { "workspace_id": workspace_id, "slug": slug, "active": true })
        .await?)
}

/// The workspace's services visitors can book, oldest first.
pub async fn list_public(
    state: &AppState,
    workspace_id: &str,
) -> Result<Vec<ServiceDoc>, AppError> {
    Ok(services(state)
        .find(doc! { "workspace_id": workspace_id, "active": true })
        .sort(doc! { "created_at": 1 })
        .await?
        .try_collect()
        .await?)
}
