//! What an overdue payment means for a workspace, as the billing screen and the home page say it.

use super::model::BillingView;

/// The date part of an RFC 3339 timestamp.
pub fn day(rfc3339: &str) -> String {
    rfc3339.get(..10).unwrap_or(rfc3339).to_owned()
}

/// The billing screen's sentence for an overdue payment, if there is one.
pub fn grace_message(b: &BillingView) -> Option<String> {
    let until = b.grace_until.as_deref()?;
    let plan = b.paid_plan.as_ref().unwrap_or(&b.plan);
    Some(grace_text(&plan.name, until, b.restricted))
}

/// An overdue payment for `plan` in one sentence: what still works, until when (`until`, RFC
/// 3339), and how to get everything back.
pub fn grace_text(plan: &str, until: &str, restricted: bool) -> String {
    if restricted {
        format!(
            "The payment for {plan} is overdue, so paid features are read-only. Nothing was deleted: pay the invoice to get everything back."
        )
    } else {
        format!(
            "The last payment for {plan} failed. Everything keeps working until {}; then paid features become read-only until it is paid.",
            day(until)
        )
    }
}
