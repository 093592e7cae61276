//! Invitations by email.

use crate::model::{InvitationPreview, InvitationView};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;

/// Invites someone by email.
#[server(endpoint = "invite_member")]
pub async fn invite_member(
    workspace_id: String,
    email: String,
    role: String,
) -> Result<InvitationView, AppError> {
    use crate::model::Permission;
    use crate::service::invitations;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageMembers,
        |c, scope| async move {
            let inv = invitations::invite(&c.state, &scope, &email, ctx::role(&role)?).await?;
            c.audit(
                &scope,
                "invitation.sent",
                format!("Invited {} as {}", inv.email, inv.role.label()),
            )
            .await?;
            Ok(inv)
        },
    )
    .await
}

/// Pending invitations.
#[server(endpoint = "list_invitations")]
pub async fn list_invitations(workspace_id: String) -> Result<Vec<InvitationView>, AppError> {
    use crate::model::Permission;
    use crate::service::invitations;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageMembers,
        |c, scope| async move { invitations::pending(&c.state, &scope).await },
    )
    .await
}

/// Revokes a pending invitation.
#[server(endpoint = "revoke_invitation")]
pub async fn revoke_invitation(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::service::invitations;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageMembers,
        |c, scope| async move {
            let email = invitations::revoke(&c.state, &scope, &id).await?;
            c.audit(
                &scope,
                "invitation.revoked",
                format!("Revoked the invitation of {email}"),
            )
            .await
        },
    )
    .await
}

/// Sends a pending invitation again.
#[server(endpoint = "resend_invitation")]
pub async fn resend_invitation(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::service::invitations;
    ctx::in_workspace(
        &workspace_id,
        Permission::ManageMembers,
        |c, scope| async move {
            let email = invitations::resend(&c.state, &scope, &id).await?;
            c.audit(
                &scope,
                "invitation.resent",
                format!("Resent the invitation of {email}"),
            )
            .await
        },
    )
    .await
}

/// What an invitation link offers (anyone holding the link may look).
#[server(endpoint = "preview_invitation")]
pub async fn preview_invitation(token: String) -> Result<InvitationPreview, AppError> {
    use crate::service::invitations;
    use identity::service::current_auth;
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        invitations::preview(&c.state, current_auth().as_ref(), &token).await
    })
    .await
}

/// Joins the workspace of an invitation addressed to the caller's email.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(token: String) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::service::invitations;
    use platform::api::respond;
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
