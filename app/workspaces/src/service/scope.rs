//! Tenancy by construction: workspace data is reached only through a [`WorkspaceScope`], and the
//! only way to get one is [`WorkspaceScope::require`], the authorisation check.

use crate::model::{Permission, Role};
use crate::service::store::memberships;
use app_core::error::AppError;
use identity::service::Auth;
use mongodb::bson::{doc, Document};
use platform::AppState;

/// Proof that `user_id` may do something in `workspace_id`, with their role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceScope {
    workspace_id: String,
    user_id: String,
    role: Role,
}

impl WorkspaceScope {
    /// Checks that the caller is signed in, belongs to the workspace, and has a role allowed to
    /// do `permission`. Someone who is not a member learns nothing: the workspace is "not found".
    pub async fn require(
        state: &AppState,
        auth: Option<&Auth>,
        workspace_id: &str,
        permission: Permission,
    ) -> Result<Self, AppError> {
        let auth = auth.ok_or(AppError::Unauthorized)?;
        let membership = memberships(&state.db)
            .find_one(doc! { "workspace_id": workspace_id, "user_id": &auth.user_id })
            .await?
            .ok_or_else(|| AppError::NotFound {
                what: "That workspace".into(),
            })?;
        if !membership.role.can(permission) {
            return Err(AppError::Forbidden);
        }
        Ok(WorkspaceScope {
            workspace_id: membership.workspace_id,
            user_id: membership.user_id,
            role: membership.role,
        })
    }

    /// A scope for work the workspace set up and a visitor or the system triggers: a signup
    /// form on its published page, a webhook, a scheduled job. Whoever calls this has checked
    /// that the workspace asked for exactly that work (the page is published and has the form).
    pub fn system(workspace_id: &str) -> Self {
        WorkspaceScope {
            workspace_id: workspace_id.to_owned(),
            user_id: String::new(),
            role: Role::Editor,
        }
    }

    /// The member acting, or `None` for a [`WorkspaceScope::system`] scope.
    pub fn actor(&self) -> Option<&str> {
        (!self.user_id.is_empty()).then_some(self.user_id.as_str())
    }

    /// The workspace.
    pub fn workspace_id(&self) -> &str {
        &self.workspace_id
    }

    /// The member acting.
    pub fn user_id(&self) -> &str {
        &self.user_id
    }

    /// Their role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The filter every query on this workspace's documents starts from.
    pub fn filter(&self) -> Document {
        doc! { "workspace_id": &self.workspace_id }
    }

    /// Refuses with `LimitReached` when `in_use` already meets the plan's `limit` (a key of
    /// billing's `LIMITS`); modules call this before they create anything counted. Without a
    /// module deciding plan rules nothing is limited.
    pub async fn check_limit(
        &self,
        state: &AppState,
        limit: &str,
        in_use: u64,
    ) -> Result<(), AppError> {
        match state.plan_rules() {
            Some(rules) => {
                rules
                    .check_limit(state, &self.workspace_id, limit, in_use)
                    .await
            }
            None => Ok(()),
        }
    }

    /// Refuses with `FeatureNotIncluded` unless the workspace's plan includes `feature` (a key of
    /// billing's `FEATURES`).
    pub async fn require_feature(&self, state: &AppState, feature: &str) -> Result<(), AppError> {
        match state.plan_rules() {
            Some(rules) => {
                rules
                    .require_feature(state, &self.workspace_id, feature)
                    .await
            }
            None => Ok(()),
        }
    }

    /// `filter()` plus more conditions. A `workspace_id` among them cannot replace the tenant's
    /// (both must hold then), so no argument widens a query to other workspaces.
    pub fn filter_with(&self, more: Document) -> Document {
        if more.contains_key("workspace_id") {
            return doc! { "$and": [self.filter(), more] };
        }
        let mut f = self.filter();
        f.extend(more);
        f
    }
}
