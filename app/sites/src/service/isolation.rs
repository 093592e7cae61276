//! Who may call each server function of the sites module: its rows of the isolation matrix
//! (see [`IsolationRow`]).

use platform::{Access::Workspace, IsolationRow};

/// Every server function of the module, its access rule and arguments for an allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
    (
        "list_sites",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "create_site",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("name", "Mallory's site"),
            ("slug", "mallory-site"),
            ("template", "blank"),
        ],
    ),
    (
        "get_site",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "save_site_draft",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("id", "x"),
            ("revision", "0"),
            ("content", "{}"),
        ],
    ),
    (
        "publish_site",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "unpublish_site",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "delete_site",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_site_history",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "restore_site_revision",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("revision_id", "y")],
    ),
    (
        "get_site_domains",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "add_site_domain",
        Workspace("admin"),
        &[
            ("workspace_id", "{ws}"),
            ("id", "x"),
            ("domain", "mallory.example.com"),
        ],
    ),
    (
        "check_site_domains",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "remove_site_domain",
        Workspace("admin"),
        &[
            ("workspace_id", "{ws}"),
            ("id", "x"),
            ("domain", "mallory.example.com"),
        ],
    ),
    (
        "get_site_submissions",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_site_stats",
        Workspace("viewer"),
        &[
            ("workspace_id", "{ws}"),
            ("id", "x"),
            ("from", ""),
            ("to", ""),
        ],
    ),
];
