//! The sites module's shared types and rules, used by the editor (WASM) and the server alike.

pub mod domain;
pub mod section;
pub mod site;
pub mod stats;
pub mod submission;
pub mod templates;
pub mod theme;
pub mod validate;

pub use domain::{DnsRecord, DomainView, DomainsPanel};
pub use section::{Item, Section, KINDS};
pub use site::{NavLink, Page, RevisionView, Seo, SiteContent, SiteSummary, SiteView};
pub use stats::SiteStats;
pub use submission::SubmissionView;
pub use theme::SiteTheme;
