//! Websites: multi-page sites built from sections, an editor with undo and revisions, pages
//! published without WebAssembly at `/s/<site>` and on custom domains, forms into the CRM.
#![recursion_limit = "256"]

pub mod analytics_page;
pub mod api;
pub mod domains_panel;
pub mod edit_field;
pub mod editor_bar;
pub mod editor_edits;
pub mod editor_page;
pub mod editor_state;
pub mod history_panel;
pub mod menu_editor;
pub mod model;
pub mod page_settings;
pub mod page_tabs;
#[cfg(feature = "ssr")]
pub mod render;
pub mod section_editor;
pub mod section_list;
pub mod section_row;
#[cfg(feature = "ssr")]
pub mod service;
pub mod service_paths;
pub mod site_preview;
pub mod sites_page;
pub mod sites_routes;
pub mod submissions_page;
pub mod theme_panel;

pub use analytics_page::SiteAnalyticsPage;
pub use editor_page::SiteEditorPage;
pub use sites_page::SitesPage;
pub use sites_routes::SitesRoutes;
pub use submissions_page::SubmissionsPage;

use ui::{IconName, NavItem, Section};

/// Where websites sit in the navigation.
pub const NAV: &[NavItem] = &[NavItem::new(
    Section::Build,
    "Website",
    Some("/app/{ws}/sites"),
    IconName::Globe,
)];

/// What the Create sheet offers from websites: a new site.
pub const CREATE: &[NavItem] = &[NavItem::new(
    Section::Build,
    "Website",
    Some("/app/{ws}/sites?new"),
    IconName::Globe,
)];
