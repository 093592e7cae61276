//! Creating, finding and configuring workspaces.

use crate::model::WorkspaceView;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;

/// The caller's workspaces.
#[server(endpoint = "list_my_workspaces")]
pub async fn list_my_workspaces() -> Result<Vec<WorkspaceView>, AppError> {
    use crate::service::workspaces;
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        workspaces::list_for(&c.state, &c.user()?.user_id).await
    })
    .await
}

/// A workspace of the caller's, by handle.
#[server(endpoint = "get_workspace")]
pub async fn get_workspace(handle: String) -> Result<WorkspaceView, AppError> {
    use crate::service::workspaces;
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        workspaces::by_handle_for(&c.state, &c.user()?.user_id, &handle).await
    })
    .await
}

/// The workspace's home: each module's numbers of the last seven days and the steps of getting
/// started.
#[server(endpoint = "get_home")]
pub async fn get_home(workspace_id: String) -> Result<app_core::home::Home, AppError> {
    use crate::model::Permission;
    use crate::service::home;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        home::gather(&c.state, &scope).await
    })
    .await
}

/// Creates another workspace owned by the caller and opens it.
#[server(endpoint = "create_workspace")]
pub async fn create_workspace(
    name: String,
    handle: String,
    time_zone: String,
    currency: String,
) -> Result<(), AppError> {
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        let ws = c
            .create_workspace(&c.user()?.user_id, &name, &handle, &time_zone, &currency)
            .await?;
        leptos_axum::redirect(&format!("/app/{}", ws.handle));
        Ok(())
    })
    .await
}

/// Changes the workspace's name, handle, time zone and currency.
#[server(endpoint = "update_workspace")]
pub async fn update_workspace(
    workspace_id: String,
    name: String,
    handle: String,
    time_zone: String,
    currency: String,
) -> Result<WorkspaceView, AppError> {
    use crate::model::Permission;
    use crate::service::workspaces;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageSettings,
        |c, scope| async move {
            let (ws, summary) = workspaces::update_settings(
                &c.state, &scope, &name, &handle, &time_zone, &currency,
            )
            .await?;
            if !summary.is_empty() {
                c.audit(&scope, "settings.updated", summary).await?;
            }
            Ok(ws)
        },
    )
    .await
}

/// Switches modules on and off.
#[server(endpoint = "update_workspace_modules")]
pub async fn update_workspace_modules(
    workspace_id: String,
    modules: Option<Vec<String>>,
) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::service::workspaces;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageSettings,
        |c, scope| async move {
            let modules = modules.unwrap_or_default();
            workspaces::set_modules(&c.state, &scope, &modules).await?;
            c.audit(
                &scope,
                "settings.modules",
                format!(
                    "Modules: {}",
                    if modules.is_empty() {
                        "none".into()
                    } else {
                        modules.join(", ")
                    }
                ),
            )
            .await
        },
    )
    .await
}
