//! The `plans` collection. A free plan always exists.

use crate::model::{plan_key_problem, PlanView, FEATURES, LIMITS};
use app_core::error::AppError;
use app_core::money::parse_price;
use identity::model::Problems;
use mongodb::bson::{doc, Document};
use platform::Db;

/// Collection name.
pub const PLANS: &str = "plans";

fn to_view(d: &Document) -> Option<PlanView> {
    let limits = d.get_document("limits").ok();
    Some(PlanView {
        key: d.get_str("key").ok()?.to_owned(),
        name: d.get_str("name").ok()?.to_owned(),
        description: d.get_str("description").unwrap_or("").to_owned(),
        monthly_price: d.get_i64("monthly_price").unwrap_or(0),
        yearly_price: d.get_i64("yearly_price").unwrap_or(0),
        currency: d.get_str("currency").unwrap_or("USD").to_owned(),
        trial_days: d.get_i64("trial_days").unwrap_or(0),
        visible: d.get_bool("visible").unwrap_or(false),
        limits: LIMITS
            .iter()
            .map(|(k, _)| {
                (
                    k.to_string(),
                    limits.and_then(|l| l.get_i64(k).ok()).unwrap_or(-1),
                )
            })
            .collect(),
        features: d
            .get_array("features")
            .map(|a| {
                a.iter()
                    .filter_map(|f| f.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// Creates the free plan if there is none (idempotent; runs at start-up).
pub async fn ensure_free_plan(db: &Db) -> Result<(), AppError> {
    let limits = doc! { "bio_pages": 1_i64, "sites": 1_i64, "contacts": 500_i64, "emails_per_month": 1000_i64, "team_members": 3_i64, "storage_mb": 100_i64, "ai_credits": 20_i64 };
    db.collection::<Document>(PLANS)
        .update_one(
            doc! { "key": "free" },
            doc! { "$setOnInsert": {
                "key": "free", "name": "Free", "description": "Everything you need to start.",
                "monthly_price": 0_i64, "yearly_price": 0_i64, "currency": "USD", "trial_days": 0_i64,
                "visible": true, "limits": limits,
            } },
        )
        .upsert(true)
        .await?;
    Ok(())
}

/// Plans, cheapest first; only the visible ones unless `all`.
pub async fn list(db: &Db, all: bool) -> Result<Vec<PlanView>, AppError> {
    use futures_util::TryStreamExt;
    let filter = if all {
        doc! {}
    } else {
        doc! { "visible": true }
    };
    let docs: Vec<Document> = db
        .collection::<Document>(PLANS)
        .find(filter)
        .sort(doc! { "monthly_price": 1, "key": 1 })
        .await?
        .try_collect()
        .await?;
    Ok(docs.iter().filter_map(to_view).collect())
}

/// What an admin typed into the plan form.
pub struct PlanInput<'a> {
    /// Plan key.
    pub key: &'a str,
    /// Name.
    pub name: &'a str,
    /// Description.
    pub description: &'a str,
    /// Monthly price as typed ("12.00").
    pub monthly_price: &'a str,
    /// Yearly price as typed.
    pub yearly_price: &'a str,
    /// Trial days as typed.
    pub trial_days: &'a str,
    /// Visible to customers.
    pub visible: bool,
    /// Limits as typed, by key.
    pub limits: &'a [(String, String)],
    /// Features ticked.
    pub features: &'a [String],
}

/// Checks what an admin typed and turns it into a plan. The free plan must stay free and
/// visible.
pub fn validate(input: &PlanInput<'_>) -> Result<PlanView, AppError> {
    let mut p = Problems::default();
    let monthly = parse_price(input.monthly_price);
    let yearly = parse_price(input.yearly_price);
    let trial = input
        .trial_days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (0..=365).contains(d));
    p.check("key", plan_key_problem(input.key))
        .check(
            "name",
            input.name.trim().is_empty().then_some("Name the plan."),
        )
        .check(
            "monthly_price",
            monthly
                .is_none()
                .then_some("Enter a price like 12 or 12.50."),
        )
        .check(
            "yearly_price",
            yearly
                .is_none()
                .then_some("Enter a price like 120 or 99.90."),
        )
        .check(
            "trial_days",
            trial.is_none().then_some("Enter 0 to 365 days."),
        );
    if input.key == "free" {
        p.check(
            "monthly_price",
            (monthly != Some(0)).then_some("The free plan stays free."),
        )
        .check(
            "visible",
            (!input.visible).then_some("The free plan stays visible."),
        );
    }
    let mut limits = Document::new();
    for (key, _) in LIMITS {
        let value = input
            .limits
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .unwrap_or("");
        match value.parse::<i64>() {
            Ok(n) if n >= -1 => {
                limits.insert(*key, n);
            }
            _ => {
                p.check(key, Some("Enter a whole number, or -1 for unlimited."));
            }
        }
    }
    let unknown = input
        .features
        .iter()
        .any(|f| !FEATURES.iter().any(|(k, _)| k == f));
    p.check(
        "features",
        unknown.then_some("Choose features from the list."),
    );
    p.into_result()?;
    // Stored in the order of the list, so comparing plans compares sets.
    let features: Vec<&str> = FEATURES
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| input.features.iter().any(|f| f == k))
        .collect();
    let plan = doc! {
        "key": input.key, "name": input.name.trim(), "description": input.description.trim(),
        "monthly_price": monthly.unwrap_or(0), "yearly_price": yearly.unwrap_or(0), "currency": "USD",
        "trial_days": trial.unwrap_or(0), "visible": input.visible, "limits": limits,
        "features": features,
    };
    to_view(&plan).ok_or(AppError::Internal)
}

/// The stored form of a plan's limits.
pub fn limits_doc(plan: &PlanView) -> Document {
    plan.limits
        .iter()
        .map(|(k, v)| (k.clone(), (*v).into()))
        .collect()
}

/// Creates or updates a plan from what an admin typed.
pub async fn save(db: &Db, input: PlanInput<'_>) -> Result<PlanView, AppError> {
    let plan = validate(&input)?;
    store(db, &plan).await?;
    Ok(plan)
}

/// Writes a validated plan. `$set` rather than a replacement: the plan's Stripe product and
/// prices stay linked.
pub async fn store(db: &Db, plan: &PlanView) -> Result<(), AppError> {
    let set = doc! {
        "key": &plan.key, "name": &plan.name, "description": &plan.description,
        "monthly_price": plan.monthly_price, "yearly_price": plan.yearly_price,
        "currency": &plan.currency, "trial_days": plan.trial_days, "visible": plan.visible,
        "limits": limits_doc(plan), "features": &plan.features,
    };
    db.collection::<Document>(PLANS)
        .update_one(doc! { "key": &plan.key }, doc! { "$set": set })
        .upsert(true)
        .await?;
    Ok(())
}

/// The plan with this key, hidden or not.
pub async fn get(db: &Db, key: &str) -> Result<Option<PlanView>, AppError> {
    Ok(db
        .collection::<Document>(PLANS)
        .find_one(doc! { "key": key })
        .await?
        .as_ref()
        .and_then(to_view))
}

/// The free plan (created at start-up, so always there).
pub async fn free(db: &Db) -> Result<PlanView, AppError> {
    get(db, "free").await?.ok_or(AppError::Internal)
}
