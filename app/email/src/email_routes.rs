//! Email's pages under `/app/:handle/email`, downloaded together when the first of them is
//! visited.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;

ui::lazy_pages! { email_pages:
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
        <Route path=ui::path!(":handle/email") view={EmailLists::page()}/>
        <Route path=ui::path!(":handle/email/lists/:id") view={EmailList::page()}/>
        <Route path=ui::path!(":handle/email/campaigns") view={EmailCampaigns::page()}/>
        <Route path=ui::path!(":handle/email/campaigns/:id") view={EmailCampaign::page()}/>
        <Route path=ui::path!(":handle/email/sequences") view={EmailSequences::page()}/>
        <Route path=ui::path!(":handle/email/sequences/:id") view={EmailSequence::page()}/>
        <Route path=ui::path!(":handle/email/suppressed") view={EmailSuppressed::page()}/>
        <Route path=ui::path!(":handle/email/domain") view={EmailDomain::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
