use super::api::{delete_crm_field, SaveCrmField};
use super::crm_layout::use_crm;
use super::model::FIELD_KINDS;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use ui::{use_toasts, EmptyState, Field, FieldErrors, IconName, ToastKind};

/// `/app/<handle>/crm/fields`: the custom fields every contact can have.
#[component]
pub fn FieldsPage() -> impl IntoView {
    let crm = use_crm();
    let save = ServerAction::<SaveCrmField>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let option_errors = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("options"))
            .unwrap_or_default()
    });
    let kind_errors = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("kind"))
            .unwrap_or_default()
    });
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(f)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} saved.", f.label));
            crm.refresh();
            if let Some(f) = form.get_untracked() {
                f.reset();
            }
        }
    });
    view! {
        <Title text="Contact fields"/>
        <h1>"Contact fields"</h1>
        <p class="muted">"Add your own fields to every contact: text, numbers, dates or choices. Filter the list by them and import into them."</p>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = crm.data.await?;
                let ws_id = StoredValue::new(ws.id.clone());
                Ok::<_, AppError>(view! {
                    {if overview.fields.is_empty() {
                        view! { <EmptyState icon=IconName::Settings title="No custom fields" body="Name, emails, phones, company, tags and owner are built in. Add what else you track."/> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list" aria-label="Custom fields">
                                {overview.fields.iter().map(|f| {
                                    let key = f.key.clone();
                                    let label = f.label.clone();
                                    view! {
                                        <li>
                                            <strong>{f.label.clone()}</strong>
                                            <span class="muted">{format!(" {}{}", f.kind.label(), if f.options.is_empty() { String::new() } else { format!(": {}", f.options.join(", ")) })}</span>
                                            {overview.can_edit.then(|| view! {
                                                <button type="button" class="button button-ghost button-small" aria-label=format!("Delete the field {label}") on:click=move |_| {
                                                    let key = key.clone();
                                                    spawn_local(async move {
                                                        match delete_crm_field(ws_id.get_value(), key).await {
                                                            Ok(()) => { toasts.show(ToastKind::Success, "Field deleted with its values."); crm.refresh(); }
                                                            Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                                                        }
                                                    });
                                                }>"Delete"</button>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {overview.can_edit.then(|| view! {
                        <section class="card" aria-labelledby="new-field">
                            <h2 id="new-field">"Add a field"</h2>
                            <ActionForm action=save node_ref=form attr:class="form">
                                <FormError error/>
                                <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                                <Field label="Field name" name="label" required=true autocomplete="off" error/>
                                <div class="field">
                                    <label for="field-kind">"Kind"</label>
                                    <select id="field-kind" name="kind">
                                        {FIELD_KINDS.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                                    </select>
                                    <FieldErrors messages=kind_errors/>
                                </div>
                                <div class="field">
                                    <label for="field-options">"Choices"</label>
                                    <p class="field-hint" id="field-options-hint">"For select fields: one per line."</p>
                                    <textarea id="field-options" name="options" rows="3" aria-describedby="field-options-hint"></textarea>
                                    <FieldErrors messages=option_errors/>
                                </div>
                                <button type="submit" class="button button-primary">"Add field"</button>
                            </ActionForm>
                        </section>
                    })}
                })
            })}
        </Transition>
    }
}
