use super::admin_workspace_card::AdminWorkspaceCard;
use super::api::{admin_list_plans, AdminSearchWorkspaces};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::Field;

/// `/admin/subscriptions`: find a workspace by name, handle or owner email and act on its
/// subscription (complimentary plan, limits of its own, trial extension, discount).
#[component]
pub fn AdminSubscriptionsPage() -> impl IntoView {
    let search = ServerAction::<AdminSearchWorkspaces>::new();
    let error = Signal::derive(move || search.value().get().and_then(|r| r.err()));
    let plans = ui::resource(|| (), |_| admin_list_plans());
    view! {
        <Title text="Subscriptions"/>
        <h1>"Subscriptions"</h1>
        <section class="card settings-section" aria-labelledby="search-heading">
            <h2 id="search-heading">"Find a workspace"</h2>
            <ActionForm action=search attr:class="form" attr:novalidate=true>
                <FormError error/>
                <Field label="Search" name="query" hint="Name, handle or owner email" required=true error/>
                <button type="submit" class="button button-primary">"Search"</button>
            </ActionForm>
        </section>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let paid: Vec<(String, String)> = plans
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|p| p.is_paid())
                    .map(|p| (p.key, p.name))
                    .collect();
                view! {
                    {move || {
                        let paid = paid.clone();
                        search.value().get().and_then(|r| r.ok()).map(|rows| {
                            if rows.is_empty() {
                                view! { <p class="muted" role="status">"No workspace matches."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="plan-list" aria-label="Workspaces">
                                        {rows.into_iter().map(|row| view! { <AdminWorkspaceCard row plans=paid.clone()/> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }
                        })
                    }}
                }
            })}
        </Transition>
    }
}
