//! The custom fields a workspace adds to its contacts.

use crate::model::{field_key, split_list, CustomField, FieldKind};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const FIELDS: &str = "crm_fields";

/// Most custom fields a workspace can define.
pub const MAX_FIELDS: u64 = 50;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    #[serde(rename = "_id")]
    id: String,
    workspace_id: String,
    #[serde(flatten)]
    field: CustomField,
    created_at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Stored> {
    state.db.collection(FIELDS)
}

/// The workspace's fields, oldest first.
pub async fn list(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<CustomField>, AppError> {
    let stored: Vec<Stored> = coll(state)
        .find(scope.filter())
        .sort(doc! { "created_at": 1, "_id": 1 })
        .await?
        .try_collect()
        .await?;
    Ok(stored.into_iter().map(|s| s.field).collect())
}

/// Adds a field (empty `key`) or changes the label and options of field `key`. Options are one
/// per line or comma-separated. A field's kind is fixed once it exists, so stored values stay
/// valid.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    key: &str,
    label: &str,
    kind: &str,
    options: &str,
) -> Result<CustomField, AppError> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 60 {
        return Err(AppError::invalid(
            "label",
            "Name the field in 1 to 60 characters.",
        ));
    }
    let options = split_list(options);
    let existing = list(state, scope).await?;
    if existing
        .iter()
        .any(|f| f.key != key && f.label.eq_ignore_ascii_case(label))
    {
        return Err(AppError::Conflict {
            field: Some("label".into()),
            message: format!("There is already a field called {label}."),
        });
    }
    if let Some(field) = existing.iter().find(|f| f.key == key) {
        check_options(field.kind, &options)?;
        coll(state)
            .update_one(
                scope.filter_with(doc! { "key": key }),
                doc! { "$set": { "label": label, "options": &options } },
            )
            .await?;
        return Ok(CustomField {
            label: label.to_owned(),
            options,
            ..field.clone()
        });
    }
    if !key.is_empty() {
        return Err(AppError::NotFound {
            what: "That field".into(),
        });
    }
    let kind = FieldKind::parse(kind).ok_or_else(|| AppError::invalid("kind", "Choose a kind."))?;
    check_options(kind, &options)?;
    if existing.len() as u64 >= MAX_FIELDS {
        return Err(AppError::invalid(
            "label",
            format!("A workspace can have {MAX_FIELDS} custom fields."),
        ));
    }
    let mut key = field_key(label);
    if key.is_empty() || key.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        key = format!("f_{key}");
    }
    let base = key.clone();
    let mut n = 2;
    while existing.iter().any(|f| f.key == key) {
        key = format!("{base}_{n}");
        n += 1;
    }
    let field = CustomField {
        key,
        label: label.to_owned(),
        kind,
        options,
    };
    coll(state)
        .insert_one(Stored {
            id: app_core::ids::new_id(),
            workspace_id: scope.workspace_id().to_owned(),
            field: field.clone(),
            created_at: state.clock.now(),
        })
        .await?;
    Ok(field)
}

fn check_options(kind: FieldKind, options: &[String]) -> Result<(), AppError> {
    if kind.has_options() && options.is_empty() {
        return Err(AppError::invalid(
            "options",
            "List the choices, one per line.",
        ));
    }
    if options.len() > 100 || options.iter().any(|o| o.chars().count() > 60) {
        return Err(AppError::invalid(
            "options",
            "Up to 100 choices of at most 60 characters each.",
        ));
    }
    Ok(())
}

/// Removes field `key` and its values from every contact.
pub async fn delete(state: &AppState, scope: &WorkspaceScope, key: &str) -> Result<(), AppError> {
    let gone = coll(state)
        .delete_one(scope.filter_with(doc! { "key": key }))
        .await?;
    if gone.deleted_count == 0 {
        return Err(AppError::NotFound {
            what: "That field".into(),
        });
    }
    state
        .db
        .collection::<mongodb::bson::Document>(super::contacts::CONTACTS)
        .update_many(
            scope.filter(),
            doc! { "$unset": { format!("custom.{key}"): "" } },
        )
        .await?;
    Ok(())
}
