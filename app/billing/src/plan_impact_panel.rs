use super::api::{PreviewPlanImpact, SavePlan};
use super::model::{PlanImpact, PlanView};
use app_core::money::{decimal, money};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// What saving the reviewed plan would do to its subscribers, and the choice of who gets the new
/// terms. Shown under the plan form whose review it is (`key` empty: the new-plan form).
#[component]
pub fn PlanImpactPanel(
    preview: ServerAction<PreviewPlanImpact>,
    save: ServerAction<SavePlan>,
    key: String,
) -> impl IntoView {
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    move || {
        let impact = preview.value().get().and_then(|r| r.ok())?;
        let mine = if key.is_empty() {
            !impact.exists
        } else {
            impact.plan.key == key
        };
        mine.then(|| view! { <Impact impact preview save error/> })
    }
}

#[component]
fn Impact(
    impact: PlanImpact,
    preview: ServerAction<PreviewPlanImpact>,
    save: ServerAction<SavePlan>,
    error: Signal<Option<app_core::error::AppError>>,
) -> impl IntoView {
    let currency = impact.plan.currency.clone();
    let delta = impact.mrr_after - impact.mrr_before;
    let sign = if delta > 0 { "+" } else { "" };
    let choose = impact.exists && impact.workspaces > 0 && impact.terms_change;
    let heading_id = format!("impact-{}", impact.plan.key);
    let labelled_by = heading_id.clone();
    let plan = impact.plan.clone();
    let summary = if !impact.exists {
        "A new plan: no workspace is on it yet.".to_owned()
    } else if impact.workspaces == 0 {
        "No workspace is subscribed to this plan, so nobody's terms change.".to_owned()
    } else if !impact.terms_change {
        "Prices and limits stay the same; subscribers are not affected.".to_owned()
    } else {
        format!(
            "{} workspace{} subscribed to this plan.",
            impact.workspaces,
            if impact.workspaces == 1 {
                " is"
            } else {
                "s are"
            }
        )
    };
    view! {
        <section class="impact" aria-labelledby=labelled_by>
            <h3 id=heading_id>"Before you save"</h3>
            <p>{summary}</p>
            {(impact.workspaces > 0).then(|| view! {
                <dl class="figures">
                    <div><dt>"Workspaces on this plan"</dt><dd>{impact.workspaces}</dd></div>
                    <div><dt>"Monthly recurring revenue now"</dt><dd>{money(impact.mrr_before, &currency)}</dd></div>
                    <div>
                        <dt>"If every subscriber pays the new prices"</dt>
                        <dd>{format!("{} ({sign}{})", money(impact.mrr_after, &currency), money(delta, &currency))}</dd>
                    </div>
                </dl>
                {if impact.over_limit.is_empty() {
                    view! { <p class="muted">"No subscriber uses more than the new limits allow."</p> }.into_any()
                } else {
                    view! {
                        <h4>"Above the new limits"</h4>
                        <ul class="impact-list" aria-label="Workspaces above the new limits">
                            {impact.over_limit.iter().map(|o| view! {
                                <li>{format!("{} (@{}): {} {} of {}", o.workspace, o.handle, o.limit, o.used, o.allowed)}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            })}
            <FormError error/>
            <div class="confirm-row">
                {if choose {
                    view! {
                        <SaveForm plan=plan.clone() save apply_to="everyone" label="Apply to everyone"/>
                        <SaveForm plan=plan.clone() save apply_to="new_subscribers" label="New subscribers only"/>
                    }.into_any()
                } else {
                    view! { <SaveForm plan=plan.clone() save apply_to="" label="Save plan"/> }.into_any()
                }}
                <button type="button" class="button button-ghost" on:click=move |_| preview.value().set(None)>"Back to editing"</button>
            </div>
            {choose.then(|| view! {
                <p class="muted">"Everyone: the new limits apply now and the new prices from each subscriber's next renewal. New subscribers only: existing subscribers keep their price and limits."</p>
            })}
        </section>
    }
}

/// The reviewed plan, posted as it was previewed.
#[component]
fn SaveForm(
    plan: PlanView,
    save: ServerAction<SavePlan>,
    apply_to: &'static str,
    label: &'static str,
) -> impl IntoView {
    let primary = apply_to != "new_subscribers";
    view! {
        <ActionForm action=save attr:class="inline-form">
            <input type="hidden" name="key" value=plan.key.clone()/>
            <input type="hidden" name="name" value=plan.name.clone()/>
            <input type="hidden" name="description" value=plan.description.clone()/>
            <input type="hidden" name="monthly_price" value=decimal(plan.monthly_price)/>
            <input type="hidden" name="yearly_price" value=decimal(plan.yearly_price)/>
            <input type="hidden" name="trial_days" value=plan.trial_days.to_string()/>
            {plan.visible.then(|| view! { <input type="hidden" name="visible" value="on"/> })}
            {plan.limits.iter().map(|(k, v)| view! { <input type="hidden" name=k.clone() value=v.to_string()/> }).collect_view()}
            {plan.features.iter().enumerate().map(|(i, f)| view! { <input type="hidden" name=format!("features[{i}]") value=f.clone()/> }).collect_view()}
            <input type="hidden" name="apply_to" value=apply_to/>
            <button type="submit" class="button" class:button-primary=primary class:button-secondary=!primary>{label}</button>
        </ActionForm>
    }
}
