//! Who may call each server function of the email module: its rows of the isolation matrix
//! (see [`IsolationRow`]).

use platform::{Access::Workspace, IsolationRow};

/// Every server function of the module, its access rule and arguments that succeed for an
/// allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
    (
        "get_email_lists",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "save_email_list",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("name", "Mallory's list")],
    ),
    (
        "delete_email_list",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_email_subscribers",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("list_id", "x")],
    ),
    (
        "add_contacts_to_list",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("list_id", "x"), ("tag", "t")],
    ),
    (
        "remove_email_subscriber",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("list_id", "x"), ("id", "x")],
    ),
    (
        "get_email_campaigns",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_email_audiences",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_email_campaign",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "save_email_campaign",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("subject", "Hi")],
    ),
    (
        "save_email_blocks",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("blocks", "[]")],
    ),
    (
        "preview_email_campaign",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "send_test_email_campaign",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_email_segments",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("list_id", "x")],
    ),
    (
        "count_email_segment",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("list_id", "x"), ("tag", "t")],
    ),
    (
        "save_email_segment",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("list_id", "x"),
            ("name", "S"),
            ("tag", "t"),
        ],
    ),
    (
        "delete_email_segment",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_email_domain",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "save_email_domain",
        Workspace("admin"),
        &[
            ("workspace_id", "{ws}"),
            ("domain", "mallory.test"),
            ("from_address", "m@mallory.test"),
            ("from_name", "M"),
        ],
    ),
    (
        "check_email_domain",
        Workspace("admin"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "remove_email_domain",
        Workspace("admin"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_email_suppressions",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "lift_email_suppression",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("email", "x@example.com")],
    ),
    (
        "get_email_campaign_report",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "control_email_campaign",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("action", "send")],
    ),
    (
        "get_email_sequences",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_email_sequence",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "save_email_sequence",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("id", ""),
            ("name", "Mallory's drip"),
            ("list_id", "x"),
            ("trigger", "form"),
        ],
    ),
    (
        "save_email_sequence_steps",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("steps", "[]")],
    ),
    (
        "control_email_sequence",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("action", "start")],
    ),
    (
        "delete_email_sequence",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "remove_from_email_sequence",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("enrolment", "x")],
    ),
];
