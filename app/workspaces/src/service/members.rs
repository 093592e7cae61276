//! Members: list, change role, remove, leave, transfer ownership. A workspace always keeps an
//! owner.

use super::store::memberships;
use crate::model::{MemberView, Role};
use crate::WorkspaceScope;
use app_core::error::AppError;
use identity::service::users;
use mongodb::bson::doc;
use platform::AppState;

/// The owners of a workspace, for work done without a member's scope: Stripe's webhooks email
/// them, platform admins see who they are.
pub async fn owners_of(
    db: &platform::Db,
    workspace_id: &str,
) -> Result<Vec<users::User>, AppError> {
    use futures_util::TryStreamExt;
    let ids: Vec<String> = memberships(db)
        .find(doc! { "workspace_id": workspace_id, "role": Role::Owner.as_str() })
        .await?
        .try_collect::<Vec<_>>()
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let mut found = users::by_ids(db, &ids).await?;
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// Everyone in the workspace, owners first.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<MemberView>, AppError> {
    use futures_util::TryStreamExt;
    let members: Vec<super::store::Membership> = memberships(&state.db)
        .find(scope.filter())
        .await?
        .try_collect()
        .await?;
    let ids: Vec<&str> = members.iter().map(|m| m.user_id.as_str()).collect();
    let mut accounts = users::by_ids(&state.db, &ids).await?;
    let mut out: Vec<MemberView> = members
        .into_iter()
        .filter_map(|m| {
            let u = accounts.remove(&m.user_id)?;
            Some(MemberView {
                is_you: u.id == scope.user_id(),
                user_id: u.id,
                name: u.name,
                email: u.email,
                role: m.role,
            })
        })
        .collect();
    out.sort_by(|a, b| a.role.cmp(&b.role).then(a.name.cmp(&b.name)));
    Ok(out)
}

async fn role_of(
    state: &AppState,
    scope: &WorkspaceScope,
    user_id: &str,
) -> Result<Role, AppError> {
    memberships(&state.db)
        .find_one(scope.filter_with(doc! { "user_id": user_id }))
        .await?
        .map(|m| m.role)
        .ok_or_else(|| AppError::NotFound {
            what: "That member".into(),
        })
}

/// Changes a member's role. Only an owner hands out or takes away ownership.
pub async fn change_role(
    state: &AppState,
    scope: &WorkspaceScope,
    user_id: &str,
    role: Role,
) -> Result<String, AppError> {
    let current = role_of(state, scope, user_id).await?;
    if (role == Role::Owner || current == Role::Owner) && scope.role() != Role::Owner {
        return Err(AppError::Forbidden);
    }
    if current == Role::Owner && role != Role::Owner && owners(state, scope).await? <= 1 {
        return Err(AppError::invalid(
            "role",
            "A workspace needs an owner. Make someone else owner first.",
        ));
    }
    memberships(&state.db)
        .update_one(
            scope.filter_with(doc! { "user_id": user_id }),
            doc! { "$set": { "role": role.as_str() } },
        )
        .await?;
    Ok(format!("{} → {}", current.label(), role.label()))
}

async fn owners(state: &AppState, scope: &WorkspaceScope) -> Result<u64, AppError> {
    Ok(memberships(&state.db)
        .count_documents(scope.filter_with(doc! { "role": "owner" }))
        .await?)
}

/// Removes a member (not the last owner; only owners remove owners).
pub async fn remove(
    state: &AppState,
    scope: &WorkspaceScope,
    user_id: &str,
) -> Result<(), AppError> {
    let role = role_of(state, scope, user_id).await?;
    if role == Role::Owner && scope.role() != Role::Owner {
        return Err(AppError::Forbidden);
    }
    if role == Role::Owner && owners(state, scope).await? <= 1 {
        return Err(AppError::invalid(
            "member",
            "The last owner cannot be removed. Transfer ownership first.",
        ));
    }
    memberships(&state.db)
        .delete_one(scope.filter_with(doc! { "user_id": user_id }))
        .await?;
    Ok(())
}

/// Makes `user_id` the owner; the current owner becomes an admin.
pub async fn transfer_ownership(
    state: &AppState,
    scope: &WorkspaceScope,
    user_id: &str,
) -> Result<(), AppError> {
    if user_id == scope.user_id() {
        return Err(AppError::invalid(
            "member",
            "You already own this workspace.",
        ));
    }
    role_of(state, scope, user_id).await?;
    memberships(&state.db)
        .update_one(
            scope.filter_with(doc! { "user_id": user_id }),
            doc! { "$set": { "role": "owner" } },
        )
        .await?;
    memberships(&state.db)
        .update_one(
            scope.filter_with(doc! { "user_id": scope.user_id() }),
            doc! { "$set": { "role": "admin" } },
        )
        .await?;
    Ok(())
}
