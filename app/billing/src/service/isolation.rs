//! Who may call each server function of billing and plan administration: this module's rows of the
//! isolation matrix (see [`IsolationRow`]).

use platform::{Access::*, IsolationRow};

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
    ("sites", "1"),
    ("contacts", "1"),
    ("emails_per_month", "1"),
    ("team_members", "1"),
    ("storage_mb", "1"),
    ("ai_credits", "1"),
];

/// Every server function of the module, its access rule and arguments that succeed for an
/// allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
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
            ("sites", ""),
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
    (
        "wizard_checkout",
        User,
        &[("plan", "pro"), ("interval", "month")],
    ),
];
