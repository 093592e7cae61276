//! Import rows: new contacts, or merged into the contact that already has the address.

use super::activity::{self, entry};
use super::contact_input::Checked;
use super::contacts::{changes, coll, custom_doc, insert, search_of, Contact};
use crate::model::Source;
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::AppState;
use workspaces::WorkspaceScope;

/// Merges an import row into an existing contact: new addresses, phones and tags are added,
/// blank fields filled, custom values from the row win.
pub async fn merge(
    state: &AppState,
    scope: &WorkspaceScope,
    into: &Contact,
    row: &Checked,
) -> Result<(), AppError> {
    let mut next = Checked {
        name: if into.name.is_empty() {
            row.name.clone()
        } else {
            into.name.clone()
        },
        emails: into.emails.clone(),
        phones: into.phones.clone(),
        company_id: into.company_id.clone().or(row.company_id.clone()),
        tags: into.tags.clone(),
        owner_id: into.owner_id.clone(),
        custom: into.custom.clone(),
    };
    for (list, add) in [
        (&mut next.emails, &row.emails),
        (&mut next.phones, &row.phones),
        (&mut next.tags, &row.tags),
    ] {
        for x in add {
            if !list.iter().any(|y| y.eq_ignore_ascii_case(x)) {
                list.push(x.clone());
            }
        }
    }
    next.custom.extend(row.custom.clone());
    let changed = changes(into, &next);
    if changed.is_empty() {
        return Ok(());
    }
    coll(state)
        .update_one(
            scope.filter_with(doc! { "_id": &into.id }),
            doc! { "$set": {
                "name": &next.name, "name_sort": next.name.to_lowercase(), "search": search_of(&next),
                "emails": &next.emails, "phones": &next.phones, "company_id": &next.company_id,
                "tags": &next.tags, "custom": custom_doc(&next.custom), "updated_at": state.clock.now(),
            }},
        )
        .await?;
    let summary = format!("An import added to {}", changed.join(", "));
    activity::append(
        state,
        entry(scope, "contact.merged", summary).contact(&into.id),
    )
    .await
}

/// Inserts an import row as a new contact.
pub async fn import_one(
    state: &AppState,
    scope: &WorkspaceScope,
    row: Checked,
    file: &str,
) -> Result<Contact, AppError> {
    insert(
        state,
        scope,
        row,
        Source::Import,
        &format!("Imported from {file}"),
    )
    .await
}
