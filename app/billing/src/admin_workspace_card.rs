use super::api::{
    AdminApplyDiscount, AdminExtendTrial, AdminGrantComplimentary, AdminRevokeComplimentary,
    AdminSetLimitOverrides,
};
use super::grace::day;
use super::model::{AdminWorkspaceRow, LIMITS};
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{use_toasts, Field, ToastKind};

/// One workspace on the admins' subscriptions screen, with what they can do to it. Every
/// action answers with the workspace as it now is.
#[component]
pub fn AdminWorkspaceCard(row: AdminWorkspaceRow, plans: Vec<(String, String)>) -> impl IntoView {
    let grant = ServerAction::<AdminGrantComplimentary>::new();
    let revoke = ServerAction::<AdminRevokeComplimentary>::new();
    let trial = ServerAction::<AdminExtendTrial>::new();
    let discount = ServerAction::<AdminApplyDiscount>::new();
    let limits = ServerAction::<AdminSetLimitOverrides>::new();
    let current = RwSignal::new(row.clone());
    let toasts = use_toasts();
    Effect::new(move |_| {
        let results = [
            grant.value().get(),
            revoke.value().get(),
            trial.value().get(),
            discount.value().get(),
            limits.value().get(),
        ];
        for r in results.into_iter().flatten() {
            match r {
                Ok(updated) => {
                    current.set(updated);
                    toasts.show(
                        ToastKind::Success,
                        "Saved. The workspace's audit log says so.",
                    );
                }
                Err(e) if !e.is_field_level() => toasts.error(&e),
                Err(_) => {}
            }
        }
    });
    let err = |v: Signal<Option<Result<AdminWorkspaceRow, AppError>>>| {
        Signal::derive(move || v.get().and_then(|r| r.err()))
    };
    let (grant_error, trial_error, discount_error, limits_error) = (
        err(grant.value().into()),
        err(trial.value().into()),
        err(discount.value().into()),
        err(limits.value().into()),
    );
    let id = row.id.clone();
    let ws = StoredValue::new(row.id.clone());
    let f = move |name: &str| format!("{}-{name}", ws.get_value());
    let heading_id = format!("ws-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <li class="card settings-section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{format!("{} (@{})", row.name, row.handle)}</h2>
            <p class="muted">{format!("Owner: {}", row.owners.join(", "))}</p>
            {move || {
                let r = current.get();
                let mut facts = vec![format!("Plan in force: {}", r.plan)];
                if let Some(s) = &r.status {
                    facts.push(format!("Stripe: {s}{}", r.interval.map(|i| format!(", {}", i.label().to_lowercase())).unwrap_or_default()));
                }
                if let Some(t) = &r.trial_end {
                    facts.push(format!("Trial until {}", day(t)));
                }
                if let Some(c) = &r.comp_plan {
                    facts.push(match &r.comp_until {
                        Some(u) => format!("Complimentary {c} until {}", day(u)),
                        None => format!("Complimentary {c}"),
                    });
                }
                if let Some(d) = &r.discount {
                    facts.push(format!("Discount: {d}"));
                }
                if !r.limit_overrides.is_empty() {
                    let list: Vec<String> = r.limit_overrides.iter().map(|(k, v)| format!("{k} {v}")).collect();
                    facts.push(format!("Own limits: {}", list.join(", ")));
                }
                view! { <ul class="plan-limits" aria-label="Subscription facts">{facts.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul> }
            }}
            <details>
                <summary>"Complimentary plan"</summary>
                <ActionForm action=grant attr:class="form" attr:novalidate=true>
                    <FormError error=grant_error/>
                    <input type="hidden" name="workspace_id" value=ws.get_value()/>
                    <div class="field">
                        <label for=f("plan")>"Plan"</label>
                        <select id=f("plan") name="plan">
                            {plans.iter().map(|(k, n)| view! { <option value=k.clone()>{n.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <Field label="Days free" name="days" id=f("comp-days") hint="Leave empty to give it until you end it" error=grant_error/>
                    <button type="submit" class="button button-primary">"Give for free"</button>
                </ActionForm>
                {move || current.get().comp_plan.is_some().then(|| view! {
                    <ActionForm action=revoke>
                        <input type="hidden" name="workspace_id" value=ws.get_value()/>
                        <button type="submit" class="button button-secondary">"End complimentary plan"</button>
                    </ActionForm>
                })}
            </details>
            <details>
                <summary>"Trial"</summary>
                <ActionForm action=trial attr:class="form" attr:novalidate=true>
                    <FormError error=trial_error/>
                    <input type="hidden" name="workspace_id" value=ws.get_value()/>
                    <Field label="Extend by (days)" name="days" id=f("trial-days") error=trial_error/>
                    <button type="submit" class="button button-primary">"Extend trial"</button>
                </ActionForm>
            </details>
            <details>
                <summary>"Discount"</summary>
                <ActionForm action=discount attr:class="form" attr:novalidate=true>
                    <FormError error=discount_error/>
                    <input type="hidden" name="workspace_id" value=ws.get_value()/>
                    <div class="field">
                        <label for=f("kind")>"Kind"</label>
                        <select id=f("kind") name="kind">
                            <option value="percent">"Percent off"</option>
                            <option value="amount">"Amount off (USD)"</option>
                        </select>
                    </div>
                    <Field label="Value" name="value" id=f("value") hint="20 for 20%, or 5.50 for USD 5.50" error=discount_error/>
                    <Field label="Months" name="months" id=f("months") hint="Empty: forever. 0: the next invoice only" error=discount_error/>
                    <button type="submit" class="button button-primary">"Apply discount"</button>
                </ActionForm>
            </details>
            <details>
                <summary>"Limits of its own"</summary>
                <ActionForm action=limits attr:class="form" attr:novalidate=true>
                    <FormError error=limits_error/>
                    <input type="hidden" name="workspace_id" value=ws.get_value()/>
                    {LIMITS.iter().map(|(k, label)| {
                        let value = row.limit_overrides.iter().find(|(n, _)| n == k).map(|(_, v)| v.to_string()).unwrap_or_default();
                        view! { <Field label=*label name=*k id=f(k) value=value hint="Empty: the plan's limit" error=limits_error/> }
                    }).collect_view()}
                    <button type="submit" class="button button-primary">"Save limits"</button>
                </ActionForm>
            </details>
        </li>
    }
}
