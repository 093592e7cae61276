//! Workspaces, roles and the permission table, shared by server and browser.

use serde::{Deserialize, Serialize};

/// A member's role, from most to least powerful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Can do everything, including billing, ownership transfer and deleting the workspace.
    Owner,
    /// Runs the workspace: members, settings, audit log.
    Admin,
    /// Creates and edits content in every module.
    Editor,
    /// Sees everything, changes nothing.
    Viewer,
}

impl Role {
    /// All roles, most powerful first.
    pub const ALL: [Role; 4] = [Role::Owner, Role::Admin, Role::Editor, Role::Viewer];

    /// Whether this role is at least as powerful as `other`.
    pub fn at_least(self, other: Role) -> bool {
        self <= other
    }

    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Admin => "Admin",
            Role::Editor => "Editor",
            Role::Viewer => "Viewer",
        }
    }

    /// Parses the stored or posted name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Viewer => "viewer",
        }
    }
}

/// Something a member may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// See the workspace and its data.
    View,
    /// Create, edit and publish content in the modules.
    EditContent,
    /// Invite, re-role and remove members.
    ManageMembers,
    /// Change the workspace's name, handle, logo, time zone, currency and modules.
    ManageSettings,
    /// Read the audit log.
    ViewAuditLog,
    /// Choose the plan and manage payment.
    ManageBilling,
    /// Hand the workspace to another member.
    TransferOwnership,
}

/// The permission table: the least powerful role allowed each action. The members screen shows
/// exactly this table, and every server-side check reads it.
pub const PERMISSIONS: &[(Permission, &str, Role)] = &[
    (
        Permission::View,
        "See the workspace and its data",
        Role::Viewer,
    ),
    (
        Permission::EditContent,
        "Create and edit pages, posts, contacts and campaigns",
        Role::Editor,
    ),
    (
        Permission::ManageMembers,
        "Invite, change and remove members",
        Role::Admin,
    ),
    (
        Permission::ManageSettings,
        "Change workspace settings and modules",
        Role::Admin,
    ),
    (Permission::ViewAuditLog, "Read the audit log", Role::Admin),
    (
        Permission::ManageBilling,
        "Choose the plan and manage payment",
        Role::Owner,
    ),
    (
        Permission::TransferOwnership,
        "Transfer ownership",
        Role::Owner,
    ),
];

impl Permission {
    /// The least powerful role allowed to do this.
    pub fn min_role(self) -> Role {
        PERMISSIONS
            .iter()
            .find(|(p, _, _)| *p == self)
            .map(|(_, _, r)| *r)
            .unwrap_or(Role::Owner)
    }
}

impl Role {
    /// Whether this role may do `p`.
    pub fn can(self, p: Permission) -> bool {
        self.at_least(p.min_role())
    }
}

/// The modules a workspace can switch on.
pub const MODULES: &[(&str, &str, &str)] = &[
    ("bio", "Link in bio", "A fast page for all your links"),
    ("website", "Website", "Pages, navigation and forms"),
    (
        "booking",
        "Bookings",
        "Let people book and pay for your time",
    ),
    ("crm", "Contacts", "Everyone you work with, in one place"),
    (
        "email",
        "Email marketing",
        "Newsletters and automated sequences",
    ),
    ("social", "Social", "Schedule posts to X and TikTok"),
    ("invoices", "Invoices", "Quotes, invoices and payments"),
    (
        "courses",
        "Courses & community",
        "Teach and run a members' space",
    ),
];

/// What people can tell us they want to do, to suggest modules.
pub const GOALS: &[(&str, &str)] = &[
    ("audience", "Grow my audience"),
    ("sell", "Sell products or services"),
    ("book", "Take bookings"),
    ("teach", "Teach a course"),
    ("community", "Run a community"),
    ("newsletter", "Send a newsletter"),
];

/// A workspace as its members see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceView {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Public handle: `/@handle`.
    pub handle: String,
    /// IANA time zone.
    pub time_zone: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// Enabled module keys.
    pub modules: Vec<String>,
    /// Logo image URL, when one was uploaded.
    pub logo_url: Option<String>,
    /// The caller's role in it.
    pub role: Role,
}

/// One member, for the members screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    /// User id.
    pub user_id: String,
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Role.
    pub role: Role,
    /// Whether this is the caller.
    pub is_you: bool,
}

/// A pending invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    /// Id (not the token).
    pub id: String,
    /// Invited address.
    pub email: String,
    /// Role on acceptance.
    pub role: Role,
    /// Expiry, RFC 3339.
    pub expires_at: String,
}

/// What an invitation link shows before it is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPreview {
    /// Workspace name.
    pub workspace_name: String,
    /// Role offered.
    pub role: Role,
    /// Address it was sent to.
    pub email: String,
    /// Whether the signed-in user's email matches.
    pub for_you: bool,
    /// Whether the signed-in user has confirmed their email (needed to accept).
    pub verified: bool,
    /// Whether someone is signed in.
    pub signed_in: bool,
}

/// One audit log entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When, RFC 3339.
    pub at: String,
    /// Who (name and email).
    pub actor: String,
    /// What kind of action, e.g. `member.invited`.
    pub action: String,
    /// What changed, for people.
    pub summary: String,
    /// From where.
    pub ip: String,
}

/// The setup wizard's steps, in order.
pub const WIZARD_STEPS: &[&str] = &["workspace", "goals", "modules", "plan", "done"];

/// Where someone is in the setup wizard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WizardState {
    /// Current step (one of [`WIZARD_STEPS`]).
    pub step: String,
    /// The workspace being set up, once step 1 is done.
    pub workspace: Option<WorkspaceView>,
    /// Goals picked so far.
    pub goals: Vec<String>,
}

/// Handles that would collide with app routes or mislead visitors.
pub const RESERVED_HANDLES: &[&str] = &[
    "admin",
    "api",
    "app",
    "auth",
    "billing",
    "blog",
    "dev",
    "docs",
    "help",
    "login",
    "logout",
    "mewayz",
    "more",
    "new",
    "onboarding",
    "pkg",
    "register",
    "root",
    "security",
    "settings",
    "static",
    "support",
    "system",
    "www",
];

/// The workspace handle a `/app/<handle>/…` path is under, if any: a reserved word (`more`,
/// `new`…) there is a page of the app, never a workspace.
pub fn route_handle(path: &str) -> Option<&str> {
    let handle = path.strip_prefix("/app/")?.split('/').next()?;
    (!handle.is_empty() && !RESERVED_HANDLES.contains(&handle)).then_some(handle)
}

/// Why `handle` cannot be used, if it cannot.
pub fn handle_problem(handle: &str) -> Option<&'static str> {
    if handle.len() < 3 {
        return Some("Use at least 3 characters.");
    }
    if handle.len() > 30 {
        return Some("Use at most 30 characters.");
    }
    if !handle
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Some("Use lowercase letters, digits and dashes only.");
    }
    if handle.starts_with('-') || handle.ends_with('-') || handle.contains("--") {
        return Some("Dashes go between letters or digits.");
    }
    if RESERVED_HANDLES.contains(&handle) {
        return Some("That handle is reserved. Try another.");
    }
    None
}

/// A handle suggestion from a name: "Anna's Studio" → "annas-studio".
pub fn suggest_handle(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(30)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_and_the_table_is_monotonic() {
        assert!(Role::Owner.at_least(Role::Viewer));
        assert!(!Role::Viewer.at_least(Role::Editor));
        for (p, _, _) in PERMISSIONS {
            // Whatever a role may do, every more powerful role may do too.
            for pair in Role::ALL.windows(2) {
                assert!(!pair[1].can(*p) || pair[0].can(*p), "{p:?}");
            }
        }
        assert!(Role::Viewer.can(Permission::View));
        assert!(!Role::Viewer.can(Permission::EditContent));
        assert!(Role::Admin.can(Permission::ManageMembers));
        assert!(!Role::Admin.can(Permission::TransferOwnership));
    }

    #[test]
    fn handles() {
        assert_eq!(handle_problem("annas-studio"), None);
        assert!(handle_problem("ab").is_some());
        assert!(handle_problem("Anna").is_some());
        assert!(handle_problem("-anna").is_some());
        assert!(handle_problem("an--na").is_some());
        assert!(handle_problem("admin").is_some());
        assert_eq!(suggest_handle("Anna's  Studio!"), "annas-studio");
        assert_eq!(Role::parse("editor"), Some(Role::Editor));
    }
}
