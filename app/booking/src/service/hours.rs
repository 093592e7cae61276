//! Members' hours: a week of ranges and dates that differ, in the member's zone. A member who
//! never set theirs works weekdays 09:00–17:00 in the workspace's zone.

use super::slots::Hours;
use super::store::{hours, HoursDoc};
use crate::model::{parse_hours, AvailabilityView, DayHours, HoursForm};
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::AppState;
use workspaces::WorkspaceScope;

fn default_doc(workspace_id: &str, user_id: &str, time_zone: &str) -> HoursDoc {
    let mut weekly = vec![vec![[540, 1020]]; 5];
    weekly.extend([vec![], vec![]]);
    HoursDoc {
        id: format!("{workspace_id}:{user_id}"),
        workspace_id: workspace_id.to_owned(),
        user_id: user_id.to_owned(),
        time_zone: time_zone.to_owned(),
        weekly,
        overrides: Vec::new(),
    }
}

async fn zone_of(state: &AppState, workspace_id: &str) -> Result<String, AppError> {
    Ok(super::store::workspace(state, workspace_id)
        .await?
        .time_zone)
}

/// Member `user_id`'s hours in workspace `workspace_id` (callers have checked both).
pub async fn of(state: &AppState, workspace_id: &str, user_id: &str) -> Result<HoursDoc, AppError> {
    let id = format!("{workspace_id}:{user_id}");
    match hours(state).find_one(doc! { "_id": &id }).await? {
        Some(h) => Ok(h),
        None => Ok(default_doc(
            workspace_id,
            user_id,
            &zone_of(state, workspace_id).await?,
        )),
    }
}

/// Stored hours as the slot rules read them.
pub fn rules_hours(doc: &HoursDoc) -> Hours {
    Hours {
        tz: super::store::zone(&doc.time_zone),
        weekly: doc.weekly.clone(),
        overrides: doc.overrides.clone(),
    }
}

/// The caller's hours.
pub async fn mine(state: &AppState, scope: &WorkspaceScope) -> Result<AvailabilityView, AppError> {
    let h = of(state, scope.workspace_id(), scope.user_id()).await?;
    Ok(AvailabilityView {
        user_id: h.user_id,
        time_zone: h.time_zone,
        weekly: h.weekly,
        overrides: h.overrides,
    })
}

/// Reads `YYYY-MM-DD hours` lines (`2026-12-24 closed`, `2026-12-31 09:00-12:00`).
fn parse_overrides(text: &str) -> Result<Vec<DayHours>, String> {
    let mut out: Vec<DayHours> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (date, rest) = line.split_once(' ').unwrap_or((line, ""));
        let parsed: jiff::civil::Date = date.parse().map_err(|_| {
            format!("Start each line with a date such as 2026-12-24; “{date}” is not one.")
        })?;
        let hours = parse_hours(rest).map_err(|e| format!("{date}: {e}"))?;
        out.retain(|o| o.date != parsed.to_string());
        out.push(DayHours {
            date: parsed.to_string(),
            hours,
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    Ok(out)
}

/// Saves the caller's hours from the form: a zone, seven days of ranges (Monday first) and
/// the override lines. Every problem is reported next to its field.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    form: &HoursForm,
) -> Result<AvailabilityView, AppError> {
    let time_zone = form.time_zone.trim();
    let mut problems: Vec<(String, String)> = Vec::new();
    if let Some(p) = workspaces::service::workspaces::time_zone_problem(time_zone) {
        problems.push(("time_zone".into(), p.into()));
    } else if jiff::tz::TimeZone::get(time_zone).is_err() {
        problems.push(("time_zone".into(), "That time zone is unknown.".into()));
    }
    let days = form.days();
    let mut weekly = Vec::new();
    for (i, day) in days.iter().enumerate() {
        match parse_hours(day) {
            Ok(h) => weekly.push(h),
            Err(e) => {
                problems.push((format!("day{i}"), e));
                weekly.push(Vec::new());
            }
        }
    }
    let overrides = parse_overrides(&form.overrides).unwrap_or_else(|e| {
        problems.push(("overrides".into(), e));
        Vec::new()
    });
    if !problems.is_empty() {
        return Err(AppError::invalid_fields(problems));
    }
    let doc = HoursDoc {
        time_zone: time_zone.to_owned(),
        weekly,
        overrides,
        ..default_doc(scope.workspace_id(), scope.user_id(), time_zone)
    };
    hours(state)
        .replace_one(
            doc! { "_id": &doc.id, "workspace_id": scope.workspace_id() },
            &doc,
        )
        .upsert(true)
        .await?;
    mine(state, scope).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn override_lines_are_dates_with_hours() {
        let o = super::parse_overrides("2026-12-31 09:00-12:00\n2026-12-24 closed\n").unwrap();
        assert_eq!(o[0].date, "2026-12-24");
        assert!(o[0].hours.is_empty());
        assert_eq!(o[1].hours, vec![[540, 720]]);
        assert!(super::parse_overrides("24/12 closed").is_err());
    }
}
