use super::api::BookManually;
use super::model::ServiceView;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{use_toasts, Field, ToastKind};

/// A member books someone themselves: a service, a time on the workspace's clock, a name and
/// an address; the service's hours, seats and limits still apply.
#[component]
pub fn ManualBooking(
    workspace_id: String,
    services: Vec<ServiceView>,
    action: ServerAction<BookManually>,
) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let toasts = use_toasts();
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            toasts.show(
                ToastKind::Success,
                "Booked. Both of you have an email.".to_owned(),
            );
            if let Some(f) = form.get_untracked() {
                f.reset();
            }
        }
    });
    view! {
        <section class="card" aria-labelledby="manual-booking">
            <h2 id="manual-booking">"Book someone"</h2>
            <ActionForm action node_ref=form attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=workspace_id/>
                <div class="field">
                    <label for="manual-service">"Service"</label>
                    <select id="manual-service" name="service_id">
                        {services.into_iter().map(|s| view! { <option value=s.id.clone()>{s.settings.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <Field label="Starts" name="start" input_type="datetime-local" required=true error/>
                <Field label="Name" name="name" required=true autocomplete="off" error/>
                <Field label="Email" name="email" input_type="email" required=true autocomplete="off" error/>
                <button type="submit" class="button button-primary">{move || if action.pending().get() { "Booking…" } else { "Book" }}</button>
            </ActionForm>
        </section>
    }
}
