use super::api::{
    get_billing, CancelSubscription, ChangePlan, CompleteCheckout, PreviewPlanChange,
    ResumeSubscription, StartCheckout,
};
use super::change_preview::ChangePreviewPanel;
use super::grace::{day, grace_message};
use super::invoice_list::InvoiceList;
use super::model::{BillingView, Interval};
use super::payment_methods_card::PaymentMethods;
use super::plan_card::PlanCard;
use app_core::error::AppError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use ui::{use_toasts, ToastKind};
use workspaces::current_workspace::use_route_workspace;

/// Every action of the billing screen, shared by its parts.
#[derive(Clone, Copy)]
pub struct Actions {
    /// Opens Stripe Checkout.
    pub start: ServerAction<StartCheckout>,
    /// Records a completed checkout on the way back.
    pub complete: ServerAction<CompleteCheckout>,
    /// Prices a plan change.
    pub preview: ServerAction<PreviewPlanChange>,
    /// Applies a previewed plan change.
    pub change: ServerAction<ChangePlan>,
    /// Cancels at period end.
    pub cancel: ServerAction<CancelSubscription>,
    /// Takes a cancellation back.
    pub resume: ServerAction<ResumeSubscription>,
}

/// `/app/<handle>/billing`: the plan, its status and renewal, the plans to move to (checkout
/// for a first subscription, a prorated preview for a change), cancel and resume.
#[component]
pub fn BillingPage() -> impl IntoView {
    let workspace = use_route_workspace();
    view! {
        <Title text="Billing"/>
        <h1>"Billing"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let ws = workspace.await?;
                Ok::<_, AppError>(view! { <Billing workspace_id=ws.id/> })
            })}
        </Transition>
    }
}

#[component]
fn Billing(workspace_id: String) -> impl IntoView {
    let a = Actions {
        start: ServerAction::new(),
        complete: ServerAction::new(),
        preview: ServerAction::new(),
        change: ServerAction::new(),
        cancel: ServerAction::new(),
        resume: ServerAction::new(),
    };
    let id = workspace_id.clone();
    let billing = ui::resource(
        move || {
            (
                a.complete.version().get(),
                a.change.version().get(),
                a.cancel.version().get(),
                a.resume.version().get(),
            )
        },
        move |_| get_billing(id.clone()),
    );
    let toasts = use_toasts();
    let query = use_query_map();
    // Back from Stripe Checkout: record the subscription now instead of waiting for the webhook,
    // once (taken from here), and only after the plans below have hydrated (an effect made in
    // `BillingBody`, which runs once its view is in place): a refetch that answered before would
    // hydrate other HTML than the server sent. (Made in the `Suspend` before the view, it still
    // ran first now and then: a red CI run on 2026-12-05.)
    let returned = StoredValue::new(id_and_session(&query.get_untracked()).map(|session_id| {
        CompleteCheckout {
            workspace_id: workspace_id.clone(),
            session_id,
        }
    }));
    Effect::new(move |_| {
        for err in [
            a.start.value().get().and_then(|r| r.err()),
            a.complete.value().get().and_then(|r| r.err()),
            a.preview.value().get().and_then(|r| r.err()),
            a.change.value().get().and_then(|r| r.err()),
            a.cancel.value().get().and_then(|r| r.err()),
            a.resume.value().get().and_then(|r| r.err()),
        ]
        .into_iter()
        .flatten()
        {
            toasts.error(&err);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = a.change.value().get() {
            a.preview.value().set(None);
            toasts.show(ToastKind::Success, "Plan changed.");
        }
        if let Some(Ok(())) = a.cancel.value().get() {
            toasts.show(
                ToastKind::Success,
                "Your subscription will end with this period.",
            );
        }
        if let Some(Ok(())) = a.resume.value().get() {
            toasts.show(ToastKind::Success, "Your subscription will renew.");
        }
    });
    let cancelled = query.get_untracked().get("checkout").as_deref() == Some("cancelled");
    view! {
        {cancelled.then(|| view! { <p class="form-notice" role="status">"Checkout was cancelled. Nothing was charged."</p> })}
        <Show when=move || a.complete.pending().get()>
            <p class="muted" role="status">"Confirming your payment…"</p>
        </Show>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let b = billing.await?;
                Ok::<_, AppError>(view! { <BillingBody b a returned/> })
            })}
        </Transition>
        <PaymentMethods workspace_id=workspace_id.clone()/>
        <InvoiceList workspace_id a/>
    }
}

fn id_and_session(q: &leptos_router::params::ParamsMap) -> Option<String> {
    (q.get("checkout").as_deref() == Some("success"))
        .then(|| q.get("session_id"))
        .flatten()
}

fn status_label(b: &BillingView) -> Option<String> {
    let status = b.status.as_deref().filter(|_| b.has_subscription())?;
    let end = b.period_end.as_deref().map(day).unwrap_or_default();
    Some(match status {
        _ if b.cancel_at_period_end => format!("Cancels on {end}"),
        "trialing" => format!("Trial until {end}"),
        "past_due" | "unpaid" => "Payment overdue".into(),
        _ => format!("Renews on {end}"),
    })
}

#[component]
fn BillingBody(
    b: BillingView,
    a: Actions,
    returned: StoredValue<Option<CompleteCheckout>>,
) -> impl IntoView {
    Effect::new(move |_| {
        if let Some(c) = returned.try_update_value(Option::take).flatten() {
            a.complete.dispatch(c);
        }
    });
    let interval = RwSignal::new(b.interval.unwrap_or(Interval::Month));
    let subscribed = b.has_subscription();
    let current_key = b.paid_plan.as_ref().unwrap_or(&b.plan).key.clone();
    let current_interval = b.interval;
    let confirm_cancel = RwSignal::new(false);
    let ws = b.workspace_id.clone();
    let plan_name = b.paid_plan.as_ref().unwrap_or(&b.plan).name.clone();
    let price = b
        .paid_plan
        .as_ref()
        .unwrap_or(&b.plan)
        .price_label_for(b.interval.unwrap_or(Interval::Month));
    let end = b.period_end.as_deref().map(day).unwrap_or_default();
    let manage = b.can_manage && b.payments_ready;
    let plans = b.plans.clone();
    // Copyable, for the forms inside reactive children.
    let ws_id = StoredValue::new(ws.clone());
    let cancel_at_end = b.cancel_at_period_end;
    view! {
        {grace_message(&b).map(|m| view! { <div class="banner banner-warning" role="region" aria-label="Payment overdue"><p>{m}</p></div> })}
        {(b.can_manage && !b.payments_ready).then(|| view! {
            <p class="form-notice notice-info" role="note">
                "Paid plans are not available on this server yet: payments need STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET."
            </p>
        })}
        <section class="card settings-section" aria-labelledby="current-heading">
            <h2 id="current-heading">"Current plan"</h2>
            <p class="plan-summary"><strong>{plan_name}</strong>" · "{price}</p>
            {status_label(&b).map(|s| view! { <p><span class="badge">{s}</span></p> })}
            {(!b.can_manage).then(|| view! { <p class="muted">"Only the workspace owner can change the plan."</p> })}
            {(manage && subscribed && !cancel_at_end).then(|| view! {
                <Show
                    when=move || confirm_cancel.get()
                    fallback=move || view! {
                        <button type="button" class="button button-secondary" on:click=move |_| confirm_cancel.set(true)>"Cancel subscription"</button>
                    }
                >
                    <div class="confirm-row" role="group" aria-label="Confirm cancellation">
                        <p>{format!("Your plan stays until {end}, then the workspace moves to Free. Nothing is deleted.")}</p>
                        <ActionForm action=a.cancel attr:class="inline-form">
                            <input type="hidden" name="workspace_id" value=ws_id.get_value()/>
                            <button type="submit" class="button button-danger">"Yes, cancel at period end"</button>
                        </ActionForm>
                        <button type="button" class="button button-ghost" on:click=move |_| confirm_cancel.set(false)>"Keep my plan"</button>
                    </div>
                </Show>
            })}
            {(manage && subscribed && cancel_at_end).then(|| view! {
                <ActionForm action=a.resume>
                    <input type="hidden" name="workspace_id" value=ws_id.get_value()/>
                    <button type="submit" class="button button-primary">"Resume subscription"</button>
                </ActionForm>
            })}
        </section>
        <ChangePreviewPanel a workspace_id=ws.clone()/>
        <section class="settings-section" aria-labelledby="plans-heading">
            <div class="page-head">
                <h2 id="plans-heading">"Plans"</h2>
                <fieldset class="segmented">
                    <legend class="visually-hidden">"Billing period"</legend>
                    {[Interval::Month, Interval::Year].into_iter().map(|i| view! {
                        <label class="segment">
                            <input type="radio" name="billing-period" value=i.as_str() checked=move || interval.get() == i on:change=move |_| interval.set(i)/>
                            {i.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
            </div>
            <ul class="plan-grid" aria-label="Plans">
                {plans.into_iter().map(|p| {
                    let is_current = p.key == current_key;
                    let same_terms = move || is_current && (!subscribed || Some(interval.get()) == current_interval);
                    let key = p.key.clone();
                    let name = p.name.clone();
                    let paid = p.is_paid();
                    view! {
                        <PlanCard plan=p interval current=is_current>
                            {move || {
                                if !manage || same_terms() || !paid {
                                    return (subscribed && !paid && manage).then(|| view! {
                                        <p class="muted">"Cancel your subscription to return to Free."</p>
                                    }).into_any();
                                }
                                let form_interval = move || interval.get().as_str();
                                let (key, name) = (key.clone(), name.clone());
                                if subscribed {
                                    view! {
                                        <ActionForm action=a.preview>
                                            <input type="hidden" name="workspace_id" value=ws_id.get_value()/>
                                            <input type="hidden" name="plan" value=key.clone()/>
                                            <input type="hidden" name="interval" value=form_interval/>
                                            <button type="submit" class="button button-secondary">{format!("Preview switch to {name}")}</button>
                                        </ActionForm>
                                    }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=a.start>
                                            <input type="hidden" name="workspace_id" value=ws_id.get_value()/>
                                            <input type="hidden" name="plan" value=key.clone()/>
                                            <input type="hidden" name="interval" value=form_interval/>
                                            <button type="submit" class="button button-primary">{format!("Choose {name}")}</button>
                                        </ActionForm>
                                    }.into_any()
                                }
                            }}
                        </PlanCard>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
