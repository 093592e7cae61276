use super::api::{get_billing, WizardCheckout};
use super::model::Interval;
use super::plan_card::PlanCard;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The plans customers can choose. A paid plan finishes the wizard in Stripe Checkout, which
/// returns to the workspace's billing page; Free continues here.
#[component]
pub fn WizardPlans(workspace_id: String) -> impl IntoView {
    let checkout = ServerAction::<WizardCheckout>::new();
    let error = Signal::derive(move || checkout.value().get().and_then(|r| r.err()));
    let billing = ui::resource(move || workspace_id.clone(), get_billing);
    let interval = RwSignal::new(Interval::Month);
    view! {
        <FormError error/>
        <Transition fallback=|| view! { <p class="muted">"Loading plans…"</p> }>
            {move || Suspend::new(async move {
                let b = billing.await?;
                let ready = b.payments_ready;
                Ok::<_, app_core::error::AppError>(view! {
                    {(!ready).then(|| view! { <p class="muted" role="note">"Paid plans are not available on this server yet, so your workspace starts on Free."</p> })}
                    <fieldset class="segmented">
                        <legend class="visually-hidden">"Billing period"</legend>
                        {[Interval::Month, Interval::Year].into_iter().map(|i| view! {
                            <label class="segment">
                                <input type="radio" name="wizard-period" value=i.as_str() checked=move || interval.get() == i on:change=move |_| interval.set(i)/>
                                {i.label()}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <ul class="plan-grid" aria-label="Plans">
                        {b.plans.into_iter().map(|p| {
                            let paid = p.is_paid() && ready;
                            let key = p.key.clone();
                            let name = p.name.clone();
                            let current = !p.is_paid();
                            view! {
                                <PlanCard plan=p interval current>
                                    {paid.then(|| view! {
                                        <ActionForm action=checkout>
                                            <input type="hidden" name="plan" value=key.clone()/>
                                            <input type="hidden" name="interval" value=move || interval.get().as_str()/>
                                            <button type="submit" class="button button-primary">{format!("Choose {name}")}</button>
                                        </ActionForm>
                                    })}
                                </PlanCard>
                            }
                        }).collect_view()}
                    </ul>
                })
            })}
        </Transition>
    }
}
