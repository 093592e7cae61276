//! What every workspace server function starts from (server only).

use crate::model::Permission;
use crate::WorkspaceScope;
use app_core::error::AppError;
use identity::service::{current_auth, require_auth, Auth};
use platform::request::ClientInfo;
use platform::AppState;

/// State, caller and client of the current request.
pub struct Ctx {
    pub state: AppState,
    pub client: ClientInfo,
}

/// The context of the current request.
pub fn ctx() -> Ctx {
    let state = platform::api::state();
    let client = platform::api::client(&state);
    Ctx { state, client }
}

/// The body of a workspace server function: resolves the caller, requires `permission` in
/// `workspace_id` (the authorisation check), runs `body` with the request's context and the
/// scope, and gives an error its HTTP status.
pub async fn in_workspace<T, F, Fut>(
    workspace_id: &str,
    permission: Permission,
    body: F,
) -> Result<T, AppError>
where
    F: FnOnce(Ctx, WorkspaceScope) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    platform::api::respond(async move {
        let c = ctx();
        let scope = c.scope(workspace_id, permission).await?;
        body(c, scope).await
    })
    .await
}

impl Ctx {
    /// The authorisation check: the only way to a workspace's data.
    pub async fn scope(
        &self,
        workspace_id: &str,
        p: Permission,
    ) -> Result<WorkspaceScope, AppError> {
        WorkspaceScope::require(&self.state, current_auth().as_ref(), workspace_id, p).await
    }

    pub fn user(&self) -> Result<Auth, AppError> {
        require_auth()
    }

    pub async fn audit(
        &self,
        scope: &WorkspaceScope,
        action: &str,
        summary: String,
    ) -> Result<(), AppError> {
        crate::service::audit::record(&self.state, scope, &self.client, action, summary).await
    }

    /// Creates a workspace owned by `user_id` and records it in its audit log.
    pub async fn create_workspace(
        &self,
        user_id: &str,
        name: &str,
        handle: &str,
        time_zone: &str,
        currency: &str,
    ) -> Result<crate::model::WorkspaceView, AppError> {
        let ws = crate::service::workspaces::create(
            &self.state,
            user_id,
            name,
            handle,
            time_zone,
            currency,
        )
        .await?;
        let scope = self.scope(&ws.id, Permission::View).await?;
        self.audit(
            &scope,
            "workspace.created",
            format!("Created {} (@{})", ws.name, ws.handle),
        )
        .await?;
        Ok(ws)
    }

    /// The workspace the caller's setup wizard is configuring, scoped for changing its settings.
    pub async fn wizard_scope(&self, user_id: &str) -> Result<WorkspaceScope, AppError> {
        let ws = crate::service::onboarding::state_of(&self.state, user_id)
            .await?
            .workspace
            .ok_or_else(|| AppError::invalid("step", "Create your workspace first."))?;
        self.scope(&ws.id, Permission::ManageSettings).await
    }
}

/// Parses a posted role.
pub fn role(s: &str) -> Result<crate::model::Role, AppError> {
    crate::model::Role::parse(s).ok_or_else(|| AppError::invalid("role", "Choose a role."))
}
