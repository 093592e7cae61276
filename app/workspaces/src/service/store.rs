//! The workspace collections and their documents.

use crate::model::Role;
use mongodb::bson::DateTime;
use mongodb::Collection;
use platform::Db;
use serde::{Deserialize, Serialize};

/// Collection names.
pub const WORKSPACES: &str = "workspaces";
/// Who belongs to which workspace, with what role.
pub const MEMBERSHIPS: &str = "memberships";
/// Pending invitations.
pub const INVITATIONS: &str = "invitations";
/// Sensitive actions, per workspace.
pub const AUDIT_LOG: &str = "audit_log";
/// Setup wizard progress, per user.
pub const ONBOARDING: &str = "onboarding";

/// A workspace.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Workspace {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Display name.
    pub name: String,
    /// Unique public handle.
    pub handle: String,
    /// Logo image URL, when set.
    #[serde(default)]
    pub logo_url: Option<String>,
    /// IANA time zone.
    pub time_zone: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// Enabled module keys.
    #[serde(default)]
    pub modules: Vec<String>,
    /// Goals from the wizard.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Plan key.
    pub plan: String,
    /// Creation time.
    pub created_at: DateTime,
}

/// A member of a workspace.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Membership {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// The workspace.
    pub workspace_id: String,
    /// The user.
    pub user_id: String,
    /// Their role.
    pub role: Role,
    /// Joined at.
    pub created_at: DateTime,
}

/// An invitation by email.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Invitation {
    /// Id shown to admins (not the token).
    #[serde(rename = "_id")]
    pub id: String,
    /// Hash of the token in the emailed link.
    pub token_hash: String,
    /// The workspace.
    pub workspace_id: String,
    /// Invited address, normalised.
    pub email: String,
    /// Role on acceptance.
    pub role: Role,
    /// Who invited.
    pub invited_by: String,
    /// Created at.
    pub created_at: DateTime,
    /// When the link was last emailed (the first time: `created_at`).
    #[serde(default)]
    pub sent_at: Option<DateTime>,
    /// Invalid after.
    pub expires_at: DateTime,
    /// Set when accepted.
    pub accepted_at: Option<DateTime>,
    /// Set when revoked.
    pub revoked_at: Option<DateTime>,
}

/// One audit entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditRecord {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// The workspace.
    pub workspace_id: String,
    /// Who did it.
    pub actor_id: String,
    /// Their name and email at the time.
    pub actor: String,
    /// Action kind, e.g. `member.invited`.
    pub action: String,
    /// What changed, for people.
    pub summary: String,
    /// Client IP.
    pub ip: String,
    /// When.
    pub at: DateTime,
}

/// Setup wizard progress.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Onboarding {
    /// The user.
    #[serde(rename = "_id")]
    pub user_id: String,
    /// Current step.
    pub step: String,
    /// The workspace created in step 1.
    pub workspace_id: Option<String>,
}

/// Typed collections.
pub fn workspaces(db: &Db) -> Collection<Workspace> {
    db.collection(WORKSPACES)
}
/// Typed collections.
pub fn memberships(db: &Db) -> Collection<Membership> {
    db.collection(MEMBERSHIPS)
}
/// Typed collections.
pub fn invitations(db: &Db) -> Collection<Invitation> {
    db.collection(INVITATIONS)
}
/// Typed collections.
pub fn audit_log(db: &Db) -> Collection<AuditRecord> {
    db.collection(AUDIT_LOG)
}
/// Typed collections.
pub fn onboarding(db: &Db) -> Collection<Onboarding> {
    db.collection(ONBOARDING)
}
