use super::api::{check_email_domain, get_email_domain, SaveEmailDomain};
use super::email_tabs::EmailTabs;
use super::model::DomainPage as Domain;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use ui::{saved_version, use_toasts, Field, ToastKind};
use workspaces::api::get_workspace;

/// `/app/<handle>/email/domain`: the workspace's sending domain and From address, the SPF,
/// DKIM and DMARC records to publish with whether each was found, and "Check now".
#[component]
pub fn DomainPage() -> impl IntoView {
    let params = use_params_map();
    let toasts = use_toasts();
    let save = ServerAction::<SaveEmailDomain>::new();
    let checked = RwSignal::new(None::<Domain>);
    let checking = RwSignal::new(false);
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let saved = saved_version(*save);
    let data = ui::resource(
        move || (params.read().get("handle").unwrap_or_default(), saved.get()),
        |(handle, _)| async move {
            let ws = get_workspace(handle).await?;
            let page = get_email_domain(ws.id.clone()).await?;
            Ok::<_, AppError>((ws.id, page))
        },
    );
    view! {
        <Title text="Sending domain"/>
        <EmailTabs/>
        <h1>"Sending domain"</h1>
        <p class="muted">"Campaigns from your own domain reach more inboxes: publish three DNS records, and once they are found campaigns go from your address, signed with DKIM."</p>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws_id, loaded) = data.await?;
                let ws = StoredValue::new(ws_id.clone());
                let page = move || checked.get().unwrap_or_else(|| loaded.clone());
                let check = move |_| {
                    checking.set(true);
                    spawn_local(async move {
                        match check_email_domain(ws.get_value()).await {
                            Ok(p) => {
                                let verified = p.domain.as_ref().is_some_and(|d| d.verified);
                                toasts.show(ToastKind::Info, if verified { "All three records were found." } else { "Some records are not there yet; DNS changes can take a few hours." });
                                checked.set(Some(p));
                            }
                            Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                        }
                        checking.set(false);
                    });
                };
                let current = page();
                let d = current.domain.clone();
                Ok::<_, AppError>(view! {
                    {current.can_edit.then(|| view! {
                        <section class="card" aria-labelledby="domain-form">
                            <h2 id="domain-form">"Your domain"</h2>
                            <ActionForm action=save attr:class="form">
                                <FormError error/>
                                <input type="hidden" name="workspace_id" value=ws_id.clone()/>
                                <Field label="Domain" name="domain" required=true autocomplete="off" hint="Like example.com" value=d.as_ref().map(|d| d.domain.clone()).unwrap_or_default() error/>
                                <Field label="From address" name="from_address" input_type="email" required=true autocomplete="off" hint="At that domain, like news@example.com" value=d.as_ref().map(|d| d.from_address.clone()).unwrap_or_default() error/>
                                <Field label="From name" name="from_name" required=true autocomplete="off" value=d.as_ref().map(|d| d.from_name.clone()).unwrap_or_default() error/>
                                <button type="submit" class="button button-primary">{move || if save.pending().get() { "Saving…" } else { "Save domain" }}</button>
                            </ActionForm>
                        </section>
                    })}
                    {move || page().domain.map(|d| view! {
                        <section class="card" aria-labelledby="domain-records">
                            <div class="section-head">
                                <h2 id="domain-records">"DNS records"</h2>
                                <span class=if d.verified { "badge badge-success" } else { "badge" }>{if d.verified { "Verified" } else { "Not verified" }}</span>
                            </div>
                            <p>{if d.verified {
                                format!("Campaigns go from {} <{}>, signed with DKIM.", d.from_name, d.from_address)
                            } else {
                                format!("Until all three are found, campaigns go from {} with replies to {}.", page().platform_from, d.from_address)
                            }}</p>
                            <ul class="dns-records" aria-label="DNS records">
                                {d.records.into_iter().map(|r| view! {
                                    <li>
                                        <p><strong>{r.purpose.clone()}</strong>" · "{r.kind.clone()}" "
                                            <span class=if r.found { "badge badge-success" } else { "badge" }>{if r.found { "Found" } else { "Not found yet" }}</span></p>
                                        <p class="field-hint">"Name"</p>
                                        <code class="dns-value">{r.host.clone()}</code>
                                        <p class="field-hint">"Value"</p>
                                        <code class="dns-value">{r.value.clone()}</code>
                                    </li>
                                }).collect_view()}
                            </ul>
                            {(!d.checked_at.is_empty()).then(|| view! { <p class="muted">{format!("Last checked {}", d.checked_at.get(..16).unwrap_or_default().replace('T', " "))}" UTC"</p> })}
                            <button type="button" class="button button-secondary" disabled=checking on:click=check>
                                {move || if checking.get() { "Checking…" } else { "Check now" }}
                            </button>
                        </section>
                    })}
                })
            })}
        </Transition>
    }
}
