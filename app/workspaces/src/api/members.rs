//! Members: list, re-role, remove, leave, transfer ownership.

use crate::model::MemberView;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;

/// The members of a workspace.
#[server(endpoint = "list_members")]
pub async fn list_members(workspace_id: String) -> Result<Vec<MemberView>, AppError> {
    use crate::model::Permission;
    use crate::service::members;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
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
    use crate::model::Permission;
    use crate::service::members;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageMembers,
        |c, scope| async move {
            let change =
                members::change_role(&c.state, &scope, &user_id, ctx::role(&role)?).await?;
            c.audit(
                &scope,
                "member.role_changed",
                format!("{user_id}: {change}"),
            )
            .await
        },
    )
    .await
}

/// Removes a member.
#[server(endpoint = "remove_member")]
pub async fn remove_member(workspace_id: String, user_id: String) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::service::members;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageMembers,
        |c, scope| async move {
            members::remove(&c.state, &scope, &user_id).await?;
            c.audit(&scope, "member.removed", format!("Removed {user_id}"))
                .await
        },
    )
    .await
}

/// Leaves a workspace (the last owner cannot).
#[server(endpoint = "leave_workspace")]
pub async fn leave_workspace(workspace_id: String) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::service::members;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
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
    use crate::model::Permission;
    use crate::service::members;
    use platform::api::respond;
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
