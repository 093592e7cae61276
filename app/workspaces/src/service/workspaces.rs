//! Creating, finding and configuring workspaces.

use super::store::{memberships, workspaces, Membership, Workspace};
use crate::model::{handle_problem, Role, WorkspaceView, MODULES};
use crate::WorkspaceScope;
use app_core::error::AppError;
use identity::model::Problems;
use mongodb::bson::doc;
use platform::AppState;

/// Currencies a workspace can bill in.
pub const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "INR",
    "BRL", "MXN", "ZAR", "NGN", "KES", "SGD", "AED",
];

/// The name announced when a workspace's public identity (name, handle) changes, for modules
/// that cache what they show under it; the key is the workspace id.
pub const CACHE: &str = "workspace";

/// Why `tz` is not an IANA zone name, if it is not (shape check; the browser offers the list).
pub fn time_zone_problem(tz: &str) -> Option<&'static str> {
    let ok = tz == "UTC"
        || (tz.contains('/')
            && tz.len() <= 40
            && tz.split('/').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))
            }));
    (!ok).then_some("Choose a time zone like Europe/Paris.")
}

fn view(ws: Workspace, role: Role) -> WorkspaceView {
    WorkspaceView {
        id: ws.id,
        name: ws.name,
        handle: ws.handle,
        time_zone: ws.time_zone,
        currency: ws.currency,
        modules: ws.modules,
        logo_url: ws.logo_url,
        role,
    }
}

fn check(name: &str, handle: &str, time_zone: &str, currency: &str) -> Result<(), AppError> {
    let mut p = Problems::default();
    let name = name.trim();
    p.check("name", name.is_empty().then_some("Name your workspace."))
        .check(
            "name",
            (name.chars().count() > 60).then_some("Use at most 60 characters."),
        )
        .check("handle", handle_problem(handle))
        .check("time_zone", time_zone_problem(time_zone))
        .check(
            "currency",
            (!CURRENCIES.contains(&currency)).then_some("Choose a currency from the list."),
        );
    p.into_result()
}

fn handle_taken() -> AppError {
    AppError::Conflict {
        field: Some("handle".into()),
        message: "That handle is taken. Try another.".into(),
    }
}

/// Creates a workspace owned by `user_id`.
pub async fn create(
    state: &AppState,
    user_id: &str,
    name: &str,
    handle: &str,
    time_zone: &str,
    currency: &str,
) -> Result<WorkspaceView, AppError> {
    let handle = handle.trim().to_lowercase();
    check(name, &handle, time_zone, currency)?;
    let ws = Workspace {
        id: app_core::ids::new_id(),
        name: name.trim().to_owned(),
        handle: handle.clone(),
        logo_url: None,
        time_zone: time_zone.to_owned(),
        currency: currency.to_owned(),
        modules: vec!["bio".into(), "crm".into()],
        goals: Vec::new(),
        plan: "free".into(),
        created_at: state.clock.now(),
    };
    match workspaces(&state.db)
        .insert_one(&ws)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => {}
        Err(AppError::Conflict { .. }) => return Err(handle_taken()),
        Err(e) => return Err(e),
    }
    let owner = Membership {
        id: app_core::ids::new_id(),
        workspace_id: ws.id.clone(),
        user_id: user_id.to_owned(),
        role: Role::Owner,
        created_at: ws.created_at,
    };
    if let Err(e) = memberships(&state.db).insert_one(&owner).await {
        // Never leave a workspace without an owner.
        let _ = workspaces(&state.db)
            .delete_one(doc! { "_id": &ws.id })
            .await;
        return Err(e.into());
    }
    Ok(view(ws, Role::Owner))
}

/// The workspaces `user_id` belongs to, by name.
pub async fn list_for(state: &AppState, user_id: &str) -> Result<Vec<WorkspaceView>, AppError> {
    use futures_util::TryStreamExt;
    let mine: Vec<Membership> = memberships(&state.db)
        .find(doc! { "user_id": user_id })
        .await?
        .try_collect()
        .await?;
    let ids: Vec<&str> = mine.iter().map(|m| m.workspace_id.as_str()).collect();
    let found: Vec<Workspace> = workspaces(&state.db)
        .find(doc! { "_id": { "$in": ids } })
        .sort(doc! { "name": 1 })
        .await?
        .try_collect()
        .await?;
    Ok(found
        .into_iter()
        .filter_map(|w| {
            let role = mine.iter().find(|m| m.workspace_id == w.id)?.role;
            Some(view(w, role))
        })
        .collect())
}

/// The workspace with `handle`, if `user_id` belongs to it (otherwise "not found").
pub async fn by_handle_for(
    state: &AppState,
    user_id: &str,
    handle: &str,
) -> Result<WorkspaceView, AppError> {
    let not_found = || AppError::NotFound {
        what: "That workspace".into(),
    };
    let ws = workspaces(&state.db)
        .find_one(doc! { "handle": handle.to_lowercase() })
        .await?
        .ok_or_else(not_found)?;
    let m = memberships(&state.db)
        .find_one(doc! { "workspace_id": &ws.id, "user_id": user_id })
        .await?
        .ok_or_else(not_found)?;
    Ok(view(ws, m.role))
}

/// The scoped workspace.
pub async fn get(state: &AppState, scope: &WorkspaceScope) -> Result<WorkspaceView, AppError> {
    let ws = workspaces(&state.db)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That workspace".into(),
        })?;
    Ok(view(ws, scope.role()))
}

/// Changes name, handle, time zone and currency; returns a summary for the audit log.
pub async fn update_settings(
    state: &AppState,
    scope: &WorkspaceScope,
    name: &str,
    handle: &str,
    time_zone: &str,
    currency: &str,
) -> Result<(WorkspaceView, String), AppError> {
    let handle = handle.trim().to_lowercase();
    check(name, &handle, time_zone, currency)?;
    let before = get(state, scope).await?;
    let r = workspaces(&state.db)
        .update_one(
            doc! { "_id": scope.workspace_id() },
            doc! { "$set": { "name": name.trim(), "handle": &handle, "time_zone": time_zone, "currency": currency } },
        )
        .await;
    match r.map_err(AppError::from) {
        Ok(_) => {}
        Err(AppError::Conflict { .. }) => return Err(handle_taken()),
        Err(e) => return Err(e),
    }
    let after = get(state, scope).await?;
    platform::invalidate::invalidate(state, CACHE, scope.workspace_id()).await;
    let mut changes = Vec::new();
    for (what, a, b) in [
        ("name", &before.name, &after.name),
        ("handle", &before.handle, &after.handle),
        ("time zone", &before.time_zone, &after.time_zone),
        ("currency", &before.currency, &after.currency),
    ] {
        if a != b {
            changes.push(format!("{what}: {a} → {b}"));
        }
    }
    Ok((after, changes.join("; ")))
}

/// Sets the enabled modules (unknown keys are refused).
pub async fn set_modules(
    state: &AppState,
    scope: &WorkspaceScope,
    modules: &[String],
) -> Result<(), AppError> {
    if let Some(bad) = modules
        .iter()
        .find(|m| !MODULES.iter().any(|(k, _, _)| k == m))
    {
        return Err(AppError::invalid(
            "modules",
            format!("Unknown module: {bad}"),
        ));
    }
    workspaces(&state.db)
        .update_one(
            doc! { "_id": scope.workspace_id() },
            doc! { "$set": { "modules": modules } },
        )
        .await?;
    Ok(())
}
