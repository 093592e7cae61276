//! The CRM's pages under `/app/:handle/crm` and the tab bar above them, downloaded together
//! when the first of them is visited (the dashboard needs none of it).

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::{ParentRoute, Route};

ui::lazy_pages! { crm_pages:
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
        <ParentRoute path=ui::path!(":handle/crm") view={CrmLayoutRoute::page()}>
            <Route path=ui::path!("") view={CrmContacts::page()}/>
            <Route path=ui::path!("contacts/:id") view={CrmContact::page()}/>
            <Route path=ui::path!("deals") view={CrmDeals::page()}/>
            <Route path=ui::path!("deals/:id") view={CrmDeal::page()}/>
            <Route path=ui::path!("tasks") view={CrmTasks::page()}/>
            <Route path=ui::path!("companies") view={CrmCompanies::page()}/>
            <Route path=ui::path!("fields") view={CrmFields::page()}/>
            <Route path=ui::path!("import") view={CrmImport::page()}/>
        </ParentRoute>
    }
    .into_inner()
    .into_any_nested_route()
}
