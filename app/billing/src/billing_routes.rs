//! Billing's pages, downloaded when first visited: a workspace's plan under
//! `/app/:handle/billing`, and plan administration under `/admin` (a group of its own: only
//! platform admins open it).

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;

ui::lazy_pages! { billing_pages:
    BillingPlan => crate::BillingPage;
}

ui::lazy_pages! { billing_admin:
    BillingAdminPlans => crate::AdminPlansPage;
    BillingAdminSubscriptions => crate::AdminSubscriptionsPage;
}

/// A workspace's billing page, inside the signed-in layout.
#[component(transparent)]
pub fn BillingRoutes() -> AnyNestedRoute {
    view! { <Route path=ui::path!(":handle/billing") view={BillingPlan::page()}/> }
        .into_inner()
        .into_any_nested_route()
}

/// Plan administration, inside the `/admin` layout.
#[component(transparent)]
pub fn AdminRoutes() -> AnyNestedRoute {
    view! {
        <Route path=ui::path!("plans") view={BillingAdminPlans::page()}/>
        <Route path=ui::path!("subscriptions") view={BillingAdminSubscriptions::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
