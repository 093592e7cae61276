//! Workspace pages, each downloaded when first visited: accepting an invitation, and creating,
//! staffing and configuring a workspace under `/app`.

use crate::HomeRedirect;
use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;
use leptos_router::{path, Lazy};

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
    view! { <Route path=path!("/invite") view={Lazy::<WorkspaceInvite>::new()}/> }
        .into_inner()
        .into_any_nested_route()
}

/// The workspace routes inside the signed-in layout; they go before the dashboard's
/// `:handle`, which would otherwise take `new`.
#[component(transparent)]
pub fn WorkspaceRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("") view=HomeRedirect/>
        <Route path=path!("new") view={Lazy::<WorkspaceNew>::new()}/>
        <Route path=path!(":handle/members") view={Lazy::<WorkspaceMembers>::new()}/>
        <Route path=path!(":handle/audit") view={Lazy::<WorkspaceAudit>::new()}/>
        <Route path=path!(":handle/settings") view={Lazy::<WorkspaceSettings>::new()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
