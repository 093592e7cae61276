use super::figure_card::FigureCard;
use super::getting_started::GettingStarted;
use crate::ui::{Icon, IconName};
use crate::workspaces::api::get_home;
use crate::workspaces::current_workspace::use_route_workspace;
use crate::workspaces::model::{Permission, MODULES};
use leptos::prelude::*;
use leptos_meta::Title;

fn icon_for(module: &str) -> IconName {
    match module {
        "bio" => IconName::Link,
        "website" => IconName::Globe,
        "booking" => IconName::Calendar,
        "crm" => IconName::Users,
        "email" => IconName::Mail,
        "social" => IconName::Share,
        "invoices" => IconName::Receipt,
        _ => IconName::Book,
    }
}

/// `/app/<handle>`: the workspace's home: notices to act on (an overdue payment), its steps of
/// getting started while some are left, the last seven days in numbers, and a tile per enabled
/// module.
#[component]
pub fn WorkspaceDashboardPage() -> impl IntoView {
    let workspace = use_route_workspace();
    let home = ui::resource(
        || (),
        move |_| async move { get_home(workspace.await?.id).await },
    );
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let ws = workspace.await?;
                let base = format!("/app/{}", ws.handle);
                let tiles = MODULES
                    .iter()
                    .filter(|(k, _, _)| ws.modules.iter().any(|m| m == k))
                    .map(|(key, label, blurb)| {
                        let open = match *key {
                            "bio" => Some(format!("{base}/bio")),
                            "crm" => Some(format!("{base}/crm")),
                            "email" => Some(format!("{base}/email")),
                            "booking" => Some(format!("{base}/booking")),
                            _ => None,
                        };
                        view! {
                            <li class="card tile">
                                <span class="feature-icon"><Icon name=icon_for(key)/></span>
                                <h2>{*label}</h2>
                                <p class="muted">{*blurb}</p>
                                {match open {
                                    Some(href) => view! { <a class="button button-secondary" href=href>{format!("Open {}", label.to_lowercase())}</a> }.into_any(),
                                    None => view! { <span class="badge">"Coming soon"</span> }.into_any(),
                                }}
                            </li>
                        }
                    })
                    .collect_view();
                let home = home.await?;
                let figures = home.figures.into_iter().map(|figure| view! { <FigureCard figure base=base.clone()/> }).collect_view();
                let notices = home.notices.into_iter().map(|n| view! {
                    <div class="banner banner-warning" role="region" aria-label=n.title>
                        <p>{n.message}</p>
                        <a class="button button-secondary" href=format!("{base}/{}", n.href)>{n.action}</a>
                    </div>
                }).collect_view();
                Ok::<_, crate::error::AppError>(view! {
                    <Title text=ws.name.clone()/>
                    {notices}
                    <div class="page-head">
                        {ws.logo_url.clone().map(|src| view! { <img class="workspace-logo" src=src alt="" width="48" height="48"/> })}
                        <div>
                            <h1>{ws.name.clone()}</h1>
                            <p class="muted">{format!("@{} · you are {}", ws.handle, ws.role.label().to_lowercase())}</p>
                        </div>
                        <nav class="page-actions" aria-label="Workspace">
                            <a class="button button-secondary" href=format!("{base}/members")>"Members"</a>
                            <a class="button button-secondary" href=format!("{base}/billing")>"Billing"</a>
                            {ws.role.can(Permission::ViewAuditLog).then(|| view! {
                                <a class="button button-secondary" href=format!("{base}/audit")>"Audit log"</a>
                            })}
                            {ws.role.can(Permission::ManageSettings).then(|| view! {
                                <a class="button button-secondary" href=format!("{base}/settings")>"Workspace settings"</a>
                            })}
                        </nav>
                    </div>
                    <GettingStarted steps=home.steps base=base.clone()/>
                    <h2 class="section-title">"Last 7 days"</h2>
                    <ul class="figure-grid" aria-label="Last 7 days">{figures}</ul>
                    <h2 class="section-title">"Modules"</h2>
                    <ul class="tile-grid" aria-label="Modules">{tiles}</ul>
                })
            })}
        </Transition>
    }
}
