//! The CRM's part of a workspace's home: new contacts this week against last, the open deals
//! and their value, and the "add a contact" step.

use super::{contacts, deals};
use crate::model::{sum_by_currency, totals_label};
use app_core::error::AppError;
use app_core::home::{Home, HomeFigure, HomeStep, DAY_MS, WEEK_DAYS};
use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use platform::AppState;
use workspaces::WorkspaceScope;

/// [`home`] as a module's home part.
pub fn part<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<Home, AppError>> {
    Box::pin(home(state, workspace_id))
}

/// New contacts of the last seven days and the seven before, open deals with their value per
/// currency, and whether the workspace has a contact yet.
pub async fn home(state: &AppState, workspace_id: &str) -> Result<Home, AppError> {
    let scope = WorkspaceScope::system(workspace_id);
    let now = state.clock.now().timestamp_millis();
    let week = WEEK_DAYS as i64 * DAY_MS;
    let added = |from: i64, to: i64| {
        scope.filter_with(doc! { "created_at": {
            "$gte": DateTime::from_millis(now - from), "$lt": DateTime::from_millis(now - to),
        }})
    };
    let people = contacts::coll(state);
    let this_week = people.count_documents(added(week, -DAY_MS)).await?;
    let last_week = people.count_documents(added(2 * week, week)).await?;
    let any = people.count_documents(scope.filter()).limit(1).await?;

    let open: Vec<Document> = deals::coll(state)
        .clone_with_type::<Document>()
        .find(scope.filter_with(doc! { "status": "open" }))
        .projection(doc! { "value": 1, "currency": 1 })
        .await?
        .try_collect()
        .await?;
    let totals = sum_by_currency(open.iter().map(|d| {
        (
            d.get_str("currency").unwrap_or(""),
            d.get_i64("value").unwrap_or(0),
        )
    }));
    let value = if totals.is_empty() {
        String::new()
    } else {
        totals_label(&totals)
    };
    Ok(Home {
        figures: vec![
            HomeFigure {
                rank: 40,
                label: "New contacts".into(),
                value: this_week,
                detail: String::new(),
                days: Vec::new(),
                previous: Some(last_week),
                href: "crm".into(),
            },
            HomeFigure {
                rank: 50,
                label: "Open deals".into(),
                value: open.len() as u64,
                detail: value,
                days: Vec::new(),
                previous: None,
                href: "crm/deals".into(),
            },
        ],
        steps: vec![HomeStep {
            rank: 20,
            label: "Add a contact".into(),
            done: any > 0,
            href: "crm/contacts/new".into(),
        }],
        ..Home::default()
    })
}
