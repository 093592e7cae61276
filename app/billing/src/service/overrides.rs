//! What platform admins do to one workspace's subscription: find it, give a plan for free,
//! extend a trial, apply a discount, set limits of its own. Each change is written to the
//! workspace's audit log (by the caller), so its admins see who did what.

use super::entitlements::entitlements_of;
use super::payments::{failure, Payments};
use super::plans;
use super::subscriptions::{self, apply, rfc3339, subscriptions, SubscriptionRecord};
use crate::model::{AdminWorkspaceRow, LIMITS};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use identity::service::users;
use mongodb::bson::{doc, Regex};
use platform::AppState;
use std::collections::BTreeMap;
use std::time::Duration;
use stripe_billing::subscription::{
    DiscountsDataParam, UpdateSubscription, UpdateSubscriptionProrationBehavior,
    UpdateSubscriptionTrialEnd,
};
use stripe_product::coupon::CreateCoupon;
use workspaces::model::Role;
use workspaces::service::members::owners_of;
use workspaces::service::store::{memberships, workspaces, Workspace};

/// Escapes `s` for a MongoDB regular expression.
fn literal(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let special = "\\^$.|?*+()[]{}".contains(c);
            special
                .then_some('\\')
                .into_iter()
                .chain(std::iter::once(c))
        })
        .collect()
}

async fn row(state: &AppState, ws: Workspace) -> Result<AdminWorkspaceRow, AppError> {
    let rec = subscriptions::record(&state.db, &ws.id).await?;
    let ent = entitlements_of(state, rec.as_ref()).await?;
    let rec = rec.unwrap_or_default();
    let owners = owners_of(&state.db, &ws.id)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    let now = state.clock.now();
    Ok(AdminWorkspaceRow {
        id: ws.id,
        name: ws.name,
        handle: ws.handle,
        owners,
        plan: ent.plan.name,
        status: rec.status.clone(),
        interval: rec.interval.filter(|_| rec.is_live()),
        trial_end: rfc3339(rec.trial_end),
        comp_plan: rec.comp_plan(now).map(str::to_owned),
        comp_until: rfc3339(rec.comp_until.filter(|_| rec.comp_plan(now).is_some())),
        discount: rec.discount.clone().filter(|_| rec.is_live()),
        limit_overrides: rec
            .limit_overrides
            .unwrap_or_default()
            .into_iter()
            .collect(),
    })
}

/// Workspaces whose name or handle contains `query`, or whose owner's email starts with it.
pub async fn search(state: &AppState, query: &str) -> Result<Vec<AdminWorkspaceRow>, AppError> {
    let query = query.trim();
    if query.len() < 2 {
        return Err(AppError::invalid("query", "Type at least 2 characters."));
    }
    let contains = Regex {
        pattern: literal(query),
        options: "i".into(),
    };
    let owner_prefix = Regex {
        pattern: format!("^{}", literal(&query.to_lowercase())),
        options: String::new(),
    };
    let owner_ids: Vec<String> = users::users(&state.db)
        .find(doc! { "email_lower": owner_prefix })
        .limit(50)
        .await?
        .try_collect::<Vec<_>>()
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let owned: Vec<String> = memberships(&state.db)
        .find(doc! { "user_id": { "$in": owner_ids }, "role": Role::Owner.as_str() })
        .await?
        .try_collect::<Vec<_>>()
        .await?
        .into_iter()
        .map(|m| m.workspace_id)
        .collect();
    let found: Vec<Workspace> = workspaces(&state.db)
        .find(doc! { "$or": [
            { "name": contains.clone() }, { "handle": contains }, { "_id": { "$in": owned } },
        ] })
        .sort(doc! { "name": 1 })
        .limit(50)
        .await?
        .try_collect()
        .await?;
    let mut rows = Vec::with_capacity(found.len());
    for ws in found {
        rows.push(row(state, ws).await?);
    }
    Ok(rows)
}

/// The workspace, or "not found".
async fn workspace(state: &AppState, id: &str) -> Result<Workspace, AppError> {
    workspaces(&state.db)
        .find_one(doc! { "_id": id })
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That workspace".into(),
        })
}

/// The row after a change, for the screen.
pub async fn refreshed(state: &AppState, id: &str) -> Result<AdminWorkspaceRow, AppError> {
    row(state, workspace(state, id).await?).await
}

/// Gives the workspace `plan_key` for free for `days` (none: until taken back); returns a
/// summary for the audit log.
pub async fn grant_complimentary(
    state: &AppState,
    id: &str,
    plan_key: &str,
    days: Option<u32>,
) -> Result<String, AppError> {
    workspace(state, id).await?;
    let plan = plans::get(&state.db, plan_key)
        .await?
        .filter(|p| p.is_paid())
        .ok_or_else(|| AppError::invalid("plan", "Choose a paid plan."))?;
    if days.is_some_and(|d| d == 0 || d > 3650) {
        return Err(AppError::invalid(
            "days",
            "Enter 1 to 3650 days, or leave it empty.",
        ));
    }
    let until = days.map(|d| {
        state
            .clock
            .after(Duration::from_secs(u64::from(d) * 86_400))
    });
    subscriptions(&state.db)
        .update_one(
            doc! { "_id": id },
            doc! { "$set": { "comp_plan_key": &plan.key, "comp_until": until } },
        )
        .upsert(true)
        .await?;
    Ok(match days {
        Some(d) => format!("Gave {} for free for {d} days", plan.name),
        None => format!("Gave {} for free", plan.name),
    })
}

/// Ends a complimentary plan.
pub async fn revoke_complimentary(state: &AppState, id: &str) -> Result<(), AppError> {
    workspace(state, id).await?;
    subscriptions(&state.db)
        .update_one(
            doc! { "_id": id },
            doc! { "$unset": { "comp_plan_key": "", "comp_until": "" } },
        )
        .await?;
    Ok(())
}

/// Sets the workspace's own limits (a blank value keeps the plan's); returns a summary.
pub async fn set_limit_overrides(
    state: &AppState,
    id: &str,
    values: &[(&str, String)],
) -> Result<String, AppError> {
    workspace(state, id).await?;
    let mut problems = identity::model::Problems::default();
    let mut overrides = BTreeMap::new();
    for (key, value) in values {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match value.parse::<i64>() {
            Ok(n) if n >= -1 && LIMITS.iter().any(|(k, _)| k == key) => {
                overrides.insert(key.to_string(), n);
            }
            _ => {
                problems.check(
                    key,
                    Some("Enter a whole number, -1 for unlimited, or leave it empty."),
                );
            }
        }
    }
    problems.into_result()?;
    let summary = if overrides.is_empty() {
        "Removed the workspace's own limits".to_owned()
    } else {
        let list: Vec<String> = overrides.iter().map(|(k, v)| format!("{k} {v}")).collect();
        format!("Set the workspace's own limits: {}", list.join(", "))
    };
    let doc_value: mongodb::bson::Document = overrides
        .iter()
        .map(|(k, v)| (k.clone(), (*v).into()))
        .collect();
    let update = if overrides.is_empty() {
        doc! { "$unset": { "limit_overrides": "" } }
    } else {
        doc! { "$set": { "limit_overrides": doc_value } }
    };
    subscriptions(&state.db)
        .update_one(doc! { "_id": id }, update)
        .upsert(true)
        .await?;
    Ok(summary)
}

/// The running Stripe subscription of the workspace, or a message saying there is none.
async fn running(state: &AppState, id: &str) -> Result<(SubscriptionRecord, String), AppError> {
    let rec = subscriptions::live_record(&state.db, id).await?;
    let sub = rec.stripe_subscription_id.clone().unwrap_or_default();
    Ok((rec, sub))
}

/// Moves the end of a running trial `days` later.
pub async fn extend_trial(
    state: &AppState,
    payments: &Payments,
    id: &str,
    days: u32,
) -> Result<String, AppError> {
    if !(1..=365).contains(&days) {
        return Err(AppError::invalid("days", "Enter 1 to 365 days."));
    }
    let (rec, sub) = running(state, id).await?;
    let end = rec
        .trial_end
        .filter(|_| rec.status.as_deref() == Some("trialing"))
        .ok_or_else(|| AppError::Conflict {
            field: Some("days".into()),
            message: "This workspace is not in a trial.".into(),
        })?;
    let new_end = end.timestamp_millis() / 1000 + i64::from(days) * 86_400;
    let updated = UpdateSubscription::new(sub.as_str())
        .trial_end(UpdateSubscriptionTrialEnd::Timestamp(new_end))
        .proration_behavior(UpdateSubscriptionProrationBehavior::None)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    apply(state, &updated).await?;
    Ok(format!("Extended the trial by {days} days"))
}

/// A discount on the running subscription: `percent` off or `amount` (minor units) off, for
/// `months` (none: forever; 0: the next invoice only).
pub async fn apply_discount(
    state: &AppState,
    payments: &Payments,
    id: &str,
    percent: Option<u32>,
    amount: Option<i64>,
    months: Option<u32>,
) -> Result<String, AppError> {
    let off = match (percent, amount) {
        (Some(p), None) if (1..=100).contains(&p) => format!("{p}% off"),
        (None, Some(a)) if a > 0 => format!("{} off", app_core::money::money(a, "USD")),
        _ => {
            return Err(AppError::invalid(
                "value",
                "Enter a percentage from 1 to 100, or an amount like 5 or 5.50.",
            ))
        }
    };
    if months.is_some_and(|m| m > 36) {
        return Err(AppError::invalid(
            "months",
            "Enter up to 36 months, or leave it empty for forever.",
        ));
    }
    let (_, sub) = running(state, id).await?;
    let (duration, how_long) = match months {
        None => (stripe_shared::CouponDuration::Forever, "forever".to_owned()),
        Some(0) => (
            stripe_shared::CouponDuration::Once,
            "on the next invoice".to_owned(),
        ),
        Some(m) => (
            stripe_shared::CouponDuration::Repeating,
            format!("for {m} months"),
        ),
    };
    let description = format!("{off} {how_long}");
    let mut coupon = CreateCoupon::new()
        .duration(duration)
        .name(description.clone());
    if let Some(m) = months.filter(|m| *m > 0) {
        coupon = coupon.duration_in_months(i64::from(m));
    }
    coupon = match (percent, amount) {
        (Some(p), _) => coupon.percent_off(f64::from(p)),
        (_, Some(a)) => coupon.amount_off(a).currency(stripe_types::Currency::USD),
        _ => coupon,
    };
    let coupon = coupon.send(&payments.client).await.map_err(failure)?;
    let updated = UpdateSubscription::new(sub.as_str())
        .discounts(vec![DiscountsDataParam {
            coupon: Some(coupon.id.to_string()),
            ..Default::default()
        }])
        .send(&payments.client)
        .await
        .map_err(failure)?;
    apply(state, &updated).await?;
    subscriptions(&state.db)
        .update_one(
            doc! { "_id": id },
            doc! { "$set": { "discount": &description } },
        )
        .await?;
    Ok(format!("Applied a discount: {description}"))
}
