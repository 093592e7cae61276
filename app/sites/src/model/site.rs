//! A site as the editor edits it (all its pages, its menu and theme in one document) and as
//! lists show it.

use super::section::Section;
use super::theme::SiteTheme;
use serde::{Deserialize, Serialize};

/// Most pages one site holds.
pub const MAX_PAGES: usize = 30;
/// Most sections one page holds.
pub const MAX_SECTIONS: usize = 40;

/// What search engines and social networks are told about a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seo {
    /// The `<title>`; the page's name and the site's when empty.
    #[serde(default)]
    pub title: String,
    /// The meta description.
    #[serde(default)]
    pub description: String,
    /// The social preview image.
    #[serde(default)]
    pub image: String,
    /// Another address that is the original of this page.
    #[serde(default)]
    pub canonical: String,
    /// Keep it out of search engines (and the sitemap).
    #[serde(default)]
    pub noindex: bool,
}

/// One page of a site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Stable id.
    pub id: String,
    /// Its address under the site; empty for the home page.
    pub slug: String,
    /// Its name in the editor and the default menu label.
    pub title: String,
    /// Search and social settings.
    #[serde(default)]
    pub seo: Seo,
    /// Sections, top to bottom.
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// An entry of the site's menu: one of its pages, or another address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavLink {
    /// Label.
    pub label: String,
    /// A page's id, or empty for an address.
    #[serde(default)]
    pub page: String,
    /// The address, when not a page.
    #[serde(default)]
    pub url: String,
}

/// Everything a site shows. The draft and the published version are each one of these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteContent {
    /// Look.
    #[serde(default)]
    pub theme: SiteTheme,
    /// The menu, in order.
    #[serde(default)]
    pub nav: Vec<NavLink>,
    /// Pages; the one with the empty slug is the home page.
    pub pages: Vec<Page>,
}

impl SiteContent {
    /// The page with `slug`.
    pub fn page(&self, slug: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.slug == slug)
    }

    /// The page with id `id`.
    pub fn page_by_id(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }
}

/// A site in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteView {
    /// Id.
    pub id: String,
    /// Its name in the app.
    pub name: String,
    /// Its address at `/s/<slug>`.
    pub slug: String,
    /// The working copy.
    pub draft: SiteContent,
    /// The draft's revision; a save names the one it started from.
    pub revision: i64,
    /// When last published (RFC 3339).
    pub published_at: Option<String>,
    /// Whether the draft differs from what visitors see.
    pub unpublished_changes: bool,
    /// The public address.
    pub public_url: String,
}

/// A site in the workspace's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSummary {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Address slug.
    pub slug: String,
    /// Pages it has.
    pub pages: usize,
    /// Whether visitors can see it.
    pub published: bool,
    /// The public address (its active custom domain when it has one).
    pub public_url: String,
    /// Last change, RFC 3339.
    pub updated_at: String,
}

/// A saved version of a site: each publish keeps one, and so does a restore (of what it
/// replaced).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    /// Id.
    pub id: String,
    /// Why it was kept ("Published", "Before restoring").
    pub note: String,
    /// When, RFC 3339.
    pub at: String,
    /// Who, by name.
    pub by: String,
    /// Pages it had.
    pub pages: usize,
}
