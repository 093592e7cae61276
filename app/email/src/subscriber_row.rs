use super::api::remove_email_subscriber;
use super::model::{Status, SubscriberView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, ToastKind};

/// One subscriber: address, name, status and the latest consent, with a Remove button.
#[component]
pub fn SubscriberRow(
    ws_id: String,
    list_id: String,
    subscriber: SubscriberView,
    can_edit: bool,
    on_change: Callback<()>,
) -> impl IntoView {
    let toasts = use_toasts();
    let latest = subscriber.consent.last().map(|c| {
        let day = c.at.get(..10).unwrap_or_default().to_owned();
        let ip =
            c.ip.clone()
                .map(|ip| format!(" from {ip}"))
                .unwrap_or_default();
        format!("{} on {day}{ip}", c.method.label())
    });
    let removable = can_edit && subscriber.status != Status::Unsubscribed;
    let id = subscriber.id.clone();
    let email = subscriber.email.clone();
    let remove = move |_| {
        let (ws, list, id) = (ws_id.clone(), list_id.clone(), id.clone());
        spawn_local(async move {
            match remove_email_subscriber(ws, list, id).await {
                Ok(()) => {
                    toasts.show(ToastKind::Success, "Removed from the list.");
                    on_change.run(());
                }
                Err(e) => toasts.show(ToastKind::Error, e.to_string()),
            }
        });
    };
    view! {
        <li class="subscriber-row">
            <div>
                <strong>{subscriber.email.clone()}</strong>
                {subscriber.name.clone().map(|n| view! { <span class="muted">{format!(" · {n}")}</span> })}
                <p class="muted">
                    <span class="badge" class:badge-accent=subscriber.status == Status::Subscribed>{subscriber.status.label()}</span>
                    {latest.map(|l| format!(" {l}"))}
                </p>
            </div>
            {removable.then(|| view! {
                <button type="button" class="button button-ghost button-small" aria-label=format!("Remove {email} from the list") on:click=remove>"Remove"</button>
            })}
        </li>
    }
}
