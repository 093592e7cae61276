//! Invitations by email: a single-use link valid for 7 days, for new and existing users.

use super::store::{invitations, memberships, workspaces, Invitation, Membership};
use crate::model::{InvitationPreview, InvitationView, Role};
use crate::WorkspaceScope;
use app_core::error::AppError;
use identity::model::{email_problem, normalize_email, Problems};
use identity::service::secrets::{random_token, token_hash};
use identity::service::{users, Auth};
use mongodb::bson::{doc, DateTime};
use platform::mailer::Email;
use platform::AppState;
use std::time::Duration;

/// How long an invitation stays valid.
pub const INVITATION_TTL: Duration = Duration::from_secs(7 * 24 * 3600);
/// The least time between two emails of one invitation.
pub const RESEND_COOLDOWN: Duration = Duration::from_secs(60);

fn invitation_email(to: &str, inviter: &str, workspace: &str, role: Role, link: &str) -> Email {
    let text = format!(
        "{inviter} invited you to join {workspace} on Mewayz as {role}.\n\nAccept the invitation:\n{link}\n\nThe link works once and expires in 7 days.\n",
        role = role.label().to_lowercase()
    );
    let esc = app_core::text::escape_html;
    Email {
        to: to.to_owned(),
        subject: format!("Join {workspace} on Mewayz"),
        html: format!(
            "<!DOCTYPE html><html><body><p>{} invited you to join <strong>{}</strong> on Mewayz as {}.</p><p><a href=\"{}\">Accept the invitation</a></p><p>The link works once and expires in 7 days.</p></body></html>",
            esc(inviter), esc(workspace), role.label().to_lowercase(), esc(link)
        ),
        text,
    }
}

/// Counts one invitation email against the workspace's daily allowance, so no account can use
/// invitations to mail strangers in a loop.
async fn allow_email(state: &AppState, scope: &WorkspaceScope) -> Result<(), AppError> {
    state.limits.member_emails.check(scope.workspace_id()).await
}

async fn send(
    state: &AppState,
    scope: &WorkspaceScope,
    inv: &Invitation,
    token: &str,
) -> Result<(), AppError> {
    let ws = workspaces(&state.db)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?
        .ok_or(AppError::Internal)?;
    let inviter = users::by_id(&state.db, scope.user_id())
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let link = format!("{}/invite?token={token}", state.config.base_url);
    state
        .send_email(invitation_email(
            &inv.email, &inviter, &ws.name, inv.role, &link,
        ))
        .await
}

/// Invites `email` with `role` (admins cannot invite owners).
pub async fn invite(
    state: &AppState,
    scope: &WorkspaceScope,
    email: &str,
    role: Role,
) -> Result<InvitationView, AppError> {
    let mut p = Problems::default();
    p.check("email", email_problem(email));
    p.into_result()?;
    if role == Role::Owner {
        return Err(AppError::invalid(
            "role",
            "Invite as admin, then transfer ownership.",
        ));
    }
    let email = normalize_email(email);
    if let Some(user) = users::by_email(&state.db, &email).await? {
        if memberships(&state.db)
            .find_one(scope.filter_with(doc! { "user_id": &user.id }))
            .await?
            .is_some()
        {
            return Err(AppError::Conflict {
                field: Some("email".into()),
                message: "That person is already a member.".into(),
            });
        }
    }
    let now = state.clock.now();
    let seats = super::seats::seats(state, scope.workspace_id(), now, Some(&email)).await?;
    scope.check_limit(state, "team_members", seats).await?;
    allow_email(state, scope).await?;
    // A new invitation replaces a pending one for the same address.
    invitations(&state.db)
        .update_many(
            scope.filter_with(doc! { "email": &email, "accepted_at": null, "revoked_at": null }),
            doc! { "$set": { "revoked_at": now } },
        )
        .await?;
    let token = random_token();
    let inv = Invitation {
        id: app_core::ids::new_id(),
        token_hash: token_hash(&token),
        workspace_id: scope.workspace_id().to_owned(),
        email,
        role,
        invited_by: scope.user_id().to_owned(),
        created_at: now,
        sent_at: Some(now),
        expires_at: state.clock.after(INVITATION_TTL),
        accepted_at: None,
        revoked_at: None,
    };
    invitations(&state.db).insert_one(&inv).await?;
    send(state, scope, &inv, &token).await?;
    Ok(view(&inv))
}

fn view(inv: &Invitation) -> InvitationView {
    InvitationView {
        id: inv.id.clone(),
        email: inv.email.clone(),
        role: inv.role,
        expires_at: inv.expires_at.try_to_rfc3339_string().unwrap_or_default(),
    }
}

/// Pending invitations of the workspace.
pub async fn pending(
    state: &AppState,
    scope: &WorkspaceScope,
) -> Result<Vec<InvitationView>, AppError> {
    use futures_util::TryStreamExt;
    let now = state.clock.now();
    let list: Vec<Invitation> = invitations(&state.db)
        .find(scope.filter_with(
            doc! { "accepted_at": null, "revoked_at": null, "expires_at": { "$gt": now } },
        ))
        .sort(doc! { "created_at": -1 })
        .await?
        .try_collect()
        .await?;
    Ok(list.iter().map(view).collect())
}

/// Revokes a pending invitation; returns its address for the audit log.
pub async fn revoke(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<String, AppError> {
    let inv = invitations(&state.db)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id, "accepted_at": null, "revoked_at": null }),
            doc! { "$set": { "revoked_at": state.clock.now() } },
        )
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That invitation".into(),
        })?;
    Ok(inv.email)
}

/// Sends a pending invitation again with a fresh link and a new 7-day validity: at most once per
/// [`RESEND_COOLDOWN`], within the workspace's daily allowance of invitation emails.
pub async fn resend(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<String, AppError> {
    let pending = scope.filter_with(doc! { "_id": id, "accepted_at": null, "revoked_at": null });
    let not_found = || AppError::NotFound {
        what: "That invitation".into(),
    };
    let now = state.clock.now();
    let wait = |inv: &Invitation| {
        let last = inv.sent_at.unwrap_or(inv.created_at).timestamp_millis();
        let left = last + RESEND_COOLDOWN.as_millis() as i64 - now.timestamp_millis();
        (left > 0).then(|| AppError::RateLimited {
            retry_after_secs: (left as u64).div_ceil(1000),
        })
    };
    let current = invitations(&state.db)
        .find_one(pending.clone())
        .await?
        .ok_or_else(not_found)?;
    if let Some(e) = wait(&current) {
        return Err(e);
    }
    allow_email(state, scope).await?;
    // Claimed atomically: of two resends racing, one sends.
    let cutoff = DateTime::from_millis(now.timestamp_millis() - RESEND_COOLDOWN.as_millis() as i64);
    let mut claim = pending;
    claim.insert(
        "$or",
        vec![
            doc! { "sent_at": { "$lte": cutoff } },
            doc! { "sent_at": null, "created_at": { "$lte": cutoff } },
        ],
    );
    let token = random_token();
    let inv = invitations(&state.db)
        .find_one_and_update(
            claim,
            doc! { "$set": { "token_hash": token_hash(&token), "sent_at": now, "expires_at": state.clock.after(INVITATION_TTL) } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?
        .ok_or(AppError::RateLimited {
            retry_after_secs: RESEND_COOLDOWN.as_secs(),
        })?;
    send(state, scope, &inv, &token).await?;
    Ok(inv.email)
}

async fn live(state: &AppState, token: &str) -> Result<Invitation, AppError> {
    invitations(&state.db)
        .find_one(doc! { "token_hash": token_hash(token), "accepted_at": null, "revoked_at": null, "expires_at": { "$gt": state.clock.now() } })
        .await?
        .ok_or_else(|| AppError::invalid("token", "This invitation has expired, was revoked or was already used. Ask for a new one."))
}

/// What the link offers, for the page before accepting.
pub async fn preview(
    state: &AppState,
    auth: Option<&Auth>,
    token: &str,
) -> Result<InvitationPreview, AppError> {
    let inv = live(state, token).await?;
    let ws = workspaces(&state.db)
        .find_one(doc! { "_id": &inv.workspace_id })
        .await?
        .ok_or(AppError::Internal)?;
    let me = match auth {
        Some(a) => users::by_id(&state.db, &a.user_id).await?,
        None => None,
    };
    Ok(InvitationPreview {
        workspace_name: ws.name,
        role: inv.role,
        for_you: me.as_ref().is_some_and(|u| u.email_lower == inv.email),
        verified: me.as_ref().is_some_and(|u| u.email_verified_at.is_some()),
        signed_in: me.is_some(),
        email: inv.email,
    })
}

/// Accepts the invitation as the signed-in user, whose email must be the invited one and
/// confirmed: holding the link is not proof of owning the address. Returns the workspace handle
/// and the invitation (for the audit log).
pub async fn accept(
    state: &AppState,
    auth: &Auth,
    token: &str,
) -> Result<(String, Invitation), AppError> {
    let me = users::by_id(&state.db, &auth.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let inv = live(state, token).await?;
    if me.email_lower != inv.email {
        return Err(AppError::invalid(
            "token",
            format!(
                "This invitation is for {}. Log in with that email to accept it.",
                inv.email
            ),
        ));
    }
    if me.email_verified_at.is_none() {
        return Err(AppError::invalid(
            "token",
            format!(
                "Confirm your email first: open the link we sent to {}, then accept here.",
                inv.email
            ),
        ));
    }
    // Single use: only one request can flip accepted_at.
    let claimed = invitations(&state.db)
        .find_one_and_update(
            doc! { "_id": &inv.id, "accepted_at": null, "revoked_at": null },
            doc! { "$set": { "accepted_at": state.clock.now() } },
        )
        .await?
        .ok_or_else(|| AppError::invalid("token", "This invitation was already used."))?;
    let already = memberships(&state.db)
        .find_one(doc! { "workspace_id": &inv.workspace_id, "user_id": &me.id })
        .await?;
    if already.is_none() {
        memberships(&state.db)
            .insert_one(Membership {
                id: app_core::ids::new_id(),
                workspace_id: inv.workspace_id.clone(),
                user_id: me.id.clone(),
                role: inv.role,
                created_at: state.clock.now(),
            })
            .await?;
    }
    let ws = workspaces(&state.db)
        .find_one(doc! { "_id": &inv.workspace_id })
        .await?
        .ok_or(AppError::Internal)?;
    Ok((ws.handle, claimed))
}
