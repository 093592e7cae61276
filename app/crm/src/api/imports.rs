//! Import server functions: the mapping step and the run. The file itself is uploaded to the
//! plain route `POST /workspaces/{id}/crm/import`.

use crate::model::{ImportPreview, ImportReport};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// An uploaded file's columns, first rows and a guessed mapping.
#[server(endpoint = "get_crm_import")]
pub async fn get_crm_import(workspace_id: String, id: String) -> Result<ImportPreview, AppError> {
    use crate::service::imports;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { imports::preview(&c.state, &scope, &id).await },
    )
    .await
}

/// Imports the upload with one target per column; `duplicates` is `merge` or `skip`.
#[server(endpoint = "run_crm_import")]
pub async fn run_crm_import(
    workspace_id: String,
    id: String,
    #[server(default)] mapping: Vec<String>,
    #[server(default)] duplicates: String,
) -> Result<ImportReport, AppError> {
    use crate::service::imports;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let report =
                imports::run(&c.state, &scope, &id, &mapping, duplicates == "merge").await?;
            c.audit(
                &scope,
                "crm.imported",
                format!(
                    "Imported contacts: {} new, {} merged, {} skipped, {} refused",
                    report.created,
                    report.merged,
                    report.skipped,
                    report.errors.len()
                ),
            )
            .await?;
            Ok(report)
        },
    )
    .await
}
