use super::api::get_billing;
use super::model::BillingView;
use leptos::prelude::*;

/// The date part of an RFC 3339 timestamp.
pub fn day(rfc3339: &str) -> String {
    rfc3339.get(..10).unwrap_or(rfc3339).to_owned()
}

/// What an overdue payment means for the workspace, in one sentence.
pub fn grace_message(b: &BillingView) -> Option<String> {
    let until = b.grace_until.as_deref()?;
    let plan = b
        .paid_plan
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| b.plan.name.clone());
    Some(if b.restricted {
        format!(
            "The payment for {plan} is overdue, so paid features are read-only. Nothing was deleted: pay the invoice to get everything back."
        )
    } else {
        format!(
            "The last payment for {plan} failed. Everything keeps working until {}; then paid features become read-only until it is paid.",
            day(until)
        )
    })
}

/// The account-level banner for a failed payment, shown on the workspace's screens.
#[component]
pub fn GraceBanner(workspace_id: String, handle: String) -> impl IntoView {
    let billing = ui::resource(move || workspace_id.clone(), get_billing);
    view! {
        <Transition fallback=|| ()>
            {move || {
                let handle = handle.clone();
                Suspend::new(async move {
                    billing.await.ok().as_ref().and_then(grace_message).map(|message| view! {
                        <div class="banner banner-warning" role="region" aria-label="Payment overdue">
                            <p>{message}</p>
                            <a class="button button-secondary" href=format!("/app/{handle}/billing")>"Open billing"</a>
                        </div>
                    })
                })
            }}
        </Transition>
    }
}
