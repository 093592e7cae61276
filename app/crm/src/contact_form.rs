use super::api::SaveContact;
use super::model::{ContactView, CrmOverview, CustomField, FieldKind};
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{use_toasts, Field, FieldErrors, ToastKind};

/// A textarea or select's messages from the form's last error.
fn messages(error: Signal<Option<AppError>>, field: &'static str) -> Signal<Vec<String>> {
    Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages(field))
            .unwrap_or_default()
    })
}

/// The contact's details, custom fields included; a new contact when `contact` is `None`.
/// After saving a new contact the page moves to it.
#[component]
pub fn ContactForm(
    workspace_id: String,
    overview: CrmOverview,
    contact: Option<ContactView>,
    /// Called after a successful save.
    on_saved: Callback<ContactView>,
) -> impl IntoView {
    let save = ServerAction::<SaveContact>::new();
    let toasts = use_toasts();
    let is_new = contact.is_none();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            toasts.show(
                ToastKind::Success,
                if is_new { "Contact added." } else { "Saved." },
            );
            on_saved.run(saved);
        }
    });
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let c = contact.clone();
    let get = move |f: fn(&ContactView) -> String| c.as_ref().map(f).unwrap_or_default();
    let company = get(|c| c.company_id.clone().unwrap_or_default());
    let owner = get(|c| c.owner_id.clone().unwrap_or_default());
    let custom = contact
        .as_ref()
        .map(|c| c.custom.clone())
        .unwrap_or_default();
    view! {
        <ActionForm action=save attr:class="form contact-form" attr:novalidate=true>
            <FormError error/>
            <input type="hidden" name="workspace_id" value=workspace_id/>
            <input type="hidden" name="id" value=get(|c| c.id.clone())/>
            <Field label="Name" name="name" value=get(|c| c.name.clone()) autocomplete="off" error/>
            <div class="field">
                <label for="contact-emails">"Emails"</label>
                <p class="field-hint" id="contact-emails-hint">"One per line; the first is the main one."</p>
                <textarea id="contact-emails" name="emails" rows="2" aria-describedby="contact-emails-hint">{get(|c| c.emails.join("\n"))}</textarea>
                <FieldErrors messages=messages(error, "emails")/>
            </div>
            <div class="field">
                <label for="contact-phones">"Phones"</label>
                <textarea id="contact-phones" name="phones" rows="2">{get(|c| c.phones.join("\n"))}</textarea>
                <FieldErrors messages=messages(error, "phones")/>
            </div>
            <div class="field">
                <label for="contact-company">"Company"</label>
                <select id="contact-company" name="company_id">
                    <option value="">"No company"</option>
                    {overview.companies.iter().map(|co| view! { <option value=co.id.clone() selected=co.id == company>{co.name.clone()}</option> }).collect_view()}
                </select>
                <FieldErrors messages=messages(error, "company_id")/>
            </div>
            <Field label="Tags" name="tags" value=get(|c| c.tags.join(", ")) hint="Separate tags with commas." autocomplete="off" error/>
            <div class="field">
                <label for="contact-owner">"Owner"</label>
                <select id="contact-owner" name="owner_id">
                    <option value="">"Nobody yet"</option>
                    {overview.members.iter().map(|(id, name)| view! { <option value=id.clone() selected=*id == owner>{name.clone()}</option> }).collect_view()}
                </select>
                <FieldErrors messages=messages(error, "owner_id")/>
            </div>
            {overview.fields.iter().map(|f| view! { <CustomInput field=f.clone() values=custom.get(&f.key).cloned().unwrap_or_default() error/> }).collect_view()}
            <button type="submit" class="button button-primary">{if is_new { "Add contact" } else { "Save contact" }}</button>
        </ActionForm>
    }
}

/// One custom field's input, posted as `custom[<key>][]`.
#[component]
fn CustomInput(
    field: CustomField,
    values: Vec<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let name = format!("custom[{}][]", field.key);
    let id = format!("custom-{}", field.key);
    let error_key = format!("custom.{}", field.key);
    let msgs = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages(&error_key))
            .unwrap_or_default()
    });
    let first = values.first().cloned().unwrap_or_default();
    let control = match field.kind {
        FieldKind::Text => view! { <input id=id.clone() name=name value=first/> }.into_any(),
        FieldKind::Number => view! { <input id=id.clone() name=name type="text" inputmode="decimal" value=first/> }.into_any(),
        FieldKind::Date => view! { <input id=id.clone() name=name type="date" value=first/> }.into_any(),
        FieldKind::Select => view! {
            <select id=id.clone() name=name>
                <option value="">"—"</option>
                {field.options.iter().map(|o| view! { <option value=o.clone() selected=*o == first>{o.clone()}</option> }).collect_view()}
            </select>
        }.into_any(),
        FieldKind::MultiSelect => {
            return view! {
                <fieldset class="field check-group">
                    <legend>{field.label.clone()}</legend>
                    {field.options.iter().map(|o| view! {
                        <label class="check"><input type="checkbox" name=name.clone() value=o.clone() checked=values.contains(o)/>" "{o.clone()}</label>
                    }).collect_view()}
                    <FieldErrors messages=msgs/>
                </fieldset>
            }
            .into_any();
        }
    };
    let label = view! { <label for=id.clone()>{field.label.clone()}</label> };
    view! {
        <div class="field" class:field-invalid=move || !msgs.get().is_empty()>
            {label}
            {control}
            <FieldErrors messages=msgs/>
        </div>
    }
    .into_any()
}
