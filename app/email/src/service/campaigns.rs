//! Campaigns: a message to one list (or a segment of it), written as a draft in blocks, then
//! sent by the `email.send_campaign` job; what members do to it is in `campaign_control`.

pub use super::campaign_control::{control, Action};
use super::lists;
use super::rfc3339;
use super::schedule;
use super::segments;
use crate::model::{
    campaign_problems, starter_blocks, CampaignStatus, CampaignView, EmailBlock, ListView,
    MAX_BLOCKS,
};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use mongodb::options::ReturnDocument;
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// Collection name.
pub const CAMPAIGNS: &str = "email_campaigns";

/// A stored campaign.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Campaign {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The list it goes to.
    pub list_id: String,
    /// The segment of the list it goes to; empty for everyone on the list.
    #[serde(default)]
    pub segment_id: String,
    /// The sequence it is a step of; empty for a campaign, which is sent once to its audience.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sequence_id: String,
    /// Subject line.
    pub subject: String,
    /// Inbox preview line.
    pub preview: String,
    /// The message's blocks.
    #[serde(default)]
    pub blocks: Vec<EmailBlock>,
    /// Where it stands.
    pub status: CampaignStatus,
    /// Subscribers when sending started.
    pub total: i64,
    /// Handed to the mail server.
    pub sent: i64,
    /// Refused addresses.
    pub failed: i64,
    /// The last subscription id sent to: sending resumes after it.
    pub cursor: String,
    /// Counts starts and resumes; names the job of each.
    pub run: i32,
    /// Distinct readers who opened it.
    #[serde(default)]
    pub opens: i64,
    /// Distinct readers who clicked.
    #[serde(default)]
    pub clicks: i64,
    /// Every click per tracked link, by its number.
    #[serde(default)]
    pub link_clicks: HashMap<String, i64>,
    /// When sending first started.
    #[serde(default)]
    pub started_at: Option<DateTime>,
    /// When it is to go out, while scheduled.
    #[serde(default)]
    pub scheduled_at: Option<DateTime>,
    /// Why sending waits, while it does (the SMTP servers' caps); empty otherwise.
    #[serde(default)]
    pub waiting: String,
    /// Created.
    pub created_at: DateTime,
    /// Last changed.
    pub updated_at: DateTime,
}

/// Typed collection.
pub fn coll(state: &AppState) -> mongodb::Collection<Campaign> {
    state.db.collection(CAMPAIGNS)
}

impl Campaign {
    /// A new draft of workspace `scope` to `list_id` (and `segment_id`), starting with a few
    /// blocks.
    pub fn draft(
        state: &AppState,
        scope: &WorkspaceScope,
        (list_id, segment_id): (&str, &str),
        subject: &str,
        preview: &str,
    ) -> Campaign {
        let now = state.clock.now();
        Campaign {
            id: app_core::ids::new_id(),
            workspace_id: scope.workspace_id().to_owned(),
            list_id: list_id.to_owned(),
            segment_id: segment_id.to_owned(),
            sequence_id: String::new(),
            subject: subject.trim().to_owned(),
            preview: preview.trim().to_owned(),
            blocks: starter_blocks(),
            status: CampaignStatus::Draft,
            total: 0,
            sent: 0,
            failed: 0,
            cursor: String::new(),
            run: 0,
            opens: 0,
            clicks: 0,
            link_clicks: HashMap::new(),
            started_at: None,
            scheduled_at: None,
            waiting: String::new(),
            created_at: now,
            updated_at: now,
        }
    }
}

fn view(c: Campaign, list_name: String, scope: &WorkspaceScope) -> CampaignView {
    let segment_id = c.segment_id.clone();
    CampaignView {
        id: c.id,
        list_id: c.list_id,
        list_name,
        segment_id,
        sequence_id: c.sequence_id,
        waiting: c.waiting,
        segment_name: String::new(),
        subject: c.subject,
        preview: c.preview,
        blocks: c.blocks,
        status: c.status,
        scheduled_for: String::new(),
        total: c.total.max(0) as u64,
        sent: c.sent.max(0) as u64,
        failed: c.failed.max(0) as u64,
        opens: c.opens.max(0) as u64,
        clicks: c.clicks.max(0) as u64,
        updated_at: rfc3339(c.updated_at),
        can_edit: scope.role().can(Permission::EditContent),
    }
}

fn not_found() -> AppError {
    AppError::NotFound {
        what: "campaign".into(),
    }
}

/// Writes a draft's list (`<list>` or `<list>/<segment>`), subject and preview line (a new
/// draft, starting with a few blocks, when `id` is empty); refuses an empty subject next to the
/// field.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    list_id: &str,
    subject: &str,
    preview: &str,
) -> Result<CampaignView, AppError> {
    let problems = campaign_problems(subject);
    if !problems.is_empty() {
        return Err(AppError::invalid_fields(problems));
    }
    let (list_id, segment_id) = list_id.split_once('/').unwrap_or((list_id, ""));
    let list = lists::find(state, scope, list_id)
        .await
        .map_err(|_| AppError::invalid("list_id", "Choose a list."))?;
    let segment_name = match segment_id {
        "" => String::new(),
        id => {
            segments::find(state, scope, id)
                .await
                .ok()
                .filter(|s| s.list_id == list.id)
                .ok_or_else(|| AppError::invalid("list_id", "Choose a segment of the list."))?
                .name
        }
    };
    let now = state.clock.now();
    let saved = if id.is_empty() {
        let c = Campaign::draft(state, scope, (&list.id, segment_id), subject, preview);
        coll(state).insert_one(&c).await?;
        c
    } else {
        // Only a draft is edited: what went out stays what went out.
        let set = doc! { "list_id": &list.id, "segment_id": segment_id, "subject": subject.trim(), "preview": preview.trim(), "updated_at": now };
        coll(state)
            .find_one_and_update(
                scope.filter_with(doc! { "_id": id, "status": "draft" }),
                doc! { "$set": set },
            )
            .return_document(ReturnDocument::After)
            .await?
            .ok_or_else(|| AppError::invalid("form", "Only a draft can be changed."))?
    };
    let mut shown = view(saved, list.name, scope);
    shown.segment_name = segment_name;
    Ok(shown)
}

/// Writes a draft's blocks. Unfinished blocks are kept (the editor shows what is missing);
/// sending refuses them.
pub async fn save_blocks(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    blocks: Vec<EmailBlock>,
) -> Result<CampaignView, AppError> {
    if blocks.len() > MAX_BLOCKS {
        return Err(AppError::invalid("blocks", "Keep the email to 60 blocks."));
    }
    let stored = mongodb::bson::to_bson(&blocks).map_err(|_| AppError::Internal)?;
    coll(state)
        .update_one(
            scope.filter_with(doc! { "_id": id, "status": "draft" }),
            doc! { "$set": { "blocks": stored, "updated_at": state.clock.now() } },
        )
        .await?
        .matched_count
        .eq(&1)
        .then_some(())
        .ok_or_else(|| AppError::invalid("form", "Only a draft can be changed."))?;
    get(state, scope, id).await
}

/// Campaign `id` of the workspace, as stored.
pub async fn find(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<Campaign, AppError> {
    coll(state)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(not_found)
}

/// Campaign `id` of the workspace.
pub async fn get(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<CampaignView, AppError> {
    let c = find(state, scope, id).await?;
    let name = lists::find(state, scope, &c.list_id)
        .await
        .map(|l| l.name)
        .unwrap_or_default();
    let at = c
        .scheduled_at
        .filter(|_| c.status == CampaignStatus::Scheduled);
    let segment = match c.segment_id.as_str() {
        "" => String::new(),
        id => segments::find(state, scope, id)
            .await
            .map(|s| s.name)
            .unwrap_or_else(|_| "a deleted segment".into()),
    };
    let mut shown = view(c, name, scope);
    shown.segment_name = segment;
    if let Some(at) = at {
        let (zone, tz) = schedule::zone(state, scope.workspace_id()).await?;
        shown.scheduled_for = schedule::show_local(at, &zone, &tz);
    }
    Ok(shown)
}

/// Every campaign of the workspace, newest first, named after `lists` (the workspace's lists,
/// which the campaigns screen shows anyway).
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    lists: &[ListView],
) -> Result<Vec<CampaignView>, AppError> {
    // A sequence's emails are on its page.
    let found: Vec<Campaign> = coll(state)
        .find(scope.filter_with(doc! { "sequence_id": { "$exists": false } }))
        .sort(doc! { "created_at": -1 })
        .await?
        .try_collect()
        .await?;
    let names: HashMap<&str, &str> = lists
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str()))
        .collect();
    Ok(found
        .into_iter()
        .map(|c| {
            let name = names.get(c.list_id.as_str()).copied().unwrap_or_default();
            view(c, name.to_owned(), scope)
        })
        .collect())
}
