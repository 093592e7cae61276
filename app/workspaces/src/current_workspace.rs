use super::api::get_workspace;
use super::model::WorkspaceView;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The workspace named by the `:handle` of the current route, loaded for the page.
pub fn use_route_workspace() -> ui::Data<Result<WorkspaceView, AppError>> {
    let params = use_params_map();
    ui::resource(
        move || params.read().get("handle").unwrap_or_default(),
        get_workspace,
    )
}
