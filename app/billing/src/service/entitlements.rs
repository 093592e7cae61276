//! What a workspace may use now: its plan's limits and features, from its subscription, a
//! complimentary plan or a platform admin's limits of its own, and held to the free plan while a
//! payment is overdue past its grace period. Every module checks these before it creates.

use super::plans;
use super::subscriptions::{record, SubscriptionRecord};
use crate::model::{limit_label, PlanView};
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use platform::{AppState, PlanRules};

/// What a workspace may use now.
#[derive(Debug, Clone)]
pub struct Entitlements {
    /// The plan whose limits apply.
    pub plan: PlanView,
    /// The plan paid for, when an overdue payment has restricted the workspace to the free one.
    pub paid_plan: Option<PlanView>,
    /// Whether the grace period of an overdue payment is over.
    pub restricted: bool,
}

/// The workspace's entitlements: its paid plan while the subscription is live and paid (or in
/// its grace period), the free plan otherwise. Nothing is deleted when a workspace is restricted:
/// what it has stays readable, it just cannot add beyond the free plan's limits.
pub async fn entitlements(state: &AppState, workspace_id: &str) -> Result<Entitlements, AppError> {
    entitlements_of(state, record(&state.db, workspace_id).await?.as_ref()).await
}

/// The same, from a billing record the caller has already read.
pub async fn entitlements_of(
    state: &AppState,
    rec: Option<&SubscriptionRecord>,
) -> Result<Entitlements, AppError> {
    let now = state.clock.now();
    let mut ent = match rec.and_then(|r| r.comp_plan(now)) {
        // A complimentary plan wins over whatever is (or is not) paid.
        Some(key) => match plans::get(&state.db, key).await? {
            Some(plan) => Entitlements {
                plan,
                paid_plan: None,
                restricted: false,
            },
            None => paid_entitlements(state, rec).await?,
        },
        None => paid_entitlements(state, rec).await?,
    };
    if let Some(overrides) = rec.and_then(|r| r.limit_overrides.as_ref()) {
        for (k, v) in ent.plan.limits.iter_mut() {
            if let Some(n) = overrides.get(k.as_str()) {
                *v = *n;
            }
        }
    }
    Ok(ent)
}

async fn paid_entitlements(
    state: &AppState,
    rec: Option<&SubscriptionRecord>,
) -> Result<Entitlements, AppError> {
    let paid = match rec.filter(|r| r.is_live()) {
        Some(r) => match &r.plan_key {
            Some(key) => plans::get(&state.db, key).await?.map(|mut plan| {
                // Subscribers kept on old terms keep the limits they signed up with.
                if let Some(kept) = &r.grandfathered_limits {
                    for (k, v) in plan.limits.iter_mut() {
                        if let Some(old) = kept.get(k.as_str()) {
                            *v = *old;
                        }
                    }
                }
                if let Some(kept) = &r.grandfathered_features {
                    plan.features = kept.clone();
                }
                plan
            }),
            None => None,
        },
        None => None,
    };
    let restricted = rec
        .and_then(|r| r.grace_until)
        .is_some_and(|g| g < state.clock.now());
    match paid {
        Some(plan) if !restricted => Ok(Entitlements {
            plan,
            paid_plan: None,
            restricted: false,
        }),
        paid => Ok(Entitlements {
            plan: plans::free(&state.db).await?,
            restricted: restricted && paid.is_some(),
            paid_plan: paid,
        }),
    }
}

impl Entitlements {
    /// Refuses with `FeatureNotIncluded` unless the plan in force includes `feature`.
    pub fn require_feature(&self, feature: &str) -> Result<(), AppError> {
        if self.plan.features.iter().any(|f| f == feature) {
            return Ok(());
        }
        Err(AppError::FeatureNotIncluded {
            feature: crate::model::feature_label(feature).to_owned(),
            upgrade: self.way_out("use it"),
        })
    }

    /// What to do about a limit or a missing feature: pay what is overdue, or upgrade.
    fn way_out(&self, to: &str) -> String {
        if self.restricted {
            "Pay the overdue invoice in Billing to get your plan back.".into()
        } else {
            format!("Upgrade your plan in Billing to {to}.")
        }
    }
}

/// Refuses with `LimitReached` when `in_use` already meets the plan's `limit`.
pub async fn check_limit(
    state: &AppState,
    workspace_id: &str,
    limit: &str,
    in_use: u64,
) -> Result<(), AppError> {
    let ent = entitlements(state, workspace_id).await?;
    let allowed = ent.plan.limit(limit);
    if allowed < 0 || in_use < allowed as u64 {
        return Ok(());
    }
    Err(AppError::LimitReached {
        limit: limit_label(limit).to_lowercase(),
        allowed: allowed as u64,
        upgrade: ent.way_out("add more"),
    })
}

/// Billing's answer to every module's limit and feature checks.
pub struct Rules;

impl PlanRules for Rules {
    fn check_limit<'a>(
        &'a self,
        state: &'a AppState,
        workspace_id: &'a str,
        limit: &'a str,
        in_use: u64,
    ) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(check_limit(state, workspace_id, limit, in_use))
    }

    fn require_feature<'a>(
        &'a self,
        state: &'a AppState,
        workspace_id: &'a str,
        feature: &'a str,
    ) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            entitlements(state, workspace_id)
                .await?
                .require_feature(feature)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(features: &[&str], restricted: bool) -> Entitlements {
        Entitlements {
            plan: PlanView {
                key: "pro".into(),
                name: "Pro".into(),
                description: String::new(),
                monthly_price: 1200,
                yearly_price: 12000,
                currency: "USD".into(),
                trial_days: 0,
                visible: true,
                limits: vec![],
                features: features.iter().map(|f| f.to_string()).collect(),
            },
            paid_plan: None,
            restricted,
        }
    }

    #[test]
    fn features_outside_the_plan_are_refused_with_the_way_out() {
        assert_eq!(with(&["sell"], false).require_feature("sell"), Ok(()));
        let err = with(&["sell"], false)
            .require_feature("custom_domain")
            .unwrap_err();
        assert_eq!(err.status_code(), 402);
        assert_eq!(
            err.to_string(),
            "Your plan does not include Custom domains. Upgrade your plan in Billing to use it."
        );
        let overdue = with(&[], true).require_feature("sell").unwrap_err();
        assert!(overdue.to_string().contains("overdue"), "{overdue}");
    }
}
