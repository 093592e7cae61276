//! Segments of a list, saved with a name and counted live: the subscribed addresses whose CRM
//! contact matches (tag, source, custom field) and whose activity does (opened or clicked a
//! campaign in the last days, or did not open one).

use super::lists;
use super::subscriptions::SUBSCRIPTIONS;
use super::tracking::ACTIVITY;
use crate::model::{SegmentRule, SegmentView};
use app_core::error::AppError;
use crm::model::ContactQuery;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Bson, DateTime, Document};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const SEGMENTS: &str = "email_segments";

/// A stored segment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Segment {
    #[serde(rename = "_id")]
    id: String,
    workspace_id: String,
    /// The list.
    pub list_id: String,
    /// Name.
    pub name: String,
    /// Conditions.
    pub rule: SegmentRule,
    created_at: DateTime,
}

fn coll(state: &AppState) -> mongodb::Collection<Segment> {
    state.db.collection(SEGMENTS)
}

/// The subscriptions of list `list_id` that `rule` selects, as a filter.
pub async fn filter(
    state: &AppState,
    scope: &WorkspaceScope,
    list_id: &str,
    rule: &SegmentRule,
) -> Result<Document, AppError> {
    let mut all = vec![doc! { "list_id": list_id, "status": "subscribed" }];
    if !rule.tag.is_empty() || !rule.source.is_empty() || !rule.field.is_empty() {
        let query = ContactQuery {
            tag: rule.tag.clone(),
            source: rule.source.clone(),
            field: rule.field.clone(),
            value: rule.value.clone(),
            ..ContactQuery::default()
        };
        let contacts = crm::service::contact_list::filter(state, scope, &query).await?;
        let found = crm::service::contact_list::all_matching(state, contacts, "oldest").await?;
        let emails: Vec<String> = found.into_iter().flat_map(|c| c.emails).collect();
        all.push(doc! { "email": { "$in": emails } });
    }
    if !rule.activity.is_empty() {
        let since = DateTime::from_millis(
            state.clock.now().timestamp_millis() - i64::from(rule.days) * 86_400_000,
        );
        let field = if rule.activity == "clicked" {
            "clicked_at"
        } else {
            "opened_at"
        };
        let ids: Vec<Bson> = state
            .db
            .collection::<Document>(ACTIVITY)
            .distinct(
                "subscription_id",
                scope.filter_with(doc! { field: { "$gte": since } }),
            )
            .await?;
        let op = if rule.activity == "not_opened" {
            "$nin"
        } else {
            "$in"
        };
        all.push(doc! { "_id": { op: ids } });
    }
    Ok(scope.filter_with(doc! { "$and": all }))
}

/// How many subscribed addresses of list `list_id` `rule` selects now.
pub async fn count(
    state: &AppState,
    scope: &WorkspaceScope,
    list_id: &str,
    rule: &SegmentRule,
) -> Result<u64, AppError> {
    check(rule)?;
    let f = filter(state, scope, list_id, rule).await?;
    Ok(state
        .db
        .collection::<Document>(SUBSCRIPTIONS)
        .count_documents(f)
        .await?)
}

fn check(rule: &SegmentRule) -> Result<(), AppError> {
    let problems = rule.problems();
    if problems.is_empty() {
        return Ok(());
    }
    Err(AppError::invalid_fields(problems))
}

/// Saves a new segment of list `list_id`.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    list_id: &str,
    name: &str,
    rule: SegmentRule,
) -> Result<SegmentView, AppError> {
    if let Some(p) = crate::model::list_name_problem(name) {
        return Err(AppError::invalid("name", p.replace("list", "segment")));
    }
    check(&rule)?;
    let list = lists::find(state, scope, list_id).await?;
    let s = Segment {
        id: app_core::ids::new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        list_id: list.id,
        name: name.trim().to_owned(),
        rule,
        created_at: state.clock.now(),
    };
    coll(state).insert_one(&s).await?;
    let count = count(state, scope, &s.list_id, &s.rule).await?;
    Ok(view(s, count))
}

fn view(s: Segment, count: u64) -> SegmentView {
    SegmentView {
        id: s.id,
        list_id: s.list_id,
        name: s.name,
        rule: s.rule,
        count,
    }
}

/// Segment `id` of the workspace.
pub async fn find(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<Segment, AppError> {
    coll(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "segment".into(),
        })
}

/// The segments of list `list_id` (every list's when empty) with their counts now.
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    list_id: &str,
) -> Result<Vec<SegmentView>, AppError> {
    let mut f = doc! {};
    if !list_id.is_empty() {
        f.insert("list_id", list_id);
    }
    let found: Vec<Segment> = coll(state)
        .find(scope.filter_with(f))
        .sort(doc! { "created_at": 1 })
        .await?
        .try_collect()
        .await?;
    let mut out = Vec::with_capacity(found.len());
    for s in found {
        let n = count(state, scope, &s.list_id, &s.rule).await?;
        out.push(view(s, n));
    }
    Ok(out)
}

/// Deletes segment `id` (campaigns sent to it keep their history).
pub async fn delete(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<(), AppError> {
    coll(state)
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    Ok(())
}

/// The subscriptions campaign `c` goes to: its list's subscribed addresses, narrowed to its
/// segment when it has one.
pub async fn audience(
    state: &AppState,
    c: &super::campaigns::Campaign,
) -> Result<Document, AppError> {
    let scope = WorkspaceScope::system(&c.workspace_id);
    if c.segment_id.is_empty() {
        return Ok(scope.filter_with(doc! { "list_id": &c.list_id, "status": "subscribed" }));
    }
    let s = find(state, &scope, &c.segment_id).await?;
    filter(state, &scope, &c.list_id, &s.rule).await
}
