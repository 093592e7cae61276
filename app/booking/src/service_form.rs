use super::api::SaveBookingService;
use super::model::{ServiceView, LOCATIONS};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{use_toasts, Field, FieldErrors, ToastKind};

/// Every setting of a service in one form: what it is, when it can be booked, and who hosts.
#[component]
pub fn ServiceForm(
    workspace_id: String,
    service: ServiceView,
    /// Members who can host: (user id, name).
    members: Vec<(String, String)>,
    /// Whether the server takes payments.
    payments_ready: bool,
) -> impl IntoView {
    let save = ServerAction::<SaveBookingService>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(s)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} saved.", s.settings.name));
        }
    });
    let messages = move |field: &'static str| {
        Signal::derive(move || {
            error
                .get()
                .map(|e| e.field_messages(field))
                .unwrap_or_default()
        })
    };
    let f = service.settings.form(&service.id);
    let location = f.location.clone();
    let hosts = service.settings.hosts.clone();
    view! {
        <ActionForm action=save attr:class="form">
            <FormError error/>
            <input type="hidden" name="workspace_id" value=workspace_id/>
            <input type="hidden" name="id" value=f.id.clone()/>
            <section class="card" aria-labelledby="service-what">
                <h2 id="service-what">"What people book"</h2>
                <Field label="Name" name="name" required=true autocomplete="off" value=f.name.clone() error/>
                <Field label="Address" name="slug" autocomplete="off" value=f.slug.clone() error hint=format!("Booked at {}", service.public_url)/>
                <div class="field">
                    <label for="service-description">"Description"</label>
                    <textarea id="service-description" name="description" rows="3">{f.description.clone()}</textarea>
                    <FieldErrors messages=messages("description")/>
                </div>
                <Field label="Length in minutes" name="durations" required=true value=f.durations.clone() error hint="Several lengths separated by commas let visitors choose."/>
                <Field label="Price" name="price" value=f.price.clone() error hint=if payments_ready { format!("In {}; 0 is free. Visitors pay when they book.", service.currency) } else { format!("In {}; 0 is free. Paid services need payments set up on the server (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET); until then visitors cannot book them.", service.currency) }/>
                <Field label="Sessions in a package" name="package_sessions" input_type="number" value=f.package_sessions.clone() error hint="Sell several sessions at once, used one per booking. 0 for no package."/>
                <Field label="Package price" name="package_price" value=f.package_price.clone() error hint=format!("In {}.", service.currency)/>
                <div class="field">
                    <label for="service-location">"Where"</label>
                    <select id="service-location" name="location">
                        {LOCATIONS.iter().map(|(k, l)| view! { <option value=*k selected=*k == location>{*l}</option> }).collect_view()}
                    </select>
                </div>
                <Field label="Address, phone number or video link" name="location_detail" autocomplete="off" value=f.location_detail.clone() error/>
                <div class="field">
                    <label for="service-questions">"Questions"</label>
                    <p class="field-hint">"Asked besides name and email, one per line. End a line with * to make it required."</p>
                    <textarea id="service-questions" name="questions" rows="3">{f.questions.clone()}</textarea>
                    <FieldErrors messages=messages("questions")/>
                </div>
            </section>
            <section class="card" aria-labelledby="service-when">
                <h2 id="service-when">"When it can be booked"</h2>
                <Field label="Minimum notice (hours)" name="notice_hours" input_type="number" value=f.notice_hours.clone() error/>
                <Field label="Bookable up to (days ahead)" name="window_days" input_type="number" value=f.window_days.clone() error/>
                <Field label="Free time before (minutes)" name="buffer_before" input_type="number" value=f.buffer_before.clone() error/>
                <Field label="Free time after (minutes)" name="buffer_after" input_type="number" value=f.buffer_after.clone() error/>
                <Field label="Sessions a day at most" name="per_day" input_type="number" value=f.per_day.clone() error hint="0 for no limit."/>
                <Field label="Sessions a week at most" name="per_week" input_type="number" value=f.per_week.clone() error hint="0 for no limit."/>
                <Field label="Visitors can cancel or move up to (hours before)" name="cancel_hours" input_type="number" value=f.cancel_hours.clone() error hint="Later than that, the link in their email asks them to contact you."/>
                <Field label="People per session" name="seats" input_type="number" value=f.seats.clone() error hint="More than 1 makes it a group session."/>
            </section>
            <section class="card" aria-labelledby="service-hosts">
                <h2 id="service-hosts">"Who hosts"</h2>
                <p class="muted">"With several hosts, each booking goes to whoever is free and has had the fewest."</p>
                {members.into_iter().enumerate().map(|(i, (id, name))| {
                    let checked = hosts.contains(&id);
                    view! { <label class="choice"><input type="checkbox" name=format!("hosts[{i}]") value=id checked=checked/>" "{name}</label> }
                }).collect_view()}
                <FieldErrors messages=messages("hosts")/>
                <label class="choice"><input type="checkbox" name="active" value="on" checked=f.active == "on"/>" Open for booking"</label>
            </section>
            <button type="submit" class="button button-primary">{move || if save.pending().get() { "Saving…" } else { "Save service" }}</button>
        </ActionForm>
    }
}
