use super::api::{admin_list_plans, PreviewPlanImpact, SavePlan};
use super::model::{PlanView, FEATURES, LIMITS};
use super::plan_impact_panel::PlanImpactPanel;
use app_core::money::decimal;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{saved_version, use_toasts, Field, ToastKind};

/// `/admin/plans`: every plan with its prices and limits, editable, and a new one. Changes are
/// reviewed first: the impact on subscribers is shown before anything is saved.
#[component]
pub fn AdminPlansPage() -> impl IntoView {
    let preview = ServerAction::<PreviewPlanImpact>::new();
    let save = ServerAction::<SavePlan>::new();
    let saved = saved_version(*save);
    let plans = ui::resource(move || saved.get(), |_| admin_list_plans());
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(p)) = save.value().get() {
            preview.value().set(None);
            toasts.show(ToastKind::Success, format!("Saved {}.", p.name));
        }
    });
    view! {
        <Title text="Plans"/>
        <h1>"Plans"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match plans.await {
                    Ok(list) => view! {
                        {list.into_iter().map(|p| view! { <PlanForm plan=Some(p) preview save/> }).collect_view()}
                        <PlanForm plan=None preview save/>
                    }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn PlanForm(
    plan: Option<PlanView>,
    preview: ServerAction<PreviewPlanImpact>,
    save: ServerAction<SavePlan>,
) -> impl IntoView {
    let key = plan.as_ref().map(|p| p.key.clone());
    let prefix = key.clone().unwrap_or_else(|| "new".into());
    let heading = plan
        .as_ref()
        .map(|p| format!("{} ({})", p.name, p.key))
        .unwrap_or_else(|| "New plan".into());
    let heading_id = format!("plan-{prefix}");
    let labelled_by = heading_id.clone();
    // Only the form that was submitted shows the errors.
    let this_key = key.clone().unwrap_or_default();
    let panel_key = this_key.clone();
    let error = Signal::derive(move || {
        let submitted = preview
            .input()
            .get()
            .map(|i| i.form.key)
            .unwrap_or_default();
        let mine = submitted == this_key || (this_key.is_empty() && !submitted.is_empty());
        if mine {
            preview.value().get().and_then(|r| r.err())
        } else {
            None
        }
    });
    let id = |name: &str| format!("{prefix}-{name}");
    let (id_key, id_name, id_desc, id_monthly, id_yearly, id_trial) = (
        id("key"),
        id("name"),
        id("description"),
        id("monthly"),
        id("yearly"),
        id("trial"),
    );
    let name = plan.as_ref().map(|p| p.name.clone());
    let description = plan.as_ref().map(|p| p.description.clone());
    let monthly = plan
        .as_ref()
        .map(|p| decimal(p.monthly_price))
        .unwrap_or_else(|| "0.00".into());
    let yearly = plan
        .as_ref()
        .map(|p| decimal(p.yearly_price))
        .unwrap_or_else(|| "0.00".into());
    let trial = plan
        .as_ref()
        .map(|p| p.trial_days.to_string())
        .unwrap_or_else(|| "0".into());
    let visible = plan.as_ref().map(|p| p.visible).unwrap_or(true);
    let features = plan
        .as_ref()
        .map(|p| p.features.clone())
        .unwrap_or_default();
    let limits: Vec<(&'static str, &'static str, String, String)> = LIMITS
        .iter()
        .map(|(k, label)| {
            let value = plan
                .as_ref()
                .and_then(|p| {
                    p.limits
                        .iter()
                        .find(|(n, _)| n == k)
                        .map(|(_, v)| v.to_string())
                })
                .unwrap_or_else(|| "-1".into());
            (*k, *label, id(k), value)
        })
        .collect();
    view! {
        <section class="card settings-section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <ActionForm action=preview attr:class="form" attr:novalidate=true>
                <FormError error/>
                {match key {
                    Some(k) => view! { <input type="hidden" name="key" value=k/> }.into_any(),
                    None => view! { <Field label="Key" name="key" id=id_key hint="Lowercase, e.g. pro" required=true error/> }.into_any(),
                }}
                <Field label="Name" name="name" id=id_name value=name required=true error/>
                <Field label="Description" name="description" id=id_desc value=description error/>
                <Field label="Monthly price (USD)" name="monthly_price" id=id_monthly value=monthly required=true error/>
                <Field label="Yearly price (USD)" name="yearly_price" id=id_yearly value=yearly required=true error/>
                <Field label="Trial days" name="trial_days" id=id_trial value=trial required=true error/>
                <label class="choice"><input type="checkbox" name="visible" value="on" checked=visible/>"Customers can choose it"</label>
                {limits.into_iter().map(|(k, label, field_id, value)| view! {
                    <Field label=label name=k id=field_id value=value hint="-1 means unlimited" required=true error/>
                }).collect_view()}
                <fieldset class="choice-list">
                    <legend>"Features"</legend>
                    {FEATURES.iter().enumerate().map(|(i, (k, label))| {
                        let checked = features.iter().any(|f| f == k);
                        view! {
                            <label class="choice"><input type="checkbox" name=format!("features[{i}]") value=*k checked=checked/>{*label}</label>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button button-primary">"Review changes"</button>
            </ActionForm>
            <PlanImpactPanel preview save key=panel_key/>
        </section>
    }
}
