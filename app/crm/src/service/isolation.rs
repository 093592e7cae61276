//! Who may call each server function of the CRM: this module's rows of the isolation matrix (see
//! [`IsolationRow`]).

use platform::{Access::Workspace, IsolationRow};

/// Every server function of the module, its access rule and arguments that succeed for an
/// allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
    (
        "list_contacts",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("q", "ada")],
    ),
    (
        "get_contact",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "save_contact",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("name", "Mallory")],
    ),
    (
        "tag_contacts",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("ids[]", "x"), ("tag", "t")],
    ),
    (
        "delete_contacts",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("ids[]", "x")],
    ),
    (
        "get_crm_overview",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "save_crm_field",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("label", "Tier"),
            ("kind", "text"),
        ],
    ),
    (
        "delete_crm_field",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("key", "tier")],
    ),
    (
        "save_company",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("name", "Evil Corp")],
    ),
    (
        "delete_company",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_deal_board",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_deal",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "save_deal",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("title", "Heist")],
    ),
    (
        "move_deal",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("stage_id", "y")],
    ),
    (
        "close_deal",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("status", "won")],
    ),
    (
        "delete_deal",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "save_pipeline",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("name", "P"), ("stages", "A")],
    ),
    (
        "list_my_tasks",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "add_task",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("title", "Steal")],
    ),
    (
        "set_task_done",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x"), ("done", "true")],
    ),
    (
        "add_note",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("contact_id", "x"),
            ("body", "hi"),
        ],
    ),
    (
        "delete_note",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_crm_import",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "run_crm_import",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("id", "x"),
            ("mapping[]", "email"),
        ],
    ),
];
