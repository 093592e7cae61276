//! Services: list, read, save, delete.
// The service form stays a plain ActionForm (it posts before hydration too): `ServiceForm` is
// flattened, so its fields post under their own names.

use crate::model::{ServiceForm, ServiceView, ServicesView};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The workspace's services, its members who can host, and the public page's address.
#[server(endpoint = "get_booking_services")]
pub async fn get_booking_services(workspace_id: String) -> Result<ServicesView, AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        crate::service::services::list(&c.state, &scope).await
    })
    .await
}

/// One service.
#[server(endpoint = "get_booking_service")]
pub async fn get_booking_service(
    workspace_id: String,
    id: String,
) -> Result<ServiceView, AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        crate::service::services::get(&c.state, &scope, &id).await
    })
    .await
}

/// Adds a service (empty `id`) or changes it; `hosts` are members' user ids (the caller when
/// none).
#[server(endpoint = "save_booking_service")]
pub async fn save_booking_service(
    workspace_id: String,
    #[server(flatten)] form: ServiceForm,
    hosts: Option<Vec<String>>,
) -> Result<ServiceView, AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let saved =
                crate::service::services::save(&c.state, &scope, &form, hosts.unwrap_or_default())
                    .await?;
            let what = if form.id.is_empty() {
                "booking.service_created"
            } else {
                "booking.service_changed"
            };
            c.audit(
                &scope,
                what,
                format!("Saved the service {}", saved.settings.name),
            )
            .await?;
            Ok(saved)
        },
    )
    .await
}

/// Deletes a service; its bookings stay.
#[server(endpoint = "delete_booking_service")]
pub async fn delete_booking_service(workspace_id: String, id: String) -> Result<(), AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let gone = crate::service::services::delete(&c.state, &scope, &id).await?;
            c.audit(
                &scope,
                "booking.service_deleted",
                format!("Deleted the service {}", gone.settings.name),
            )
            .await
        },
    )
    .await
}
