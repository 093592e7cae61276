//! The CRM's pages under `/app/:handle/crm`, each downloaded when first visited, as is the tab
//! bar above them (the dashboard never needs it).

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;

ui::lazy_page! {
    CrmLayoutRoute => crate::CrmLayout;
    CrmContacts => crate::ContactsPage;
    CrmContact => crate::ContactPage;
    CrmDeals => crate::DealsPage;
    CrmDeal => crate::DealPage;
    CrmTasks => crate::TasksPage;
    CrmCompanies => crate::CompaniesPage;
    CrmFields => crate::FieldsPage;
    CrmImport => crate::ImportPage;
}

/// The CRM's routes, inside the signed-in layout.
#[component(transparent)]
pub fn CrmRoutes() -> AnyNestedRoute {
    view! {
        <ParentRoute path=path!(":handle/crm") view={CrmLayoutRoute::page()}>
            <Route path=path!("") view={CrmContacts::page()}/>
            <Route path=path!("contacts/:id") view={CrmContact::page()}/>
            <Route path=path!("deals") view={CrmDeals::page()}/>
            <Route path=path!("deals/:id") view={CrmDeal::page()}/>
            <Route path=path!("tasks") view={CrmTasks::page()}/>
            <Route path=path!("companies") view={CrmCompanies::page()}/>
            <Route path=path!("fields") view={CrmFields::page()}/>
            <Route path=path!("import") view={CrmImport::page()}/>
        </ParentRoute>
    }
    .into_inner()
    .into_any_nested_route()
}
