//! The CRM's pages under `/app/:handle/crm`, each downloaded when first visited.

use crate::CrmLayout;
use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::{ParentRoute, Route};
use leptos_router::{path, Lazy};

ui::lazy_page! {
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
        <ParentRoute path=path!(":handle/crm") view=CrmLayout>
            <Route path=path!("") view={Lazy::<CrmContacts>::new()}/>
            <Route path=path!("contacts/:id") view={Lazy::<CrmContact>::new()}/>
            <Route path=path!("deals") view={Lazy::<CrmDeals>::new()}/>
            <Route path=path!("deals/:id") view={Lazy::<CrmDeal>::new()}/>
            <Route path=path!("tasks") view={Lazy::<CrmTasks>::new()}/>
            <Route path=path!("companies") view={Lazy::<CrmCompanies>::new()}/>
            <Route path=path!("fields") view={Lazy::<CrmFields>::new()}/>
            <Route path=path!("import") view={Lazy::<CrmImport>::new()}/>
        </ParentRoute>
    }
    .into_inner()
    .into_any_nested_route()
}
