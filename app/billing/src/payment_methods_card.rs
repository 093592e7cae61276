use super::api::{
    list_payment_methods, AddPaymentMethod, CompletePaymentMethod, RemovePaymentMethod,
    SetDefaultPaymentMethod,
};
use super::model::PaymentMethodView;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use ui::{use_toasts, ToastKind};

/// The workspace's saved cards: add one (through Stripe Checkout), make one the default, remove
/// one (after a confirmation). Shown to those who manage billing on a server with payments.
#[component]
pub fn PaymentMethods(workspace_id: String) -> impl IntoView {
    let add = ServerAction::<AddPaymentMethod>::new();
    let complete = ServerAction::<CompletePaymentMethod>::new();
    let set_default = ServerAction::<SetDefaultPaymentMethod>::new();
    let remove = ServerAction::<RemovePaymentMethod>::new();
    let id = workspace_id.clone();
    let cards = ui::resource(
        move || {
            (
                complete.version().get(),
                set_default.version().get(),
                remove.version().get(),
            )
        },
        move |_| list_payment_methods(id.clone()),
    );
    let toasts = use_toasts();
    // Back from Stripe with a saved card: it becomes the default one, once, after the list below
    // has hydrated (as on the billing page: a refetch answered first would hydrate other HTML).
    let returned = StoredValue::new(use_query_map().with_untracked(|q| {
        (q.get("card").as_deref() == Some("added"))
            .then(|| q.get("session_id"))
            .flatten()
            .map(|session_id| CompletePaymentMethod {
                workspace_id: workspace_id.clone(),
                session_id,
            })
    }));
    Effect::new(move |_| {
        let results = [
            (add.value().get().map(|r| r.map(|_| ())), ""),
            (
                complete.value().get(),
                "Card saved. It is now your default card.",
            ),
            (set_default.value().get(), "Default card changed."),
            (remove.value().get(), "Card removed."),
        ];
        for (result, done) in results {
            match result {
                Some(Ok(())) if !done.is_empty() => toasts.show(ToastKind::Success, done),
                Some(Err(e)) => toasts.error(&e),
                _ => {}
            }
        }
    });
    let ws_id = StoredValue::new(workspace_id);
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                cards.await.ok().map(|list| view! {
                    <section class="card settings-section" aria-labelledby="cards-heading">
                        <h2 id="cards-heading">"Payment methods"</h2>
                        {if list.is_empty() {
                            view! { <p class="muted">"No card saved yet. The card you pay with at checkout appears here."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="session-list" aria-label="Cards">
                                    {list.into_iter().map(|card| view! { <CardRow card ws_id set_default remove/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <ActionForm action=add>
                            <input type="hidden" name="workspace_id" value=ws_id.get_value()/>
                            <button type="submit" class="button button-secondary">"Add a card"</button>
                        </ActionForm>
                        <CompleteReturn returned complete/>
                    </section>
                })
            })}
        </Transition>
    }
}

/// Records the card saved at Stripe, once, from an effect made where this sits in the view: it
/// runs after the list before it has hydrated.
#[component]
fn CompleteReturn(
    returned: StoredValue<Option<CompletePaymentMethod>>,
    complete: ServerAction<CompletePaymentMethod>,
) -> impl IntoView {
    Effect::new(move |_| {
        if let Some(c) = returned.try_update_value(Option::take).flatten() {
            complete.dispatch(c);
        }
    });
}

#[component]
fn CardRow(
    card: PaymentMethodView,
    ws_id: StoredValue<String>,
    set_default: ServerAction<SetDefaultPaymentMethod>,
    remove: ServerAction<RemovePaymentMethod>,
) -> impl IntoView {
    let label = card.label();
    let confirming = RwSignal::new(false);
    // Copyable, for the forms inside reactive children.
    let id = StoredValue::new(card.id.clone());
    let name = StoredValue::new(label.clone());
    view! {
        <li class="session-row">
            <p>
                <span class="session-device">{label}</span>
                <br/>
                <span class="muted">{format!("Expires {:02}/{}", card.exp_month, card.exp_year)}</span>
            </p>
            {card.is_default.then(|| view! { <span class="badge badge-accent">"Default"</span> })}
            <span class="row-actions">
                {(!card.is_default).then(|| view! {
                    <ActionForm action=set_default attr:class="inline-form">
                        <input type="hidden" name="workspace_id" value=ws_id.get_value()/>
                        <input type="hidden" name="id" value=id.get_value()/>
                        <button type="submit" class="button button-ghost" aria-label=format!("Make {} the default", name.get_value())>"Make default"</button>
                    </ActionForm>
                })}
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button button-ghost" aria-label=format!("Remove {}", name.get_value()) on:click=move |_| confirming.set(true)>"Remove"</button>
                    }
                >
                    <ActionForm action=remove attr:class="inline-form">
                        <input type="hidden" name="workspace_id" value=ws_id.get_value()/>
                        <input type="hidden" name="id" value=id.get_value()/>
                        <button type="submit" class="button button-danger" aria-label=format!("Yes, remove {}", name.get_value())>"Yes, remove"</button>
                    </ActionForm>
                    <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Keep"</button>
                </Show>
            </span>
        </li>
    }
}
