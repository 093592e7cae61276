use super::api::SaveCompany;
use super::company_row::CompanyRow;
use super::crm_layout::use_crm;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{use_toasts, EmptyState, Field, IconName, ToastKind};

/// `/app/<handle>/crm/companies`: companies with how many contacts each has.
#[component]
pub fn CompaniesPage() -> impl IntoView {
    let crm = use_crm();
    let save = ServerAction::<SaveCompany>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(c)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} added.", c.name));
            crm.refresh();
        }
    });
    view! {
        <Title text="Companies"/>
        <h1>"Companies"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = crm.data.await?;
                let list = if overview.companies.is_empty() {
                    view! { <EmptyState icon=IconName::Users title="No companies yet" body="Add the companies your contacts work at, then link contacts to them."/> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list company-list" aria-label="Companies">
                            {overview.companies.iter().map(|c| view! {
                                <CompanyRow ws_id=ws.id.clone() handle=ws.handle.clone() company=c.clone() can_edit=overview.can_edit/>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                Ok::<_, AppError>(view! {
                    {overview.can_edit.then(|| view! {
                        <section class="card" aria-labelledby="new-company">
                            <h2 id="new-company">"Add a company"</h2>
                            <ActionForm action=save attr:class="form">
                                <FormError error/>
                                <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                                <Field label="Company name" name="name" required=true autocomplete="off" error/>
                                <Field label="Domain" name="domain" hint="Optional, e.g. example.com" autocomplete="off" error/>
                                <button type="submit" class="button button-primary">"Add company"</button>
                            </ActionForm>
                        </section>
                    })}
                    {list}
                })
            })}
        </Transition>
    }
}
