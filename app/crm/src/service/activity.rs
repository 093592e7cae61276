//! The workspace's event stream: every module appends what happened to a contact or deal, and
//! timelines read it back. Entries are never changed; only a note's author (or an admin) may
//! remove a note.

use crate::model::ActivityView;
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::model::Role;
use workspaces::WorkspaceScope;

/// Collection name.
pub const ACTIVITY: &str = "activity";

/// How many entries a timeline shows.
pub const TIMELINE_LIMIT: i64 = 200;

/// One stored entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Activity {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Dotted kind, `<module>.<what>`; see [`ActivityView::title`].
    pub kind: String,
    /// The module that wrote it.
    pub module: String,
    /// The contact it concerns.
    pub contact_id: Option<String>,
    /// The deal it concerns.
    pub deal_id: Option<String>,
    /// The member who did it; `None` for visitors and the system.
    pub actor_id: Option<String>,
    /// One line, or a note's text.
    pub summary: String,
    /// When.
    pub at: DateTime,
    /// Anything a module wants to keep with the entry (ids, amounts).
    #[serde(default)]
    pub data: Document,
}

/// A new entry for `kind` (`bio.email_captured`), to fill in and [`append`].
pub fn entry(scope: &WorkspaceScope, kind: &str, summary: impl Into<String>) -> Activity {
    Activity {
        id: app_core::ids::new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        module: kind.split('.').next().unwrap_or("crm").to_owned(),
        kind: kind.to_owned(),
        contact_id: None,
        deal_id: None,
        actor_id: scope.actor().map(str::to_owned),
        summary: summary.into(),
        at: DateTime::now(),
        data: Document::new(),
    }
}

impl Activity {
    /// About this contact.
    pub fn contact(mut self, id: &str) -> Self {
        self.contact_id = Some(id.to_owned());
        self
    }

    /// About this deal.
    pub fn deal(mut self, id: &str) -> Self {
        self.deal_id = Some(id.to_owned());
        self
    }
}

/// Adds `entry` to the stream, stamped with the state's clock.
pub async fn append(state: &AppState, mut entry: Activity) -> Result<(), AppError> {
    entry.at = state.clock.now();
    state
        .db
        .collection::<Activity>(ACTIVITY)
        .insert_one(entry)
        .await?;
    Ok(())
}

/// The newest entries about a contact (`contact_id`) or a deal (`deal_id`), newest first.
pub async fn timeline(
    state: &AppState,
    scope: &WorkspaceScope,
    about: Document,
) -> Result<Vec<ActivityView>, AppError> {
    let entries: Vec<Activity> = state
        .db
        .collection::<Activity>(ACTIVITY)
        .find(scope.filter_with(about))
        .sort(doc! { "at": -1, "_id": -1 })
        .limit(TIMELINE_LIMIT)
        .await?
        .try_collect()
        .await?;
    let names = super::people::names(state, scope).await?;
    Ok(entries
        .into_iter()
        .map(|a| ActivityView {
            can_delete: may_delete(scope, &a.kind, a.actor_id.as_deref()),
            actor_name: a.actor_id.as_ref().and_then(|id| names.get(id).cloned()),
            id: a.id,
            kind: a.kind,
            module: a.module,
            summary: a.summary,
            at: super::rfc3339(a.at),
        })
        .collect())
}

/// Whether the member of `scope` may delete an entry: only notes, and only their author's own
/// unless they run the workspace (admin or owner).
fn may_delete(scope: &WorkspaceScope, kind: &str, actor_id: Option<&str>) -> bool {
    kind == "note.added"
        && (scope.role().at_least(Role::Admin)
            || scope.actor().is_some_and(|me| actor_id == Some(me)))
}

/// Removes a note; other entries are history and stay. A member may remove their own notes, an
/// admin or owner anyone's.
pub async fn delete_note(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<(), AppError> {
    let entries = state.db.collection::<Activity>(ACTIVITY);
    let note = entries
        .find_one(scope.filter_with(doc! { "_id": id, "kind": "note.added" }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That note".into(),
        })?;
    if !may_delete(scope, &note.kind, note.actor_id.as_deref()) {
        return Err(AppError::Forbidden);
    }
    entries
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    Ok(())
}

/// Deletes everything about contacts that are themselves being deleted.
pub async fn forget_contacts(
    state: &AppState,
    scope: &WorkspaceScope,
    ids: &[String],
) -> Result<(), AppError> {
    state
        .db
        .collection::<Activity>(ACTIVITY)
        .delete_many(scope.filter_with(doc! { "contact_id": { "$in": ids } }))
        .await?;
    Ok(())
}
