//! The isolation matrix: every server function and who may call it.

/// Who may call a server function.
#[derive(Clone, Copy, Debug)]
pub enum Access {
    /// Anyone, signed in or not (sign-up, log-in, reset…).
    Public,
    /// Any signed-in user; touches only their own account.
    User,
    /// Members of the workspace in its arguments with at least this role.
    Workspace(&'static str),
    /// Platform admins listed in ADMIN_EMAILS, with MFA on.
    Admin,
}

use Access::*;

/// A server function's name, access rule and arguments.
pub type Entry = (
    &'static str,
    Access,
    &'static [(&'static str, &'static str)],
);

/// A plan form that would hijack the free plan, for the admin plan functions.
const PLAN_FORM: &[(&str, &str)] = &[
    ("key", "free"),
    ("name", "Hijacked"),
    ("description", ""),
    ("monthly_price", "0"),
    ("yearly_price", "0"),
    ("trial_days", "0"),
    ("visible", "on"),
    ("bio_pages", "1"),
    ("contacts", "1"),
    ("emails_per_month", "1"),
    ("team_members", "1"),
    ("storage_mb", "1"),
    ("ai_credits", "1"),
];

/// Every server function, its access rule and arguments that would succeed for an allowed
/// caller. `{ws}`, `{handle}`, `{viewer}`, `{invitation}` and `{page}` (the
/// workspace's main bio page) are filled in per run.
pub const MATRIX: &[Entry] = &[
    // Link in bio
    (
        "list_bio_pages",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_bio_page",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("slug", "")],
    ),
    (
        "create_bio_page",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("slug", "hijack")],
    ),
    (
        "save_bio_draft",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("page_id", "{page}"),
            ("revision", "0"),
            ("content", r#"{"blocks":[]}"#),
        ],
    ),
    (
        "publish_bio_page",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("page_id", "{page}")],
    ),
    (
        "unpublish_bio_page",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("page_id", "{page}")],
    ),
    (
        "delete_bio_page",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("page_id", "{page}")],
    ),
    (
        "get_bio_stats",
        Workspace("viewer"),
        &[
            ("workspace_id", "{ws}"),
            ("page_id", "{page}"),
            ("from", ""),
            ("to", ""),
        ],
    ),
    (
        "reset_bio_stats",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("page_id", "{page}")],
    ),
    // Billing
    ("list_plans", Public, &[]),
    ("admin_list_plans", Admin, &[]),
    ("admin_search_workspaces", Admin, &[("query", "victim")]),
    (
        "admin_grant_complimentary",
        Admin,
        &[("workspace_id", "{ws}"), ("plan", "pro"), ("days", "")],
    ),
    (
        "admin_revoke_complimentary",
        Admin,
        &[("workspace_id", "{ws}")],
    ),
    (
        "admin_extend_trial",
        Admin,
        &[("workspace_id", "{ws}"), ("days", "7")],
    ),
    (
        "admin_apply_discount",
        Admin,
        &[
            ("workspace_id", "{ws}"),
            ("kind", "percent"),
            ("value", "100"),
            ("months", ""),
        ],
    ),
    (
        "admin_set_limit_overrides",
        Admin,
        &[
            ("workspace_id", "{ws}"),
            ("bio_pages", ""),
            ("contacts", ""),
            ("emails_per_month", ""),
            ("team_members", "1000"),
            ("storage_mb", ""),
            ("ai_credits", ""),
        ],
    ),
    ("preview_plan_impact", Admin, PLAN_FORM),
    ("save_plan", Admin, PLAN_FORM),
    (
        "get_billing",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "start_checkout",
        Workspace("owner"),
        &[
            ("workspace_id", "{ws}"),
            ("plan", "pro"),
            ("interval", "month"),
        ],
    ),
    (
        "complete_checkout",
        Workspace("owner"),
        &[("workspace_id", "{ws}"), ("session_id", "cs_test_x")],
    ),
    (
        "preview_plan_change",
        Workspace("owner"),
        &[
            ("workspace_id", "{ws}"),
            ("plan", "pro"),
            ("interval", "year"),
        ],
    ),
    (
        "change_plan",
        Workspace("owner"),
        &[
            ("workspace_id", "{ws}"),
            ("plan", "pro"),
            ("interval", "year"),
            ("proration_date", "0"),
        ],
    ),
    (
        "list_invoices",
        Workspace("owner"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "list_payment_methods",
        Workspace("owner"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "add_payment_method",
        Workspace("owner"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "complete_payment_method",
        Workspace("owner"),
        &[("workspace_id", "{ws}"), ("session_id", "cs_test_x")],
    ),
    (
        "set_default_payment_method",
        Workspace("owner"),
        &[("workspace_id", "{ws}"), ("id", "pm_x")],
    ),
    (
        "remove_payment_method",
        Workspace("owner"),
        &[("workspace_id", "{ws}"), ("id", "pm_x")],
    ),
    (
        "cancel_subscription",
        Workspace("owner"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "resume_subscription",
        Workspace("owner"),
        &[("workspace_id", "{ws}")],
    ),
    // Identity
    ("register", Public, &[]),
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
    // Workspaces
    ("preview_invitation", Public, &[]),
    ("list_my_workspaces", User, &[]),
    (
        "create_workspace",
        User,
        &[
            ("name", "X"),
            ("handle", "xxx"),
            ("time_zone", "UTC"),
            ("currency", "USD"),
        ],
    ),
    ("accept_invitation", User, &[("token", "x")]),
    ("get_wizard", User, &[]),
    (
        "wizard_workspace",
        User,
        &[
            ("name", "X"),
            ("handle", "xxx"),
            ("time_zone", "UTC"),
            ("currency", "USD"),
        ],
    ),
    ("wizard_goals", User, &[]),
    ("wizard_modules", User, &[]),
    ("wizard_go", User, &[("step", "goals")]),
    (
        "wizard_checkout",
        User,
        &[("plan", "pro"), ("interval", "month")],
    ),
    (
        "get_workspace",
        Workspace("viewer"),
        &[("handle", "{handle}")],
    ),
    (
        "list_members",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "leave_workspace",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "update_workspace",
        Workspace("admin"),
        &[
            ("workspace_id", "{ws}"),
            ("name", "Hijacked"),
            ("handle", "{handle}"),
            ("time_zone", "UTC"),
            ("currency", "USD"),
        ],
    ),
    (
        "change_member_role",
        Workspace("admin"),
        &[
            ("workspace_id", "{ws}"),
            ("user_id", "{viewer}"),
            ("role", "editor"),
        ],
    ),
    (
        "remove_member",
        Workspace("admin"),
        &[("workspace_id", "{ws}"), ("user_id", "{viewer}")],
    ),
    (
        "invite_member",
        Workspace("admin"),
        &[
            ("workspace_id", "{ws}"),
            ("email", "new@example.com"),
            ("role", "viewer"),
        ],
    ),
    (
        "list_invitations",
        Workspace("admin"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "revoke_invitation",
        Workspace("admin"),
        &[("workspace_id", "{ws}"), ("id", "{invitation}")],
    ),
    (
        "resend_invitation",
        Workspace("admin"),
        &[("workspace_id", "{ws}"), ("id", "{invitation}")],
    ),
    (
        "list_audit_log",
        Workspace("admin"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "update_workspace_modules",
        Workspace("admin"),
        &[("workspace_id", "{ws}"), ("modules[0]", "bio")],
    ),
    (
        "transfer_ownership",
        Workspace("owner"),
        &[("workspace_id", "{ws}"), ("user_id", "{viewer}")],
    ),
];
