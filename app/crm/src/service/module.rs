//! The CRM as the server assembles it.

use super::{contacts, imports, routes as plain};
use app_core::error::AppError;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use futures_util::future::BoxFuture;
use platform::{AppState, Module, UsageCounter};
use workspaces::WorkspaceScope;

/// Contacts, companies, deals, tasks and the activity stream.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    usage: &[UsageCounter {
        limit: "contacts",
        count: count_contacts,
    }],
    routes,
    isolation: super::isolation::ISOLATION,
    contact_intake: Some(&super::intake::Intake),
    home: Some(super::home::part),
    ..Module::named("crm")
};

fn count_contacts<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<u64, AppError>> {
    Box::pin(async move { contacts::count(state, &WorkspaceScope::system(workspace_id)).await })
}

fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/workspaces/{id}/crm/import",
            post(plain::upload).layer(DefaultBodyLimit::max(imports::MAX_BYTES + 64 * 1024)),
        )
        .route("/workspaces/{id}/crm/contacts.csv", get(plain::download))
}
