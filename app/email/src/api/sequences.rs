//! Sequences: their settings, steps, starting and pausing, and the people on them.

use crate::model::{EnrolmentView, SequenceView};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The workspace's sequences, newest first.
#[server(endpoint = "get_email_sequences")]
pub async fn get_email_sequences(workspace_id: String) -> Result<Vec<SequenceView>, AppError> {
    use crate::service::sequences;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        sequences::list(&c.state, &scope).await
    })
    .await
}

/// Sequence `id` with the latest people on it.
#[server(endpoint = "get_email_sequence")]
pub async fn get_email_sequence(
    workspace_id: String,
    id: String,
) -> Result<(SequenceView, Vec<EnrolmentView>), AppError> {
    use crate::service::{enrolments, sequences};
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let s = sequences::find(&c.state, &scope, &id).await?;
        let people = enrolments::page(&c.state, &scope, &s).await?;
        Ok((sequences::view(&c.state, &scope, s).await?, people))
    })
    .await
}

/// Creates a sequence (empty `id`) or changes its name, trigger and exit tag.
#[server(endpoint = "save_email_sequence")]
pub async fn save_email_sequence(
    workspace_id: String,
    id: String,
    name: String,
    #[server(default)] list_id: String,
    trigger: String,
    #[server(default)] trigger_tag: String,
    #[server(default)] exit_tag: String,
) -> Result<SequenceView, AppError> {
    use crate::service::sequences::{self, Settings};
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let settings = Settings {
                name: &name,
                list_id: &list_id,
                trigger: &trigger,
                trigger_tag: &trigger_tag,
                exit_tag: &exit_tag,
            };
            sequences::save(&c.state, &scope, &id, settings).await
        },
    )
    .await
}

/// Writes a sequence's steps, as JSON.
#[server(endpoint = "save_email_sequence_steps")]
pub async fn save_email_sequence_steps(
    workspace_id: String,
    id: String,
    steps: String,
) -> Result<SequenceView, AppError> {
    use crate::service::sequences;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            if steps.len() > 64 * 1024 {
                return Err(AppError::invalid("steps", "The steps are too long."));
            }
            let steps = serde_json::from_str(&steps).map_err(|_| {
                AppError::invalid(
                    "steps",
                    "The steps could not be read. Reload and try again.",
                )
            })?;
            sequences::save_steps(&c.state, &scope, &id, steps).await
        },
    )
    .await
}

/// Starts (`start`) or pauses (`pause`) a sequence.
#[server(endpoint = "control_email_sequence")]
pub async fn control_email_sequence(
    workspace_id: String,
    id: String,
    action: String,
) -> Result<SequenceView, AppError> {
    use crate::service::sequences;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { sequences::control(&c.state, &scope, &id, &action).await },
    )
    .await
}

/// Deletes a sequence, its emails and everyone's place on it.
#[server(endpoint = "delete_email_sequence")]
pub async fn delete_email_sequence(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::sequences;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { sequences::delete(&c.state, &scope, &id).await },
    )
    .await
}

/// Takes one person off a sequence.
#[server(endpoint = "remove_from_email_sequence")]
pub async fn remove_from_email_sequence(
    workspace_id: String,
    id: String,
    enrolment: String,
) -> Result<(), AppError> {
    use crate::service::enrolments;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move { enrolments::remove(&c.state, &scope, &id, &enrolment).await },
    )
    .await
}
