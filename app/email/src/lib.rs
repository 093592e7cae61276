//! Email marketing: lists built from CRM contacts and a public subscribe form with double
//! opt-in, consent kept per address, one-click unsubscribe; campaigns written in blocks,
//! rendered through MJML, sent in paced batches and tracked (opens, clicks). Sequences build on
//! these.
#![recursion_limit = "256"]

pub mod api;
pub mod audience_select;
pub mod campaign_page;
pub mod campaign_progress;
pub mod campaign_report;
pub mod campaign_settings;
pub mod campaigns_page;
pub mod domain_page;
pub mod email_preview_pane;
pub mod email_routes;
pub mod email_tabs;
pub mod list_page;
pub mod list_settings;
pub mod lists_page;
pub mod model;
pub mod schedule_row;
pub mod segments_card;
pub mod sequence_controls;
pub mod sequence_page;
pub mod sequence_people;
pub mod sequence_settings;
pub mod sequence_step_row;
pub mod sequence_steps;
pub mod sequences_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod subscriber_row;
pub mod suppressed_page;
pub mod template_block_fields;
pub mod template_block_row;
pub mod template_editor;
pub mod template_field;
pub mod template_state;

pub use campaign_page::CampaignPage;
pub use campaigns_page::CampaignsPage;
pub use domain_page::DomainPage;
pub use email_routes::EmailRoutes;
pub use list_page::ListPage;
pub use lists_page::ListsPage;
pub use sequence_page::SequencePage;
pub use sequences_page::SequencesPage;
pub use suppressed_page::SuppressedPage;

use ui::{IconName, NavItem, Section};

/// Where email sits in the navigation.
pub const NAV: &[NavItem] = &[NavItem::new(
    Section::Grow,
    "Email",
    Some("/app/{ws}/email"),
    IconName::Mail,
)];

/// What the Create sheet offers from email: a new list.
pub const CREATE: &[NavItem] = &[NavItem::new(
    Section::Grow,
    "Email list",
    Some("/app/{ws}/email?new"),
    IconName::Mail,
)];
