//! A workspace's home page: every module's part gathered, this module's being the "invite a
//! teammate" step.

use super::{seats, workspaces};
use crate::model::MODULES;
use crate::WorkspaceScope;
use app_core::error::AppError;
use app_core::home::{Home, HomeStep};
use futures_util::future::{try_join_all, BoxFuture};
use platform::AppState;

/// Every module's numbers and steps for the workspace of `scope`, in rank order: those of the
/// modules it has switched on, and of the ones every workspace has.
pub async fn gather(state: &AppState, scope: &WorkspaceScope) -> Result<Home, AppError> {
    let id = scope.workspace_id();
    let on = workspaces::get(state, scope).await?.modules;
    let shown =
        |name: &str| !MODULES.iter().any(|(key, ..)| *key == name) || on.iter().any(|m| m == name);
    let parts = state
        .modules
        .iter()
        .filter(|m| shown(m.name))
        .filter_map(|m| m.home)
        .map(|part| part(state, id));
    let parts = try_join_all(parts).await?;
    let mut home = Home::default();
    for p in parts {
        home.merge(p);
    }
    Ok(home)
}

/// The workspaces module's part: done once someone else is a member or invited.
pub fn part<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<Home, AppError>> {
    Box::pin(async move {
        let seats = seats::seats(state, workspace_id, state.clock.now(), None).await?;
        Ok(Home {
            figures: Vec::new(),
            steps: vec![HomeStep {
                rank: 30,
                label: "Invite a teammate".into(),
                done: seats > 1,
                href: "members".into(),
            }],
            ..Home::default()
        })
    })
}
