//! Workspace pages, each downloaded when first visited: accepting an invitation, and creating,
//! staffing and configuring a workspace under `/app`.

use crate::HomeRedirect;
use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;
use leptos_router::path;

ui::lazy_page! {
    WorkspaceInvite => crate::InvitePage;
    WorkspaceNew => crate::NewWorkspacePage;
    WorkspaceMembers => crate::MembersPage;
    WorkspaceAudit => crate::AuditPage;
    WorkspaceSettings => crate::WorkspaceSettingsPage;
}

/// `/invite`, where an invited person joins.
#[component(transparent)]
pub fn InviteRoute() -> AnyNestedRoute {
    view! { <Route path=path!("/invite") view={WorkspaceInvite::page()}/> }
        .into_inner()
        .into_any_nested_route()
}

/// The workspace routes inside the signed-in layout; they go before the dashboard's
/// `:handle`, which would otherwise take `new`.
#[component(transparent)]
pub fn WorkspaceRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("") view=HomeRedirect/>
        <Route path=path!("new") view={WorkspaceNew::page()}/>
        <Route path=path!(":handle/members") view={WorkspaceMembers::page()}/>
        <Route path=path!(":handle/audit") view={WorkspaceAudit::page()}/>
        <Route path=path!(":handle/settings") view={WorkspaceSettings::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
