//! The bio module's part of a workspace's home: views, clicks and signups of the last seven
//! days against the seven before, and whether a page is published yet.

use super::events::{CLICK, SURFACE};
use super::pages::pages;
use super::subscribers::SUBSCRIBERS;
use app_core::error::AppError;
use app_core::home::{Home, HomeFigure, HomeStep, DAY_MS, WEEK_DAYS};
use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use platform::events::visitors::day_of;
use platform::events::{rollups, Rollup, VIEW};
use platform::AppState;
use workspaces::WorkspaceScope;

/// [`home`] as a module's home part.
pub fn part<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<Home, AppError>> {
    Box::pin(home(state, workspace_id))
}

/// Views and clicks by day from the daily rollups, signups this week and last, and the
/// "publish your page" step.
pub async fn home(state: &AppState, workspace_id: &str) -> Result<Home, AppError> {
    let scope = WorkspaceScope::system(workspace_id);
    let now = state.clock.now().timestamp_millis();
    let days = 2 * WEEK_DAYS as i64;
    // Oldest first: two weeks of UTC days, today last.
    let names: Vec<String> = (0..days)
        .rev()
        .map(|back| day_of(DateTime::from_millis(now - back * DAY_MS)))
        .collect();
    let daily: Vec<Rollup> = rollups(&state.db)
        .find(scope.filter_with(doc! {
            "surface": SURFACE, "hourly": false,
            "period": { "$gte": &names[0], "$lte": &names[names.len() - 1] },
        }))
        .await?
        .try_collect()
        .await?;
    let figure = |rank: u16, label: &str, kind: &str| {
        let by_day: Vec<u64> = names
            .iter()
            .map(|d| {
                daily
                    .iter()
                    .filter(|r| &r.period == d)
                    .map(|r| r.count(kind))
                    .sum()
            })
            .collect();
        let (before, week) = by_day.split_at(WEEK_DAYS);
        HomeFigure {
            rank,
            label: label.into(),
            value: week.iter().sum(),
            detail: String::new(),
            days: week.to_vec(),
            previous: Some(before.iter().sum()),
            href: "bio/analytics".into(),
        }
    };
    let signups = |from: i64, to: i64| -> Document {
        scope.filter_with(doc! { "created_at": {
            "$gte": DateTime::from_millis(now - from * DAY_MS),
            "$lt": DateTime::from_millis(now - to * DAY_MS),
        }})
    };
    let subscribers = state.db.collection::<Document>(SUBSCRIBERS);
    let week = WEEK_DAYS as i64;
    let this_week = subscribers.count_documents(signups(week, -1)).await?;
    let last_week = subscribers.count_documents(signups(2 * week, week)).await?;
    let published = pages(&state.db)
        .count_documents(scope.filter_with(doc! { "published": { "$ne": null } }))
        .limit(1)
        .await?;
    Ok(Home {
        figures: vec![
            figure(10, "Bio views", VIEW),
            figure(20, "Bio clicks", CLICK),
            HomeFigure {
                rank: 30,
                label: "New subscribers".into(),
                value: this_week,
                detail: String::new(),
                days: Vec::new(),
                previous: Some(last_week),
                href: "bio/analytics".into(),
            },
        ],
        steps: vec![HomeStep {
            rank: 10,
            label: "Publish your bio page".into(),
            done: published > 0,
            href: "bio".into(),
        }],
        ..Home::default()
    })
}
