use super::api::{get_site, get_site_submissions};
use super::service_paths::submissions_csv;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use ui::{EmptyState, IconName};
use workspaces::api::get_workspace;

/// `/app/<handle>/sites/<id>/submissions`: the messages the site's forms got, newest first,
/// and their CSV download.
#[component]
pub fn SubmissionsPage() -> impl IntoView {
    let params = use_params_map();
    let data = ui::resource(
        move || {
            let p = params.read();
            (
                p.get("handle").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
            )
        },
        |(handle, id)| async move {
            let ws = get_workspace(handle).await?;
            let site = get_site(ws.id.clone(), id.clone()).await?;
            let list = get_site_submissions(ws.id.clone(), id).await?;
            Ok::<_, AppError>((ws, site, list))
        },
    );
    view! {
        <Title text="Messages"/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, site, list) = data.await?;
                let body = if list.is_empty() {
                    view! { <EmptyState icon=IconName::Mail title="No messages yet" body="When visitors send one of this site's forms, the message shows here and the sender becomes a contact in your CRM."/> }.into_any()
                } else {
                    view! {
                        <p><a class="button button-secondary" href=submissions_csv(&ws.id, &site.id) download="">"Download CSV"</a></p>
                        <ul class="submission-list" aria-label="Messages">
                            {list.into_iter().map(|s| view! {
                                <li class="card">
                                    <p><strong>{s.email.clone()}</strong>" · "{s.page.clone()}" · "{s.at.get(..16).unwrap_or_default().replace('T', " ")}</p>
                                    <dl>
                                        {s.values.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd class="pre-line">{v}</dd> }).collect_view()}
                                    </dl>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                Ok::<_, AppError>(view! {
                    <div class="page-head">
                        <h1>{format!("Messages · {}", site.name)}</h1>
                        <a class="button button-ghost" href=format!("/app/{}/sites/{}", ws.handle, site.id)>"Back to the editor"</a>
                    </div>
                    {body}
                })
            })}
        </Transition>
    }
}
