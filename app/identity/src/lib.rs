//! Identity: accounts, sessions, email verification, password reset.
#![recursion_limit = "256"]

pub mod api;
pub mod auth_card;
pub mod current_user;
pub mod dead_job_row;
pub mod forgot_password_page;
pub mod form_error;
pub mod google_button;
pub mod jobs_admin_page;
pub mod login_code_page;
pub mod login_page;
pub mod logout_button;
pub mod mfa_card;
pub mod model;
pub mod register_page;
pub mod reset_password_page;
pub mod security_log_card;
pub mod security_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod settings_page;
pub mod verify_banner;
pub mod verify_email_page;

pub mod identity_routes;

pub use current_user::{provide_current_user, use_current_user, CurrentUser};
pub use forgot_password_page::ForgotPasswordPage;
pub use google_button::GoogleButton;
pub use identity_routes::{AccountRoutes, AdminRoutes, SettingsRoutes};
pub use jobs_admin_page::JobsAdminPage;
pub use login_code_page::LoginCodePage;
pub use login_page::LoginPage;
pub use logout_button::LogoutButton;
pub use mfa_card::MfaCard;
pub use register_page::RegisterPage;
pub use reset_password_page::ResetPasswordPage;
pub use security_log_card::SecurityLogCard;
pub use security_page::SecurityPage;
pub use settings_page::SettingsPage;
pub use verify_banner::VerifyBanner;
pub use verify_email_page::VerifyEmailPage;

use ui::{IconName, NavItem, Section};

/// Where account settings sit in the navigation.
pub const NAV: &[NavItem] = &[NavItem::new(
    Section::Run,
    "Settings",
    Some("/settings"),
    IconName::Settings,
)];
