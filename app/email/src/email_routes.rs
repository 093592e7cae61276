//! Email's pages under `/app/:handle/email`, each downloaded when first visited.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;
use leptos_router::path;

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
        <Route path=path!(":handle/email") view={EmailLists::page()}/>
        <Route path=path!(":handle/email/lists/:id") view={EmailList::page()}/>
        <Route path=path!(":handle/email/campaigns") view={EmailCampaigns::page()}/>
        <Route path=path!(":handle/email/campaigns/:id") view={EmailCampaign::page()}/>
        <Route path=path!(":handle/email/sequences") view={EmailSequences::page()}/>
        <Route path=path!(":handle/email/sequences/:id") view={EmailSequence::page()}/>
        <Route path=path!(":handle/email/suppressed") view={EmailSuppressed::page()}/>
        <Route path=path!(":handle/email/domain") view={EmailDomain::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
