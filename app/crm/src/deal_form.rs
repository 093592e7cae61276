use super::api::{list_contacts, SaveDeal};
use super::model::{ContactQuery, DealView, Stage};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{use_toasts, Field, FieldErrors, ToastKind};

/// A new deal: name, value, currency, close date, owner and, when `stages` are given, the stage.
/// An empty `pipeline_id` means the workspace's first pipeline.
#[component]
pub fn NewDealForm(
    ws_id: String,
    pipeline_id: String,
    stages: Vec<Stage>,
    currency: String,
    members: Vec<(String, String)>,
    /// The contact the deal is with, or empty.
    contact_id: String,
    on_added: Callback<DealView>,
) -> impl IntoView {
    let save = ServerAction::<SaveDeal>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let form = NodeRef::<leptos::html::Form>::new();
    let contact_errors = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("contact_email"))
            .unwrap_or_default()
    });
    let pick_contact = contact_id.is_empty().then(|| {
        view! {
            <div class="field">
                <label for="new-deal-contact">"Contact"</label>
                <p class="field-hint" id="new-deal-contact-hint">"Optional. Type a name or email and pick from the list."</p>
                <ContactSearch ws_id=ws_id.clone()/>
                <FieldErrors messages=contact_errors/>
            </div>
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(d)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} added.", d.title));
            if let Some(f) = form.get_untracked() {
                f.reset();
            }
            on_added.run(d);
        }
    });
    view! {
        <ActionForm action=save node_ref=form attr:class="form">
            <FormError error/>
            <input type="hidden" name="workspace_id" value=ws_id/>
            <input type="hidden" name="pipeline_id" value=pipeline_id/>
            <input type="hidden" name="contact_id" value=contact_id/>
            <Field label="Deal name" name="title" id="new-deal-title" required=true autocomplete="off" error/>
            <Field label="Value" name="value" id="new-deal-value" hint="e.g. 1200 or 1200.50" autocomplete="off" error/>
            <Field label="Currency" name="currency" id="new-deal-currency" value=currency error/>
            <Field label="Expected close" name="close_date" id="new-deal-close_date" input_type="date" error/>
            {pick_contact}
            {(!stages.is_empty()).then(|| view! {
                <div class="field">
                    <label for="deal-stage">"Stage"</label>
                    <select id="deal-stage" name="stage_id">
                        {stages.iter().map(|s| view! { <option value=s.id.clone()>{s.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="new-deal-owner">"Owner"</label>
                <select id="new-deal-owner" name="owner_id">
                    <option value="">"Me"</option>
                    {members.iter().map(|(id, n)| view! { <option value=id.clone()>{n.clone()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-primary" disabled=move || save.pending().get()>"Add deal"</button>
        </ActionForm>
    }
}

/// An email input suggesting the workspace's contacts as the person types.
#[component]
fn ContactSearch(ws_id: String) -> impl IntoView {
    let options = RwSignal::new(Vec::<(String, String)>::new());
    // Answers can arrive out of order; only the latest query's is shown.
    let asked = StoredValue::new(0u32);
    let ws = StoredValue::new(ws_id);
    let search = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        if q.trim().len() < 2 {
            return;
        }
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        leptos::task::spawn_local(async move {
            let query = ContactQuery {
                q,
                ..Default::default()
            };
            if let Ok(page) = list_contacts(ws.get_value(), query, String::new()).await {
                if asked.get_value() == mine {
                    options.set(
                        page.items
                            .into_iter()
                            .filter_map(|c| Some((c.emails.first()?.clone(), c.name)))
                            .take(10)
                            .collect(),
                    );
                }
            }
        });
    };
    view! {
        <input
            id="new-deal-contact"
            name="contact_email"
            type="email"
            list="new-deal-contacts"
            autocomplete="off"
            aria-describedby="new-deal-contact-hint"
            on:input=search
        />
        <datalist id="new-deal-contacts">
            {move || options.get().into_iter().map(|(email, name)| view! { <option value=email>{name}</option> }).collect_view()}
        </datalist>
    }
}
