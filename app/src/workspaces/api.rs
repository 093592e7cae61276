//! Workspace server functions. Every one that touches a workspace's data obtains a
//! `WorkspaceScope` first; the isolation test proves each one refuses outsiders.

use super::model::{
    AuditEntry, InvitationPreview, InvitationView, MemberView, WizardState, WorkspaceView,
};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ctx {
    use crate::error::AppError;
    use crate::identity::service::{current_auth, require_auth, Auth};
    use crate::platform::request::ClientInfo;
    use crate::platform::{AppState, WorkspaceScope};
    use crate::workspaces::model::Permission;

    /// State, caller and client of the current request.
    pub struct Ctx {
        pub state: AppState,
        pub client: ClientInfo,
    }

    pub fn ctx() -> Ctx {
        let state = crate::platform::api::state();
        let client = crate::platform::api::client(&state);
        Ctx { state, client }
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
            crate::workspaces::service::audit::record(
                &self.state,
                scope,
                &self.client,
                action,
                summary,
            )
            .await
        }
    }

    pub fn role(s: &str) -> Result<crate::workspaces::model::Role, AppError> {
        crate::workspaces::model::Role::parse(s)
            .ok_or_else(|| AppError::invalid("role", "Choose a role."))
    }
}

/// The caller's workspaces.
#[server(endpoint = "list_my_workspaces")]
pub async fn list_my_workspaces() -> Result<Vec<WorkspaceView>, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::service::workspaces;
    respond(async move {
        let c = ctx::ctx();
        workspaces::list_for(&c.state, &c.user()?.user_id).await
    })
    .await
}

/// A workspace of the caller's, by handle.
#[server(endpoint = "get_workspace")]
pub async fn get_workspace(handle: String) -> Result<WorkspaceView, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::service::workspaces;
    respond(async move {
        let c = ctx::ctx();
        workspaces::by_handle_for(&c.state, &c.user()?.user_id, &handle).await
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
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::workspaces;
    respond(async move {
        let c = ctx::ctx();
        let ws = workspaces::create(
            &c.state,
            &c.user()?.user_id,
            &name,
            &handle,
            &time_zone,
            &currency,
        )
        .await?;
        let scope = c.scope(&ws.id, Permission::View).await?;
        c.audit(
            &scope,
            "workspace.created",
            format!("Created {} (@{})", ws.name, ws.handle),
        )
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
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::workspaces;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageSettings).await?;
        let (ws, summary) =
            workspaces::update_settings(&c.state, &scope, &name, &handle, &time_zone, &currency)
                .await?;
        if !summary.is_empty() {
            c.audit(&scope, "settings.updated", summary).await?;
        }
        Ok(ws)
    })
    .await
}

/// The members of a workspace.
#[server(endpoint = "list_members")]
pub async fn list_members(workspace_id: String) -> Result<Vec<MemberView>, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::members;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::View).await?;
        members::list(&c.state, &scope).await
    })
    .await
}

/// Changes a member's role.
#[server(endpoint = "change_member_role")]
pub async fn change_member_role(
    workspace_id: String,
    user_id: String,
    role: String,
) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::members;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageMembers).await?;
        let change = members::change_role(&c.state, &scope, &user_id, ctx::role(&role)?).await?;
        c.audit(
            &scope,
            "member.role_changed",
            format!("{user_id}: {change}"),
        )
        .await
    })
    .await
}

/// Removes a member.
#[server(endpoint = "remove_member")]
pub async fn remove_member(workspace_id: String, user_id: String) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::members;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageMembers).await?;
        members::remove(&c.state, &scope, &user_id).await?;
        c.audit(&scope, "member.removed", format!("Removed {user_id}"))
            .await
    })
    .await
}

/// Leaves a workspace (the last owner cannot).
#[server(endpoint = "leave_workspace")]
pub async fn leave_workspace(workspace_id: String) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::members;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::View).await?;
        c.audit(&scope, "member.left", "Left the workspace".into())
            .await?;
        members::remove(&c.state, &scope, scope.user_id()).await?;
        leptos_axum::redirect("/app");
        Ok(())
    })
    .await
}

/// Makes another member the owner.
#[server(endpoint = "transfer_ownership")]
pub async fn transfer_ownership(workspace_id: String, user_id: String) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::members;
    respond(async move {
        let c = ctx::ctx();
        let scope = c
            .scope(&workspace_id, Permission::TransferOwnership)
            .await?;
        members::transfer_ownership(&c.state, &scope, &user_id).await?;
        c.audit(
            &scope,
            "ownership.transferred",
            format!("Ownership transferred to {user_id}"),
        )
        .await
    })
    .await
}

/// Invites someone by email.
#[server(endpoint = "invite_member")]
pub async fn invite_member(
    workspace_id: String,
    email: String,
    role: String,
) -> Result<InvitationView, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::invitations;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageMembers).await?;
        let inv = invitations::invite(&c.state, &scope, &email, ctx::role(&role)?).await?;
        c.audit(
            &scope,
            "invitation.sent",
            format!("Invited {} as {}", inv.email, inv.role.label()),
        )
        .await?;
        Ok(inv)
    })
    .await
}

/// Pending invitations.
#[server(endpoint = "list_invitations")]
pub async fn list_invitations(workspace_id: String) -> Result<Vec<InvitationView>, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::invitations;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageMembers).await?;
        invitations::pending(&c.state, &scope).await
    })
    .await
}

/// Revokes a pending invitation.
#[server(endpoint = "revoke_invitation")]
pub async fn revoke_invitation(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::invitations;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageMembers).await?;
        let email = invitations::revoke(&c.state, &scope, &id).await?;
        c.audit(
            &scope,
            "invitation.revoked",
            format!("Revoked the invitation of {email}"),
        )
        .await
    })
    .await
}

/// Sends a pending invitation again.
#[server(endpoint = "resend_invitation")]
pub async fn resend_invitation(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::invitations;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageMembers).await?;
        let email = invitations::resend(&c.state, &scope, &id).await?;
        c.audit(
            &scope,
            "invitation.resent",
            format!("Resent the invitation of {email}"),
        )
        .await
    })
    .await
}

/// What an invitation link offers (anyone holding the link may look).
#[server(endpoint = "preview_invitation")]
pub async fn preview_invitation(token: String) -> Result<InvitationPreview, AppError> {
    use crate::identity::service::current_auth;
    use crate::platform::api::respond;
    use crate::workspaces::service::invitations;
    respond(async move {
        let c = ctx::ctx();
        invitations::preview(&c.state, current_auth().as_ref(), &token).await
    })
    .await
}

/// Joins the workspace of an invitation addressed to the caller's email.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(token: String) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::invitations;
    respond(async move {
        let c = ctx::ctx();
        let auth = c.user()?;
        let (handle, inv) = invitations::accept(&c.state, &auth, &token).await?;
        let scope = c.scope(&inv.workspace_id, Permission::View).await?;
        c.audit(
            &scope,
            "invitation.accepted",
            format!("Joined as {}", inv.role.label()),
        )
        .await?;
        leptos_axum::redirect(&format!("/app/{handle}"));
        Ok(())
    })
    .await
}

/// The audit log, newest first, optionally one kind of action.
#[server(endpoint = "list_audit_log")]
pub async fn list_audit_log(
    workspace_id: String,
    action: Option<String>,
) -> Result<Vec<AuditEntry>, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::audit;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ViewAuditLog).await?;
        audit::list(&c.state, &scope, action.as_deref()).await
    })
    .await
}

/// Where the caller is in the setup wizard.
#[server(endpoint = "get_wizard")]
pub async fn get_wizard() -> Result<WizardState, AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::service::onboarding;
    respond(async move {
        let c = ctx::ctx();
        onboarding::state_of(&c.state, &c.user()?.user_id).await
    })
    .await
}

/// Wizard step 1: creates the workspace (or updates it when revisiting the step).
#[server(endpoint = "wizard_workspace")]
pub async fn wizard_workspace(
    name: String,
    handle: String,
    time_zone: String,
    currency: String,
) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::{onboarding, workspaces};
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        let wizard = onboarding::state_of(&c.state, &user.user_id).await?;
        let id = match wizard.workspace {
            Some(ws) => {
                let scope = c.scope(&ws.id, Permission::ManageSettings).await?;
                workspaces::update_settings(
                    &c.state, &scope, &name, &handle, &time_zone, &currency,
                )
                .await?;
                ws.id
            }
            None => {
                let ws = workspaces::create(
                    &c.state,
                    &user.user_id,
                    &name,
                    &handle,
                    &time_zone,
                    &currency,
                )
                .await?;
                let scope = c.scope(&ws.id, Permission::View).await?;
                c.audit(
                    &scope,
                    "workspace.created",
                    format!("Created {} (@{})", ws.name, ws.handle),
                )
                .await?;
                ws.id
            }
        };
        onboarding::go_to(&c.state, &user.user_id, "goals", Some(&id)).await
    })
    .await
}

/// Wizard step 2: goals (may be empty).
#[server(endpoint = "wizard_goals")]
pub async fn wizard_goals(goals: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::onboarding;
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        let ws = onboarding::state_of(&c.state, &user.user_id)
            .await?
            .workspace
            .ok_or_else(|| AppError::invalid("step", "Create your workspace first."))?;
        let scope = c.scope(&ws.id, Permission::ManageSettings).await?;
        onboarding::set_goals(&c.state, scope.workspace_id(), &goals.unwrap_or_default()).await?;
        onboarding::go_to(&c.state, &user.user_id, "modules", None).await
    })
    .await
}

/// Wizard step 3: modules to enable.
#[server(endpoint = "wizard_modules")]
pub async fn wizard_modules(modules: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::{onboarding, workspaces};
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        let ws = onboarding::state_of(&c.state, &user.user_id)
            .await?
            .workspace
            .ok_or_else(|| AppError::invalid("step", "Create your workspace first."))?;
        let scope = c.scope(&ws.id, Permission::ManageSettings).await?;
        workspaces::set_modules(&c.state, &scope, &modules.unwrap_or_default()).await?;
        onboarding::go_to(&c.state, &user.user_id, "plan", None).await
    })
    .await
}

/// Moves the wizard to another step (skip ahead or go back).
#[server(endpoint = "wizard_go")]
pub async fn wizard_go(step: String) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::service::onboarding;
    respond(async move {
        let c = ctx::ctx();
        onboarding::go_to(&c.state, &c.user()?.user_id, &step, None).await
    })
    .await
}

/// Switches modules on and off.
#[server(endpoint = "update_workspace_modules")]
pub async fn update_workspace_modules(
    workspace_id: String,
    modules: Option<Vec<String>>,
) -> Result<(), AppError> {
    use crate::platform::api::respond;
    use crate::workspaces::model::Permission;
    use crate::workspaces::service::workspaces;
    respond(async move {
        let c = ctx::ctx();
        let scope = c.scope(&workspace_id, Permission::ManageSettings).await?;
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
    })
    .await
}
