//! The workspaces module as the server assembles it.

use super::{logo, seats};
use app_core::error::AppError;
use axum::extract::DefaultBodyLimit;
use axum::routing::post;
use axum::Router;
use futures_util::future::BoxFuture;
use platform::{AppState, Module, UsageCounter};

/// Workspaces, members, invitations and the audit log.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    usage: &[
        UsageCounter {
            limit: "team_members",
            count: count_seats,
        },
        UsageCounter {
            limit: "storage_mb",
            count: count_storage,
        },
    ],
    routes,
    isolation: super::isolation::ISOLATION,
    home: Some(super::home::part),
    ..Module::named("workspaces")
};

fn count_seats<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<u64, AppError>> {
    Box::pin(seats::seats(state, workspace_id, state.clock.now(), None))
}

fn count_storage<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<u64, AppError>> {
    Box::pin(state.media.megabytes_used(workspace_id))
}

fn routes() -> Router<AppState> {
    Router::new().route(
        "/workspaces/{id}/logo",
        post(logo::upload).layer(DefaultBodyLimit::max(2 * logo::MAX_LOGO_BYTES)),
    )
}
