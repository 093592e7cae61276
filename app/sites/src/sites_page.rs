use super::api::{list_sites, CreateSite};
use super::model::templates::TEMPLATES;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use ui::{EmptyState, Field, IconName};
use workspaces::api::get_workspace;

/// `/app/<handle>/sites`: the workspace's websites and a form that starts one from a template.
#[component]
pub fn SitesPage() -> impl IntoView {
    let params = use_params_map();
    let create = ServerAction::<CreateSite>::new();
    let error = Signal::derive(move || create.value().get().and_then(|r| r.err()));
    let data = ui::resource(
        move || params.read().get("handle").unwrap_or_default(),
        |handle| async move {
            let ws = get_workspace(handle).await?;
            let sites = list_sites(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, sites))
        },
    );
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(site)) = create.value().get() {
            let handle = params.read_untracked().get("handle").unwrap_or_default();
            navigate(
                &format!("/app/{handle}/sites/{}", site.id),
                Default::default(),
            );
        }
    });
    view! {
        <Title text="Website"/>
        <h1>"Website"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, sites) = data.await?;
                let handle = ws.handle.clone();
                let can_edit = ws.role.can(workspaces::model::Permission::EditContent);
                let list = if sites.is_empty() {
                    view! { <EmptyState icon=IconName::Globe title="No website yet" body="Start from a template below: every page is fast on phones, and its forms put people straight into your CRM."/> }.into_any()
                } else {
                    view! {
                        <ul class="email-lists" aria-label="Sites">
                            {sites.into_iter().map(|s| view! {
                                <li class="card">
                                    <h2><a href=format!("/app/{handle}/sites/{}", s.id)>{s.name.clone()}</a></h2>
                                    <p>{app_core::text::count(s.pages as u64, "page", "pages")}" · "
                                        {if s.published { "Published" } else { "Not published yet" }}</p>
                                    <p class="muted"><a href=s.public_url.clone() target="_blank" rel="noopener">{s.public_url.clone()}</a></p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                Ok::<_, AppError>(view! {
                    {list}
                    {can_edit.then(|| view! {
                        <section class="card" aria-labelledby="new-site">
                            <h2 id="new-site">"New site"</h2>
                            <ActionForm action=create attr:class="form">
                                <FormError error/>
                                <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                                <fieldset class="template-choice">
                                    <legend>"Template"</legend>
                                    {TEMPLATES.iter().enumerate().map(|(i, (key, name, blurb))| view! {
                                        <label class="template-option">
                                            <input type="radio" name="template" value=*key checked=i == 0/>
                                            <span><strong>{*name}</strong><span class="muted">{*blurb}</span></span>
                                        </label>
                                    }).collect_view()}
                                </fieldset>
                                <Field label="Site name" name="name" required=true autocomplete="off" error/>
                                <Field label="Address" name="slug" required=true autocomplete="off" error
                                    hint="Lowercase letters, digits and dashes: your site lives at /s/<address> until you connect a domain."/>
                                <button type="submit" class="button button-primary" disabled=move || create.pending().get()>
                                    {move || if create.pending().get() { "Creating…" } else { "Create site" }}
                                </button>
                            </ActionForm>
                        </section>
                    })}
                })
            })}
        </Transition>
    }
}
