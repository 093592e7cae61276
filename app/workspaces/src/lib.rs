//! Workspaces: many per account, roles, invitations, audit log, and the setup wizard.
#![recursion_limit = "256"]

pub mod api;
pub mod audit_page;
pub mod confirm_first;
pub mod current_workspace;
pub mod home_redirect;
pub mod invite_page;
pub mod members_page;
pub mod model;
pub mod new_workspace_page;
pub mod onboarding_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod settings_page;
pub mod wizard_account;
pub mod workspace_switcher;

pub mod workspace_routes;

pub use audit_page::AuditPage;
pub use home_redirect::HomeRedirect;
pub use invite_page::InvitePage;
pub use members_page::MembersPage;
pub use new_workspace_page::NewWorkspacePage;
pub use onboarding_page::OnboardingPage;
#[cfg(feature = "ssr")]
pub use service::scope::WorkspaceScope;
pub use settings_page::WorkspaceSettingsPage;
pub use workspace_routes::{InviteRoute, WorkspaceRoutes};
pub use workspace_switcher::WorkspaceSwitcher;

/// What the Create sheet offers from workspaces: an invitation, on the members screen.
pub const CREATE: &[ui::NavItem] = &[ui::NavItem::new(
    ui::Section::Run,
    "Invitation",
    Some("/app/{ws}/members#invite"),
    ui::IconName::Mail,
)];
