//! Who may call each server function of the link-in-bio pages: this module's rows of the isolation
//! matrix (see [`IsolationRow`]).

use platform::{Access::Workspace, IsolationRow};

/// Every server function of the module, its access rule and arguments that succeed for an
/// allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
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
];
