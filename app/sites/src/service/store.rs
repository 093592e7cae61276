//! The stored shapes of sites, their revisions, domains and form submissions.

use crate::model::SiteContent;
use app_core::error::AppError;
use mongodb::bson::DateTime;
use mongodb::Collection;
use platform::Db;
use serde::{Deserialize, Serialize};

/// Sites: one document each, holding the draft and the published copy.
pub const SITES: &str = "sites";
/// Saved versions of sites.
pub const REVISIONS: &str = "site_revisions";
/// Custom domains.
pub const DOMAINS: &str = "site_domains";
/// Form submissions.
pub const SUBMISSIONS: &str = "site_submissions";

/// A stored site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteDoc {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Name in the app.
    pub name: String,
    /// Its address at `/s/<slug>`, unique across the platform.
    pub slug: String,
    /// The working copy.
    pub draft: SiteContent,
    /// What visitors see; `None` until published.
    pub published: Option<SiteContent>,
    /// Last publish.
    pub published_at: Option<DateTime>,
    /// Bumped by every save of the draft.
    pub revision: i64,
    /// Created at.
    pub created_at: DateTime,
    /// Last change to the draft.
    pub updated_at: DateTime,
}

/// A saved version of a site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RevisionDoc {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The site.
    pub site_id: String,
    /// Why it was kept.
    pub note: String,
    /// The content.
    pub content: SiteContent,
    /// Who, by user id.
    pub by: String,
    /// When.
    pub at: DateTime,
}

/// A custom domain of a site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DomainDoc {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The site it serves.
    pub site_id: String,
    /// The domain, lowercased.
    pub domain: String,
    /// The secret the ownership TXT record holds.
    pub token: String,
    /// `pending`, `active` or `failed`.
    pub status: String,
    /// Why not active, in words.
    pub reason: String,
    /// Which records the last check found: ownership, pointing.
    pub found: [bool; 2],
    /// Last check.
    pub checked_at: Option<DateTime>,
    /// Added at.
    pub created_at: DateTime,
}

/// A message sent through a site's form.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SubmissionDoc {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The site.
    pub site_id: String,
    /// The page's title when sent.
    pub page: String,
    /// The form's section id.
    pub section_id: String,
    /// The form's heading when sent.
    pub form: String,
    /// The sender's address.
    pub email: String,
    /// Each field's label and value.
    pub values: Vec<(String, String)>,
    /// When.
    pub at: DateTime,
}

/// Typed sites.
pub fn sites(db: &Db) -> Collection<SiteDoc> {
    db.collection(SITES)
}

/// Typed revisions.
pub fn revisions(db: &Db) -> Collection<RevisionDoc> {
    db.collection(REVISIONS)
}

/// Typed domains.
pub fn domains(db: &Db) -> Collection<DomainDoc> {
    db.collection(DOMAINS)
}

/// Typed submissions.
pub fn submissions(db: &Db) -> Collection<SubmissionDoc> {
    db.collection(SUBMISSIONS)
}

/// RFC 3339 of `at`.
pub fn rfc3339(at: DateTime) -> String {
    at.try_to_rfc3339_string().unwrap_or_default()
}

/// "That site", not found.
pub fn no_site() -> AppError {
    AppError::NotFound {
        what: "That site".into(),
    }
}

/// Logs a content that would not encode, and answers as an internal error.
pub fn internal(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "site encoding");
    AppError::Internal
}
