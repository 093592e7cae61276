use super::api::{add_site_domain, check_site_domains, get_site_domains, remove_site_domain};
use super::editor_state::use_editor;
use super::model::DomainsPanel as Panel;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::FieldErrors;

/// The site's custom domains: the records to publish, their status, and checking them again.
#[component]
pub fn DomainsPanel(can_admin: bool) -> impl IntoView {
    let e = use_editor();
    let panel = RwSignal::new(None::<Panel>);
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let domain = RwSignal::new(String::new());
    let run =
        move |f: std::pin::Pin<Box<dyn std::future::Future<Output = Result<Panel, AppError>>>>| {
            busy.set(true);
            spawn_local(async move {
                match f.await {
                    Ok(p) => {
                        panel.set(Some(p));
                        error.set(None);
                        domain.set(String::new());
                    }
                    Err(err) => error.set(Some(err)),
                }
                busy.set(false);
            });
        };
    Effect::new(move |_| {
        let (ws, site) = e.ids();
        run(Box::pin(get_site_domains(ws, site)));
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (ws, site) = e.ids();
        run(Box::pin(add_site_domain(ws, site, domain.get_untracked())));
    };
    let check = move |_| {
        let (ws, site) = e.ids();
        run(Box::pin(check_site_domains(ws, site)));
    };
    let remove = move |d: String| {
        let (ws, site) = e.ids();
        run(Box::pin(remove_site_domain(ws, site, d)));
    };
    let messages = Signal::derive(move || {
        error
            .get()
            .map(|x| x.field_messages("domain"))
            .unwrap_or_default()
    });
    let other = move || {
        error
            .get()
            .filter(|x| x.field_messages("domain").is_empty())
            .map(|x| x.to_string())
    };
    view! {
        <p class="field-hint">"Your site is always at its /s/ address. Connect a domain you own and it is served there too, with HTTPS."</p>
        {move || other().map(|m| view! { <p class="banner notice-error" role="alert">{m}</p> })}
        {move || panel.get().map(|p| view! {
            {p.unavailable.clone().map(|why| view! { <p class="banner notice-info">{why}</p> })}
            <ul class="domain-list" aria-label="Domains">
                {p.domains.into_iter().map(|d| {
                    let name = d.domain.clone();
                    view! {
                        <li class="card">
                            <h3>{d.domain.clone()}" "<span class=format!("badge status-{}", d.status)>{match d.status.as_str() { "active" => "Active", "failed" => "Failed", _ => "Pending" }}</span></h3>
                            {(!d.reason.is_empty()).then(|| view! { <p class="muted">{d.reason.clone()}</p> })}
                            <table class="dns-table">
                                <thead><tr><th scope="col">"Type"</th><th scope="col">"Name"</th><th scope="col">"Value"</th><th scope="col">"Found"</th></tr></thead>
                                <tbody>
                                    {d.records.into_iter().map(|r| view! {
                                        <tr><td>{r.kind}</td><td><code>{r.host}</code></td><td><code>{r.value}</code></td><td>{if r.found { "Yes" } else { "Not yet" }}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            {can_admin.then(|| view! {
                                <button type="button" class="button button-ghost" on:click=move |_| remove(name.clone())>"Remove domain"</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <Show when=move || panel.with(|p| p.as_ref().is_some_and(|p| !p.domains.is_empty()))>
            <button type="button" class="button button-secondary" disabled=move || busy.get() on:click=check>
                {move || if busy.get() { "Checking…" } else { "Check DNS now" }}
            </button>
        </Show>
        {can_admin.then(|| view! {
            <form class="inline-form" on:submit=add novalidate=true>
                <div class="field" class:field-invalid=move || !messages.get().is_empty()>
                    <label for="site-domain">"Domain"</label>
                    <input id="site-domain" inputmode="url" autocomplete="off" placeholder="www.example.com"
                        prop:value=move || domain.get() on:input=move |ev| domain.set(event_target_value(&ev))/>
                    <FieldErrors messages/>
                </div>
                <button type="submit" class="button button-primary" disabled=move || busy.get()>"Connect domain"</button>
            </form>
        })}
    }
}
