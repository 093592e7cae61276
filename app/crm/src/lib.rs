//! CRM: contacts with custom fields, companies, deals on a kanban, tasks and notes, a timeline
//! fed by every module, and CSV import and export.
#![recursion_limit = "256"]

pub mod api;
pub mod bulk_bar;
pub mod companies_page;
pub mod company_row;
pub mod contact_filters;
pub mod contact_form;
pub mod contact_list;
pub mod contact_page;
pub mod contacts_page;
pub mod crm_layout;
pub mod deal_board;
pub mod deal_card;
pub mod deal_form;
pub mod deal_page;
pub mod deals_page;
pub mod fields_page;
pub mod import_page;
pub mod model;
pub mod note_form;
pub mod pipeline_form;
#[cfg(feature = "ssr")]
pub mod service;
pub mod task_list;
pub mod tasks_page;
pub mod timeline;

pub mod crm_routes;

pub use companies_page::CompaniesPage;
pub use contact_page::ContactPage;
pub use contacts_page::ContactsPage;
pub use crm_layout::CrmLayout;
pub use crm_routes::CrmRoutes;
pub use deal_page::DealPage;
pub use deals_page::DealsPage;
pub use fields_page::FieldsPage;
pub use import_page::ImportPage;
pub use tasks_page::TasksPage;

use ui::{IconName, NavItem, Section};

/// Where the CRM sits in the navigation.
pub const NAV: &[NavItem] = &[
    NavItem::new(
        Section::Grow,
        "Contacts",
        Some("/app/{ws}/crm"),
        IconName::Users,
    ),
    NavItem::new(
        Section::Grow,
        "Deals",
        Some("/app/{ws}/crm/deals"),
        IconName::Chart,
    ),
];

/// What the Create sheet offers from the CRM, each opening its form.
pub const CREATE: &[NavItem] = &[
    NavItem::new(
        Section::Grow,
        "Contact",
        Some("/app/{ws}/crm/contacts/new"),
        IconName::Users,
    ),
    NavItem::new(
        Section::Grow,
        "Deal",
        Some("/app/{ws}/crm/deals?new"),
        IconName::Chart,
    ),
    NavItem::new(
        Section::Grow,
        "Task",
        Some("/app/{ws}/crm/tasks?new"),
        IconName::Check,
    ),
];
