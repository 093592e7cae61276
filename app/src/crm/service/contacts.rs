//! Contacts: create, change, find, page through, tag, delete, and capture from public forms.

use super::activity::{self, entry};
use super::{companies, fields, people, rfc3339, search};
use crate::crm::model::{split_list, ContactPage, ContactQuery, ContactView, CustomField, Source};
use crate::error::{AppError, FieldMessages};
use crate::identity::model::{email_problem, normalize_email};
use crate::platform::{AppState, WorkspaceScope};
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Bson, DateTime, Document};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Collection name.
pub const CONTACTS: &str = "crm_contacts";

/// Contacts per page of the list.
pub const PAGE_SIZE: i64 = 25;

/// Most contacts one bulk action takes.
pub const MAX_BULK: usize = 500;

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

/// What a form or an import row says about a contact, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    /// Full name.
    pub name: String,
    /// Addresses, one per line or comma-separated.
    pub emails: String,
    /// Phone numbers, likewise.
    pub phones: String,
    /// Company id, or empty.
    pub company_id: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// Member id, or empty.
    pub owner_id: String,
    /// Custom field key → raw values.
    pub custom: BTreeMap<String, Vec<String>>,
}

/// The checked form of a [`ContactInput`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// Full name.
    pub name: String,
    /// Normalised addresses.
    pub emails: Vec<String>,
    /// Phone numbers.
    pub phones: Vec<String>,
    /// Company id.
    pub company_id: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Member id.
    pub owner_id: Option<String>,
    /// Normalised custom values (empty ones dropped).
    pub custom: BTreeMap<String, Vec<String>>,
}

/// Checks everything that needs no database: lengths, addresses, phones, tags and custom
/// values against their definitions. Messages are keyed by field (`custom.<key>`).
pub fn check(input: &ContactInput, defs: &[CustomField]) -> Result<Checked, FieldMessages> {
    let mut errors = FieldMessages::new();
    let mut fail = |field: &str, msg: String| errors.entry(field.to_owned()).or_default().push(msg);
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > 200 {
        fail("name", "A name can be at most 200 characters.".into());
    }
    let emails: Vec<String> = split_list(&input.emails)
        .iter()
        .map(|e| normalize_email(e))
        .collect();
    for e in &emails {
        if let Some(p) = email_problem(e) {
            fail("emails", format!("{e}: {p}"));
        }
    }
    if emails.len() > 10 {
        fail("emails", "Keep it to 10 addresses.".into());
    }
    if name.is_empty() && emails.is_empty() {
        fail("name", "Give a name or an email address.".into());
    }
    let phones = split_list(&input.phones);
    for p in &phones {
        let ok = p.chars().count() <= 40
            && p.chars().any(|c| c.is_ascii_digit())
            && p.chars()
                .all(|c| c.is_ascii_digit() || " +-().x".contains(c));
        if !ok {
            fail(
                "phones",
                format!("{p} is not a phone number; use digits, spaces and + - ( )."),
            );
        }
    }
    if phones.len() > 10 {
        fail("phones", "Keep it to 10 numbers.".into());
    }
    let tags = split_list(&input.tags);
    if tags.iter().any(|t| t.chars().count() > 40) {
        fail("tags", "A tag can be at most 40 characters.".into());
    }
    if tags.len() > 30 {
        fail("tags", "Keep it to 30 tags.".into());
    }
    let mut custom = BTreeMap::new();
    for (key, raw) in &input.custom {
        let Some(def) = defs.iter().find(|d| &d.key == key) else {
            fail(
                &format!("custom.{key}"),
                "That field no longer exists.".into(),
            );
            continue;
        };
        match def.normalise(raw) {
            Ok(v) if v.is_empty() => {}
            Ok(v) => {
                custom.insert(key.clone(), v);
            }
            Err(m) => fail(&format!("custom.{key}"), m),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    Ok(Checked {
        name,
        emails,
        phones,
        company_id: opt(&input.company_id),
        tags,
        owner_id: opt(&input.owner_id),
        custom,
    })
}

fn coll(state: &AppState) -> mongodb::Collection<Contact> {
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

fn search_of(c: &Checked) -> Vec<String> {
    search::tokens(
        std::iter::once(c.name.as_str())
            .chain(c.emails.iter().map(String::as_str))
            .chain(c.phones.iter().map(String::as_str)),
    )
}

/// Stores a checked contact as new, after the plan's contact limit allows it, and records it
/// on its timeline.
async fn insert(
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
        id: crate::bio::service::pages::new_id(),
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
    view_one(state, scope, find(state, scope, id).await?).await
}

fn custom_doc(custom: &BTreeMap<String, Vec<String>>) -> Document {
    custom
        .iter()
        .map(|(k, v)| (k.clone(), Bson::from(v.clone())))
        .collect()
}

/// The names of the fields that differ, for the timeline.
fn changes(before: &Contact, after: &Checked) -> Vec<&'static str> {
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

/// The sort field and direction of a sort key.
fn order(sort: &str) -> (&'static str, i32) {
    match sort {
        "oldest" => ("created_at", 1),
        "name" => ("name_sort", 1),
        "updated" => ("updated_at", -1),
        _ => ("created_at", -1),
    }
}

/// The filter for a list query (without paging), shared by the list and the export.
pub async fn filter(
    state: &AppState,
    scope: &WorkspaceScope,
    q: &ContactQuery,
) -> Result<Document, AppError> {
    let mut all: Vec<Document> = Vec::new();
    for word in search::words(&q.q) {
        let mut either = vec![search::starts(&word)];
        let ids = companies::matching(state, scope, &word).await?;
        if !ids.is_empty() {
            either.push(doc! { "company_id": { "$in": ids } });
        }
        all.push(doc! { "$or": either });
    }
    if !q.tag.is_empty() {
        all.push(doc! { "tags": &q.tag });
    }
    if !q.source.is_empty() {
        all.push(doc! { "source": &q.source });
    }
    if !q.company.is_empty() {
        all.push(doc! { "company_id": &q.company });
    }
    if !q.owner.is_empty() {
        all.push(doc! { "owner_id": &q.owner });
    }
    if !q.field.is_empty() && !q.value.is_empty() {
        let def = fields::list(state, scope)
            .await?
            .into_iter()
            .find(|f| f.key == q.field)
            .ok_or_else(|| AppError::invalid("field", "That field no longer exists."))?;
        let wanted = def
            .normalise(std::slice::from_ref(&q.value))
            .map_err(|m| AppError::invalid("value", m))?;
        let key = format!("custom.{}", def.key);
        all.push(doc! { key: { "$in": wanted } });
    }
    let mut f = scope.filter();
    if !all.is_empty() {
        f.insert("$and", all);
    }
    Ok(f)
}

/// A cursor is the last item's sort value and id, so a page starts right after it however many
/// contacts were added or removed meanwhile.
fn cursor_of(c: &Contact, field: &str) -> String {
    let value = match field {
        "name_sort" => c.name_sort.clone(),
        "updated_at" => c.updated_at.timestamp_millis().to_string(),
        _ => c.created_at.timestamp_millis().to_string(),
    };
    format!("{}~{value}", c.id)
}

fn after(cursor: &str, field: &str, dir: i32) -> Result<Document, AppError> {
    let bad = || AppError::invalid("cursor", "That page no longer exists; start from the top.");
    let (id, value) = cursor.split_once('~').ok_or_else(bad)?;
    let value = if field == "name_sort" {
        Bson::String(value.to_owned())
    } else {
        Bson::DateTime(DateTime::from_millis(value.parse().map_err(|_| bad())?))
    };
    let op = if dir > 0 { "$gt" } else { "$lt" };
    Ok(doc! { "$or": [
        { field: { op: value.clone() } },
        { field: value, "_id": { op: id } },
    ]})
}

/// One page of contacts matching `q`, starting after `cursor` (empty for the first page).
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    q: &ContactQuery,
    cursor: &str,
) -> Result<ContactPage, AppError> {
    let base = filter(state, scope, q).await?;
    let total = coll(state).count_documents(base.clone()).await?;
    let (field, dir) = order(&q.sort);
    let paged = if cursor.is_empty() {
        base
    } else {
        doc! { "$and": [base, after(cursor, field, dir)?] }
    };
    let mut items: Vec<Contact> = coll(state)
        .find(paged)
        .sort(doc! { field: dir, "_id": dir })
        .limit(PAGE_SIZE + 1)
        .await?
        .try_collect()
        .await?;
    let more = items.len() as i64 > PAGE_SIZE;
    items.truncate(PAGE_SIZE as usize);
    let next = more
        .then(|| items.last().map(|c| cursor_of(c, field)))
        .flatten();
    let names = companies::names(state, scope).await?;
    Ok(ContactPage {
        items: items.into_iter().map(|c| view(c, &names)).collect(),
        next,
        total,
    })
}

/// Every contact matching `filter`, in the list's order, for the export.
pub async fn all_matching(
    state: &AppState,
    filter: Document,
    sort: &str,
) -> Result<Vec<Contact>, AppError> {
    let (field, dir) = order(sort);
    Ok(coll(state)
        .find(filter)
        .sort(doc! { field: dir, "_id": dir })
        .await?
        .try_collect()
        .await?)
}

fn bulk_ids(ids: &[String]) -> Result<(), AppError> {
    if ids.is_empty() {
        return Err(AppError::invalid("ids", "Select at least one contact."));
    }
    if ids.len() > MAX_BULK {
        return Err(AppError::invalid(
            "ids",
            format!("Select at most {MAX_BULK} contacts at a time."),
        ));
    }
    Ok(())
}

/// Adds `tag` to the contacts `ids`; returns how many changed.
pub async fn tag_many(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
    tag: &str,
) -> Result<u64, AppError> {
    bulk_ids(ids)?;
    let tag = tag.trim();
    if tag.is_empty() || tag.chars().count() > 40 {
        return Err(AppError::invalid(
            "tag",
            "Type a tag of 1 to 40 characters.",
        ));
    }
    let res = coll(state)
        .update_many(
            scope.filter_with(doc! { "_id": { "$in": ids }, "tags": { "$ne": tag } }),
            doc! { "$push": { "tags": tag }, "$set": { "updated_at": state.clock.now() } },
        )
        .await?;
    Ok(res.modified_count)
}

/// Deletes the contacts `ids` with their timelines, tasks and notes; returns how many.
pub async fn delete_many(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
) -> Result<u64, AppError> {
    bulk_ids(ids)?;
    let res = coll(state)
        .delete_many(scope.filter_with(doc! { "_id": { "$in": ids } }))
        .await?;
    activity::forget_contacts(state, scope, ids).await?;
    super::tasks::forget_contacts(state, scope, ids).await?;
    state
        .db
        .collection::<Document>(super::deals::DEALS)
        .update_many(
            scope.filter_with(doc! { "contact_id": { "$in": ids } }),
            doc! { "$set": { "contact_id": Bson::Null } },
        )
        .await?;
    Ok(res.deleted_count)
}

/// Every tag in use, for the filter.
pub async fn tags(state: &AppState, scope: &WorkspaceScope) -> Result<Vec<String>, AppError> {
    let mut tags: Vec<String> = coll(state)
        .distinct("tags", scope.filter())
        .await?
        .into_iter()
        .filter_map(|b| b.as_str().map(str::to_owned))
        .collect();
    tags.sort_by_key(|t| t.to_lowercase());
    Ok(tags)
}

/// A visitor left `email` on a public form: the contact with that address gets the entry on its
/// timeline, or a new contact is made with `source`. Refuses with `LimitReached` when the plan
/// has no room; the caller keeps the signup so nothing is lost.
pub async fn capture(
    state: &AppState,
    scope: &WorkspaceScope,
    email: &str,
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
        emails: vec![email],
        tags: vec![],
        ..Checked::default()
    };
    let c = insert(state, scope, checked, source, source.label()).await?;
    activity::append(state, entry(scope, kind, summary).contact(&c.id)).await?;
    Ok(c.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::model::FieldKind;

    #[test]
    fn a_contact_needs_a_name_or_an_email_and_good_values() {
        let defs = vec![CustomField {
            key: "tier".into(),
            label: "Tier".into(),
            kind: FieldKind::Select,
            options: vec!["Gold".into()],
        }];
        let err = check(&ContactInput::default(), &defs).unwrap_err();
        assert_eq!(err["name"], vec!["Give a name or an email address."]);

        let mut input = ContactInput {
            emails: "not-an-email".into(),
            phones: "call me".into(),
            ..Default::default()
        };
        input.custom.insert("tier".into(), vec!["Bronze".into()]);
        let err = check(&input, &defs).unwrap_err();
        assert!(err.contains_key("emails") && err.contains_key("phones"));
        assert_eq!(err["custom.tier"], vec!["Tier must be one of: Gold."]);

        let mut input = ContactInput {
            name: "  Ada   Lovelace ".into(),
            emails: "Ada@Example.com, ada@example.com".into(),
            phones: "+44 20 7946 0958".into(),
            tags: "vip, VIP, speaker".into(),
            ..Default::default()
        };
        input.custom.insert("tier".into(), vec!["gold".into()]);
        let ok = check(&input, &defs).unwrap();
        assert_eq!(ok.name, "Ada Lovelace");
        assert_eq!(ok.emails, vec!["ada@example.com"]);
        assert_eq!(ok.tags, vec!["vip", "speaker"]);
        assert_eq!(ok.custom["tier"], vec!["Gold"]);
    }
}
