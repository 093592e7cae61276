//! Contacts: the stored document, create, change, find, and capture from public forms. The
//! list, bulk actions, checks and import merges live in the `contact_*` files next to it.

use super::activity::{self, entry};
use super::{companies, fields, people, rfc3339, search};
use crate::model::{ContactView, Source};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use identity::model::normalize_email;
use mongodb::bson::{doc, Bson, DateTime, Document};
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use workspaces::WorkspaceScope;

pub use super::contact_bulk::{delete_many, tag_many, tags, MAX_BULK};
pub use super::contact_input::{check, Checked, ContactInput};
pub use super::contact_list::{all_matching, filter, list, PAGE_SIZE};
pub use super::contact_merge::{import_one, merge};

/// Collection name.
pub const CONTACTS: &str = "crm_contacts";

/// A stored contact.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Contact {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Full name.
    pub name: String,
    /// Lowercase name, for sorting.
    pub name_sort: String,
    /// Normalised addresses.
    pub emails: Vec<String>,
    /// Phone numbers as typed.
    pub phones: Vec<String>,
    /// Linked company.
    pub company_id: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// The member responsible.
    pub owner_id: Option<String>,
    /// Where it came from.
    pub source: Source,
    /// Custom values.
    pub custom: BTreeMap<String, Vec<String>>,
    /// Words it is found by.
    pub search: Vec<String>,
    /// Created.
    pub created_at: DateTime,
    /// Last changed.
    pub updated_at: DateTime,
}

pub(super) fn coll(state: &AppState) -> mongodb::Collection<Contact> {
    state.db.collection(CONTACTS)
}

/// Checks `input` in full, including what needs the database: the company and owner exist and
/// no other contact has one of the addresses.
async fn validate(
    state: &AppState,
    scope: &WorkspaceScope,
    id: Option<&str>,
    input: &ContactInput,
) -> Result<Checked, AppError> {
    let defs = fields::list(state, scope).await?;
    let checked = check(input, &defs).map_err(|fields| AppError::Validation { fields })?;
    if let Some(company) = &checked.company_id {
        companies::get(state, scope, company)
            .await
            .map_err(|_| AppError::invalid("company_id", "Choose a company from the list."))?;
    }
    people::check_member(
        state,
        scope,
        checked.owner_id.as_deref().unwrap_or(""),
        "owner_id",
    )
    .await?;
    for e in &checked.emails {
        if let Some(other) = by_email(state, scope, e).await? {
            if Some(other.id.as_str()) != id {
                return Err(AppError::Conflict {
                    field: Some("emails".into()),
                    message: format!(
                        "{e} already belongs to {}.",
                        if other.name.is_empty() {
                            e
                        } else {
                            &other.name
                        }
                    ),
                });
            }
        }
    }
    Ok(checked)
}

/// The contact holding `email` (normalised), if any.
pub async fn by_email(
    state: &AppState,
    scope: &WorkspaceScope,
    email: &str,
) -> Result<Option<Contact>, AppError> {
    Ok(coll(state)
        .find_one(scope.filter_with(doc! { "emails": email }))
        .await?)
}

/// How many contacts the workspace has.
pub async fn count(state: &AppState, scope: &WorkspaceScope) -> Result<u64, AppError> {
    Ok(coll(state).count_documents(scope.filter()).await?)
}

pub(super) fn search_of(c: &Checked) -> Vec<String> {
    search::tokens(
        std::iter::once(c.name.as_str())
            .chain(c.emails.iter().map(String::as_str))
            .chain(c.phones.iter().map(String::as_str)),
    )
}

/// Stores a checked contact as new, after the plan's contact limit allows it, and records it
/// on its timeline.
pub(super) async fn insert(
    state: &AppState,
    scope: &WorkspaceScope,
    c: Checked,
    source: Source,
    why: &str,
) -> Result<Contact, AppError> {
    scope
        .check_limit(state, "contacts", count(state, scope).await?)
        .await?;
    let now = state.clock.now();
    let contact = Contact {
        id: app_core::ids::new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        name_sort: c.name.to_lowercase(),
        search: search_of(&c),
        name: c.name,
        emails: c.emails,
        phones: c.phones,
        company_id: c.company_id,
        tags: c.tags,
        owner_id: c.owner_id.or_else(|| scope.actor().map(str::to_owned)),
        source,
        custom: c.custom,
        created_at: now,
        updated_at: now,
    };
    coll(state).insert_one(&contact).await?;
    let kind = if source == Source::Import {
        "contact.imported"
    } else {
        "contact.created"
    };
    activity::append(state, entry(scope, kind, why).contact(&contact.id)).await?;
    Ok(contact)
}

/// Adds a contact typed in by a member.
pub async fn create(
    state: &AppState,
    scope: &WorkspaceScope,
    input: &ContactInput,
) -> Result<ContactView, AppError> {
    let checked = validate(state, scope, None, input).await?;
    let c = insert(state, scope, checked, Source::Manual, "Added by hand").await?;
    super::contact_bulk::tagged(state, scope, &c.emails, &c.tags).await?;
    view_one(state, scope, c).await
}

/// Replaces a contact's details with `input`.
pub async fn update(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    input: &ContactInput,
) -> Result<ContactView, AppError> {
    let before = find(state, scope, id).await?;
    let c = validate(state, scope, Some(id), input).await?;
    let changed = changes(&before, &c);
    let now = state.clock.now();
    coll(state)
        .update_one(
            scope.filter_with(doc! { "_id": id }),
            doc! { "$set": {
                "name": &c.name, "name_sort": c.name.to_lowercase(), "search": search_of(&c),
                "emails": &c.emails, "phones": &c.phones, "company_id": &c.company_id,
                "tags": &c.tags, "owner_id": &c.owner_id, "custom": custom_doc(&c.custom),
                "updated_at": now,
            }},
        )
        .await?;
    if !changed.is_empty() {
        let summary = format!("Changed {}", changed.join(", "));
        activity::append(state, entry(scope, "contact.updated", summary).contact(id)).await?;
    }
    let gained: Vec<String> = c
        .tags
        .iter()
        .filter(|t| !before.tags.contains(t))
        .cloned()
        .collect();
    super::contact_bulk::tagged(state, scope, &c.emails, &gained).await?;
    view_one(state, scope, find(state, scope, id).await?).await
}

pub(super) fn custom_doc(custom: &BTreeMap<String, Vec<String>>) -> Document {
    custom
        .iter()
        .map(|(k, v)| (k.clone(), Bson::from(v.clone())))
        .collect()
}

/// The names of the fields that differ, for the timeline.
pub(super) fn changes(before: &Contact, after: &Checked) -> Vec<&'static str> {
    let mut out = Vec::new();
    if before.name != after.name {
        out.push("name");
    }
    if before.emails != after.emails {
        out.push("emails");
    }
    if before.phones != after.phones {
        out.push("phones");
    }
    if before.company_id != after.company_id {
        out.push("company");
    }
    if before.tags != after.tags {
        out.push("tags");
    }
    if before.owner_id != after.owner_id {
        out.push("owner");
    }
    if before.custom != after.custom {
        out.push("custom fields");
    }
    out
}

/// A contact of this workspace, or `NotFound`.
pub async fn find(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<Contact, AppError> {
    coll(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That contact".into(),
        })
}

/// One contact for its page.
pub async fn get(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<ContactView, AppError> {
    view_one(state, scope, find(state, scope, id).await?).await
}

async fn view_one(
    state: &AppState,
    scope: &WorkspaceScope,
    c: Contact,
) -> Result<ContactView, AppError> {
    let names = companies::names(state, scope).await?;
    Ok(view(c, &names))
}

/// What to call each of the contacts `ids` (name, else first email), in one query.
pub async fn display_names(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
) -> Result<std::collections::HashMap<String, String>, AppError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let found: Vec<Contact> = coll(state)
        .find(scope.filter_with(doc! { "_id": { "$in": ids } }))
        .await?
        .try_collect()
        .await?;
    Ok(found
        .into_iter()
        .map(|c| (c.id.clone(), view(c, &Default::default()).display_name()))
        .collect())
}

/// The screen's form of a stored contact; `companies` maps ids to names.
pub fn view(c: Contact, companies: &std::collections::HashMap<String, String>) -> ContactView {
    ContactView {
        company_name: c
            .company_id
            .as_ref()
            .and_then(|id| companies.get(id).cloned()),
        id: c.id,
        name: c.name,
        emails: c.emails,
        phones: c.phones,
        company_id: c.company_id,
        tags: c.tags,
        owner_id: c.owner_id,
        source: c.source,
        custom: c.custom,
        created_at: rfc3339(c.created_at),
        updated_at: rfc3339(c.updated_at),
    }
}

/// A visitor left `email` (and `name`, if the form asked) on a public form: the contact with
/// that address gets the entry on its timeline, or a new contact is made with `source`. Refuses with `LimitReached` when the plan
/// has no room; the caller keeps the signup so nothing is lost.
pub async fn capture(
    state: &AppState,
    scope: &WorkspaceScope,
    (email, name): (&str, &str),
    source: Source,
    kind: &str,
    summary: &str,
) -> Result<String, AppError> {
    let email = normalize_email(email);
    if let Some(c) = by_email(state, scope, &email).await? {
        activity::append(state, entry(scope, kind, summary).contact(&c.id)).await?;
        return Ok(c.id);
    }
    let checked = Checked {
        name: name.trim().chars().take(200).collect(),
        emails: vec![email],
        tags: vec![],
        ..Checked::default()
    };
    let c = insert(state, scope, checked, source, source.label()).await?;
    activity::append(state, entry(scope, kind, summary).contact(&c.id)).await?;
    Ok(c.id)
}
