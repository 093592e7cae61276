use super::api::{delete_company, SaveCompany};
use super::crm_layout::use_crm;
use super::model::CompanyView;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, Field, ToastKind};

/// One company: a link to its contacts and, for editors, rename and delete (after a
/// confirmation; its contacts stay).
#[component]
pub fn CompanyRow(
    ws_id: String,
    handle: String,
    company: CompanyView,
    can_edit: bool,
) -> impl IntoView {
    let crm = use_crm();
    let toasts = use_toasts();
    let save = ServerAction::<SaveCompany>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(c)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} saved.", c.name));
            crm.refresh();
        }
    });
    let confirming = RwSignal::new(false);
    let (ws, id) = (
        StoredValue::new(ws_id.clone()),
        StoredValue::new(company.id.clone()),
    );
    let delete = move |_| {
        spawn_local(async move {
            match delete_company(ws.get_value(), id.get_value()).await {
                Ok(()) => {
                    toasts.show(ToastKind::Success, "Company deleted; its contacts stay.");
                    crm.refresh();
                }
                Err(e) => toasts.show(ToastKind::Error, e.to_string()),
            }
        });
    };
    let name = company.name.clone();
    view! {
        <li class="company-row">
            <a href=format!("/app/{handle}/crm?company={}", company.id)>{company.name.clone()}</a>
            <span class="muted">{format!(" {} · {} contacts", company.domain, company.contacts)}</span>
            {can_edit.then(|| view! {
                <details class="company-edit">
                    <summary>{format!("Edit {name}")}</summary>
                    <ActionForm action=save attr:class="form">
                        <FormError error/>
                        <input type="hidden" name="workspace_id" value=ws_id.clone()/>
                        <input type="hidden" name="id" value=company.id.clone()/>
                        <Field label="Company name" name="name" id=format!("company-name-{}", company.id) value=company.name.clone() required=true error/>
                        <Field label="Domain" name="domain" id=format!("company-domain-{}", company.id) value=company.domain.clone() error/>
                        <div class="actions">
                            <button type="submit" class="button button-secondary">"Save"</button>
                            <Show
                                when=move || confirming.get()
                                fallback=move || view! { <button type="button" class="button button-ghost danger-text" on:click=move |_| confirming.set(true)>"Delete…"</button> }
                            >
                                <span role="alertdialog" aria-label="Confirm delete" class="confirm-row">
                                    <button type="button" class="button button-danger" on:click=delete>"Delete company"</button>
                                    <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
                                </span>
                            </Show>
                        </div>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}
