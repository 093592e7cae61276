//! Link in bio: the builder, the public page at `/@handle`, its click analytics and QR code.
#![recursion_limit = "256"]

pub mod add_block_menu;
pub mod analytics_page;
pub mod api;
pub mod block_editor;
pub mod block_field;
pub mod block_list;
pub mod block_row;
pub mod browser;
pub mod builder_edits;
pub mod builder_page;
pub mod builder_state;
pub mod model;
pub mod page_actions;
pub mod page_switcher;
pub mod preview_frame;
pub mod publish_bar;
pub mod render;
#[cfg(feature = "ssr")]
pub mod service;
pub mod share_card;
pub mod social_editor;
pub mod theme_editor;

pub mod bio_routes;

pub use analytics_page::BioAnalyticsPage;
pub use bio_routes::BioRoutes;
pub use builder_page::BioBuilderPage;

use ui::{IconName, NavItem, Section};

/// Where the link-in-bio pages sit in the navigation.
pub const NAV: &[NavItem] = &[NavItem::new(
    Section::Build,
    "Link in bio",
    Some("/app/{ws}/bio"),
    IconName::Link,
)];

/// What the Create sheet offers from the bio builder: a new link block, open for editing.
pub const CREATE: &[NavItem] = &[NavItem::new(
    Section::Build,
    "Bio link",
    Some("/app/{ws}/bio?new=link"),
    IconName::Link,
)];
