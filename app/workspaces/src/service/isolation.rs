//! Who may call each server function of workspaces, members and invitations: this module's rows of
//! the isolation matrix (see [`IsolationRow`]).

use platform::{Access::*, IsolationRow};

/// Every server function of the module, its access rule and arguments that succeed for an
/// allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
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
        "get_workspace",
        Workspace("viewer"),
        &[("handle", "{handle}")],
    ),
    ("get_home", Workspace("viewer"), &[("workspace_id", "{ws}")]),
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
