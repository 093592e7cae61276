//! The link-in-bio pages under `/app/:handle/bio`, downloaded together when the first of them
//! is visited.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;

ui::lazy_pages! { bio_pages:
    BioBuilder => crate::BioBuilderPage;
    BioAnalytics => crate::BioAnalyticsPage;
}

/// The builder and analytics routes, inside the signed-in layout.
#[component(transparent)]
pub fn BioRoutes() -> AnyNestedRoute {
    view! {
        <Route path=ui::path!(":handle/bio") view={BioBuilder::page()}/>
        <Route path=ui::path!(":handle/bio/analytics") view={BioAnalytics::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
