//! Plans as Stripe products and prices. Stripe prices cannot change, so a new amount gets a new
//! price; subscribers keep the price they signed up at until they change plan.

use super::payments::{failure, Payments};
use super::plans::PLANS;
use crate::model::{Interval, PlanView};
use app_core::error::AppError;
use mongodb::bson::{doc, Document};
use platform::Db;
use std::collections::HashMap;
use stripe_product::price::{CreatePrice, CreatePriceRecurring, CreatePriceRecurringInterval};
use stripe_product::product::CreateProduct;

fn recurring(interval: Interval) -> CreatePriceRecurringInterval {
    match interval {
        Interval::Month => CreatePriceRecurringInterval::Month,
        Interval::Year => CreatePriceRecurringInterval::Year,
    }
}

/// The Stripe price for `plan` billed every `interval`, created (with its product) on first use
/// and again whenever the plan's amount has changed.
pub async fn price_for(
    db: &Db,
    payments: &Payments,
    plan: &PlanView,
    interval: Interval,
) -> Result<String, AppError> {
    let amount = plan.price(interval);
    if amount <= 0 {
        return Err(AppError::invalid(
            "interval",
            format!("{} has no {} price.", plan.name, interval.as_str()),
        ));
    }
    let plans = db.collection::<Document>(PLANS);
    let stored = plans
        .find_one(doc! { "key": &plan.key })
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That plan".into(),
        })?;
    let price_path = format!("stripe_prices.{}", interval.as_str());
    if let Ok(p) = stored
        .get_document("stripe_prices")
        .and_then(|p| p.get_document(interval.as_str()))
    {
        if p.get_i64("amount").ok() == Some(amount) {
            if let Ok(id) = p.get_str("id") {
                return Ok(id.to_owned());
            }
        }
    }
    let metadata = |extra: &[(&str, &str)]| {
        let mut m = HashMap::from([("plan_key".to_owned(), plan.key.clone())]);
        m.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        m
    };
    let product = match stored.get_str("stripe_product_id") {
        Ok(id) => id.to_owned(),
        Err(_) => {
            let product = CreateProduct::new(format!("Mewayz {}", plan.name))
                .metadata(metadata(&[]))
                .send(&payments.client)
                .await
                .map_err(failure)?;
            plans
                .update_one(
                    doc! { "key": &plan.key },
                    doc! { "$set": { "stripe_product_id": product.id.as_str() } },
                )
                .await?;
            product.id.as_str().to_owned()
        }
    };
    let price = CreatePrice::new(stripe_types::Currency::USD)
        .product(product)
        .unit_amount(amount)
        .recurring(CreatePriceRecurring::new(recurring(interval)))
        .metadata(metadata(&[("interval", interval.as_str())]))
        .send(&payments.client)
        .await
        .map_err(failure)?;
    plans
        .update_one(
            doc! { "key": &plan.key },
            doc! { "$set": { price_path: { "id": price.id.as_str(), "amount": amount } } },
        )
        .await?;
    Ok(price.id.as_str().to_owned())
}

/// Makes sure Stripe has the plan's current prices (after an admin saves it). Free plans have
/// nothing to sync.
pub async fn sync_plan(db: &Db, payments: &Payments, plan: &PlanView) -> Result<(), AppError> {
    for interval in [Interval::Month, Interval::Year] {
        if plan.price(interval) > 0 {
            price_for(db, payments, plan, interval).await?;
        }
    }
    Ok(())
}
