//! Workspace pages, downloaded when first visited in three groups: `/app`, which only forwards to
//! the first workspace (the dashboard never needs its code); accepting an invitation; and
//! creating, staffing and configuring a workspace under `/app`.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;

ui::lazy_pages! { workspace_home:
    WorkspaceHome => crate::HomeRedirect;
}

ui::lazy_pages! { workspace_invite:
    WorkspaceInvite => crate::InvitePage;
}

ui::lazy_pages! { workspace_pages:
    WorkspaceNew => crate::NewWorkspacePage;
    WorkspaceMembers => crate::MembersPage;
    WorkspaceAudit => crate::AuditPage;
    WorkspaceSettings => crate::WorkspaceSettingsPage;
}

/// `/invite`, where an invited person joins.
#[component(transparent)]
pub fn InviteRoute() -> AnyNestedRoute {
    view! { <Route path=ui::path!("/invite") view={WorkspaceInvite::page()}/> }
        .into_inner()
        .into_any_nested_route()
}

/// The workspace routes inside the signed-in layout; they go before the dashboard's
/// `:handle`, which would otherwise take `new`.
#[component(transparent)]
pub fn WorkspaceRoutes() -> AnyNestedRoute {
    view! {
        <Route path=ui::path!("") view={WorkspaceHome::page()}/>
        <Route path=ui::path!("new") view={WorkspaceNew::page()}/>
        <Route path=ui::path!(":handle/members") view={WorkspaceMembers::page()}/>
        <Route path=ui::path!(":handle/audit") view={WorkspaceAudit::page()}/>
        <Route path=ui::path!(":handle/settings") view={WorkspaceSettings::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
