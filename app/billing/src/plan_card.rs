use super::model::{feature_label, Interval, PlanView, LIMITS};
use leptos::prelude::*;

/// One plan: name, price for the chosen interval, description and limits, with whatever action
/// the caller passes as children.
#[component]
pub fn PlanCard(
    plan: PlanView,
    #[prop(into)] interval: Signal<Interval>,
    /// Whether this is the workspace's plan (outlined and labelled).
    #[prop(optional)]
    current: bool,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("plan-{}", plan.key);
    let labelled_by = heading_id.clone();
    let p = plan.clone();
    let price = move || p.price_label_for(interval.get());
    let limits = LIMITS
        .iter()
        .map(|(key, label)| {
            let n = plan.limit(key);
            let value = if n < 0 {
                "Unlimited".to_owned()
            } else {
                n.to_string()
            };
            view! { <li>{format!("{label}: {value}")}</li> }
        })
        .collect_view();
    let features = plan
        .features
        .iter()
        .map(|f| view! { <li>{feature_label(f).to_owned()}</li> })
        .collect_view();
    view! {
        <li class="card plan" class:plan-current=current aria-labelledby=labelled_by>
            <h3 id=heading_id>{plan.name.clone()}</h3>
            {current.then(|| view! { <span class="badge badge-accent">"Current plan"</span> })}
            <p class="plan-price"><strong>{price}</strong></p>
            <p class="muted">{plan.description.clone()}</p>
            <ul class="plan-limits">{limits}{features}</ul>
            {children()}
        </li>
    }
}
