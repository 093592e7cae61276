//! The sites module's pages under `/app/:handle/sites`, downloaded together when the first of
//! them is visited.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;

ui::lazy_pages! { sites_pages:
    SiteList => crate::SitesPage;
    SiteEditor => crate::SiteEditorPage;
    SiteSubmissions => crate::SubmissionsPage;
    SiteAnalytics => crate::SiteAnalyticsPage;
}

/// The sites routes, inside the signed-in layout.
#[component(transparent)]
pub fn SitesRoutes() -> AnyNestedRoute {
    view! {
        <Route path=ui::path!(":handle/sites") view={SiteList::page()}/>
        <Route path=ui::path!(":handle/sites/:id") view={SiteEditor::page()}/>
        <Route path=ui::path!(":handle/sites/:id/submissions") view={SiteSubmissions::page()}/>
        <Route path=ui::path!(":handle/sites/:id/analytics") view={SiteAnalytics::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
