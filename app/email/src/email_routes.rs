//! Email's pages under `/app/:handle/email`, each downloaded when first visited.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;
use leptos_router::{path, Lazy};

ui::lazy_page! {
    EmailLists => crate::ListsPage;
    EmailList => crate::ListPage;
    EmailCampaigns => crate::CampaignsPage;
    EmailCampaign => crate::CampaignPage;
    EmailSequences => crate::SequencesPage;
    EmailSequence => crate::SequencePage;
    EmailSuppressed => crate::SuppressedPage;
    EmailDomain => crate::DomainPage;
}

/// Email's routes, inside the signed-in layout.
#[component(transparent)]
pub fn EmailRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!(":handle/email") view={Lazy::<EmailLists>::new()}/>
        <Route path=path!(":handle/email/lists/:id") view={Lazy::<EmailList>::new()}/>
        <Route path=path!(":handle/email/campaigns") view={Lazy::<EmailCampaigns>::new()}/>
        <Route path=path!(":handle/email/campaigns/:id") view={Lazy::<EmailCampaign>::new()}/>
        <Route path=path!(":handle/email/sequences") view={Lazy::<EmailSequences>::new()}/>
        <Route path=path!(":handle/email/sequences/:id") view={Lazy::<EmailSequence>::new()}/>
        <Route path=path!(":handle/email/suppressed") view={Lazy::<EmailSuppressed>::new()}/>
        <Route path=path!(":handle/email/domain") view={Lazy::<EmailDomain>::new()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
