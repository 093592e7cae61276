//! Addresses on lists, one subscription each, with the history of their consent. A member adds
//! CRM contacts (by tag or source); the public form adds and confirms; the unsubscribe link and
//! members take them off. Taking off keeps the record, so nobody is added back by mistake.

use super::lists;
use super::rfc3339;
use crate::model::{ConsentMethod, ConsentView, Status, SubscriberPage, SubscriberView, Trigger};
use app_core::error::AppError;
use crm::model::ContactQuery;
use crm::service::contacts::{Contact, CONTACTS};
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use workspaces::WorkspaceScope;

/// Collection name.
pub const SUBSCRIPTIONS: &str = "email_subscriptions";

/// Subscribers per page of a list's screen.
pub const PAGE_SIZE: i64 = 50;

/// One consent record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Consent {
    /// How.
    pub method: ConsentMethod,
    /// When.
    pub at: DateTime,
    /// From which client address, when over the web.
    pub ip: Option<String>,
}

impl Consent {
    /// A consent given or withdrawn now, as `method` says, from `ip` when over the web.
    pub fn now(state: &AppState, method: ConsentMethod, ip: Option<&str>) -> Self {
        Consent {
            method,
            at: state.clock.now(),
            ip: ip.map(str::to_owned),
        }
    }
}

/// The update that moves a subscription to `status`, recording `consent` in its history.
pub fn move_to(state: &AppState, status: Status, consent: &Consent) -> Result<Document, AppError> {
    let consent = mongodb::bson::to_bson(consent).map_err(|_| AppError::Internal)?;
    Ok(doc! {
        "$set": { "status": status.key(), "updated_at": state.clock.now() },
        "$push": { "consent": consent },
    })
}

/// A stored subscription.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Subscription {
    /// Id (also what the confirm and unsubscribe links name).
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The list.
    pub list_id: String,
    /// Normalised address.
    pub email: String,
    /// Where it stands.
    pub status: Status,
    /// Consent history, oldest first.
    pub consent: Vec<Consent>,
    /// How they first signed up: `bio` from the link-in-bio page; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Joined the list.
    pub created_at: DateTime,
    /// Last changed.
    pub updated_at: DateTime,
}

/// Typed collection.
pub fn coll(state: &AppState) -> mongodb::Collection<Subscription> {
    state.db.collection(SUBSCRIPTIONS)
}

impl Subscription {
    /// A new subscription of `email` to `list_id`.
    pub fn new(
        state: &AppState,
        workspace_id: &str,
        list_id: &str,
        email: &str,
        status: Status,
        consent: Vec<Consent>,
    ) -> Self {
        let now = state.clock.now();
        Subscription {
            id: app_core::ids::new_id(),
            workspace_id: workspace_id.to_owned(),
            list_id: list_id.to_owned(),
            email: email.to_owned(),
            status,
            consent,
            source: String::new(),
            created_at: now,
            updated_at: now,
        }
    }
}

fn view(s: Subscription, names: &HashMap<String, String>) -> SubscriberView {
    SubscriberView {
        name: names.get(&s.email).cloned(),
        consent: s
            .consent
            .into_iter()
            .map(|c| ConsentView {
                method: c.method,
                at: rfc3339(c.at),
                ip: c.ip,
            })
            .collect(),
        id: s.id,
        email: s.email,
        status: s.status,
        created_at: rfc3339(s.created_at),
    }
}

/// Subscribes the first address of every contact matching `query` (a tag or a source) to list
/// `list_id`, vouched for by the member. Addresses waiting for confirmation become subscribed;
/// those that unsubscribed stay off. Returns how many were added.
pub async fn add_contacts(
    state: &AppState,
    scope: &WorkspaceScope,
    list_id: &str,
    query: &ContactQuery,
) -> Result<u64, AppError> {
    let list = lists::find(state, scope, list_id).await?;
    if query.tag.is_empty() && query.source.is_empty() {
        return Err(AppError::invalid(
            "tag",
            "Choose the contacts to add: a tag or a source.",
        ));
    }
    let filter = crm::service::contact_list::filter(state, scope, query).await?;
    let contacts = crm::service::contact_list::all_matching(state, filter, "oldest").await?;
    let emails: Vec<String> = contacts
        .into_iter()
        .filter_map(|c| c.emails.into_iter().next())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    if emails.is_empty() {
        return Ok(0);
    }
    let existing: Vec<Subscription> = coll(state)
        .find(scope.filter_with(doc! { "list_id": &list.id, "email": { "$in": &emails } }))
        .await?
        .try_collect()
        .await?;
    let known: HashSet<&str> = existing.iter().map(|s| s.email.as_str()).collect();
    let consent = Consent::now(state, ConsentMethod::AddedByMember, None);
    let fresh: Vec<Subscription> = emails
        .iter()
        .filter(|e| !known.contains(e.as_str()))
        .map(|e| {
            Subscription::new(
                state,
                scope.workspace_id(),
                &list.id,
                e,
                Status::Subscribed,
                vec![consent.clone()],
            )
        })
        .collect();
    let mut added = fresh.len() as u64;
    if !fresh.is_empty() {
        // Another add at the same moment may have inserted some: those are there either way.
        if let Err(e) = coll(state).insert_many(&fresh).ordered(false).await {
            if !platform::db::duplicates_only(&e) {
                return Err(e.into());
            }
        }
    }
    let waiting: Vec<&str> = existing
        .iter()
        .filter(|s| s.status == Status::Pending)
        .map(|s| s.id.as_str())
        .collect();
    if !waiting.is_empty() {
        let confirmed = coll(state)
            .update_many(
                scope.filter_with(doc! { "_id": { "$in": waiting }, "status": "pending" }),
                move_to(state, Status::Subscribed, &consent)?,
            )
            .await?;
        added += confirmed.modified_count;
    }
    let joined: Vec<&Subscription> = fresh
        .iter()
        .chain(existing.iter().filter(|s| s.status == Status::Pending))
        .collect();
    super::enrolments::start(state, &joined, Trigger::Joined).await?;
    Ok(added)
}

/// One page of list `list_id`'s subscribers (of `status`, when given), newest first, after the
/// subscriber id `before` (empty for the first page).
pub async fn page(
    state: &AppState,
    scope: &WorkspaceScope,
    list_id: &str,
    status: Option<Status>,
    before: &str,
) -> Result<SubscriberPage, AppError> {
    let list = lists::get(state, scope, list_id).await?;
    let mut filter = scope.filter_with(doc! { "list_id": &list.id });
    if let Some(s) = status {
        filter.insert("status", s.key());
    }
    if !before.is_empty() {
        filter.insert("_id", doc! { "$lt": before });
    }
    let mut found: Vec<Subscription> = coll(state)
        .find(filter)
        .sort(doc! { "_id": -1 })
        .limit(PAGE_SIZE + 1)
        .await?
        .try_collect()
        .await?;
    let more = found.len() as i64 > PAGE_SIZE;
    found.truncate(PAGE_SIZE as usize);
    let names = names(
        state,
        scope,
        found.iter().map(|s| s.email.clone()).collect(),
    )
    .await?;
    Ok(SubscriberPage {
        list,
        subscribers: found.into_iter().map(|s| view(s, &names)).collect(),
        more,
        can_edit: scope.role().can(workspaces::model::Permission::EditContent),
        tags: crm::service::contact_bulk::tags(state, scope).await?,
    })
}

/// The CRM contact (id and name) of each of these addresses that is one.
pub async fn contacts(
    state: &AppState,
    scope: &WorkspaceScope,
    emails: Vec<String>,
) -> Result<HashMap<String, (String, String)>, AppError> {
    let found: Vec<Contact> = state
        .db
        .collection::<Contact>(CONTACTS)
        .find(scope.filter_with(doc! { "emails": { "$in": &emails } }))
        .await?
        .try_collect()
        .await?;
    let mut out = HashMap::new();
    for c in found {
        for e in c.emails.iter().filter(|e| emails.contains(e)) {
            out.insert(e.clone(), (c.id.clone(), c.name.clone()));
        }
    }
    Ok(out)
}

/// The CRM names of the contacts with these addresses.
pub async fn names(
    state: &AppState,
    scope: &WorkspaceScope,
    emails: Vec<String>,
) -> Result<HashMap<String, String>, AppError> {
    Ok(contacts(state, scope, emails)
        .await?
        .into_iter()
        .filter(|(_, (_, name))| !name.is_empty())
        .map(|(email, (_, name))| (email, name))
        .collect())
}

/// Takes the subscription `filter` finds off its list, as `method` says, from `ip`. Returns it
/// as it was, or `None` when there is none still on the list.
pub async fn take_off(
    state: &AppState,
    filter: Document,
    method: ConsentMethod,
    ip: Option<&str>,
) -> Result<Option<Subscription>, AppError> {
    let mut filter = filter;
    filter.insert("status", doc! { "$ne": "unsubscribed" });
    let consent = Consent::now(state, method, ip);
    Ok(coll(state)
        .find_one_and_update(filter, move_to(state, Status::Unsubscribed, &consent)?)
        .await?)
}

/// Deletes every subscription of list `list_id` (the list is being deleted).
pub async fn delete_list(
    state: &AppState,
    scope: &WorkspaceScope,
    list_id: &str,
) -> Result<(), AppError> {
    coll(state)
        .delete_many(scope.filter_with(doc! { "list_id": list_id }))
        .await?;
    Ok(())
}
