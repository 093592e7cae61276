//! Who may call each server function of accounts, sessions and sign-in: this module's rows of the
//! isolation matrix (see [`IsolationRow`]).

use platform::{Access::*, IsolationRow};

/// Every server function of the module, its access rule and arguments that succeed for an
/// allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
    // Identity
    ("register", Public, &[]),
    ("admin_jobs", Admin, &[]),
    ("admin_retry_job", Admin, &[("id", "x")]),
    ("admin_discard_job", Admin, &[("id", "x")]),
    ("login", Public, &[]),
    ("login_code", Public, &[]),
    ("logout", Public, &[]),
    ("current_user", Public, &[]),
    ("verify_email", Public, &[]),
    ("request_password_reset", Public, &[]),
    ("reset_password", Public, &[]),
    ("auth_providers", Public, &[]),
    ("logout_everywhere", User, &[]),
    ("resend_verification", User, &[]),
    ("list_sessions", User, &[]),
    ("revoke_session", User, &[("id", "x")]),
    ("get_mfa_status", User, &[]),
    ("start_mfa", User, &[]),
    ("confirm_mfa", User, &[("code", "123456")]),
    (
        "disable_mfa",
        User,
        &[("password", "x"), ("code", "123456")],
    ),
    ("update_name", User, &[("name", "X")]),
    (
        "change_email",
        User,
        &[("email", "x@example.com"), ("current_password", "x")],
    ),
    (
        "change_password",
        User,
        &[("current_password", "x"), ("new_password", "y")],
    ),
    ("list_security_events", User, &[]),
];
