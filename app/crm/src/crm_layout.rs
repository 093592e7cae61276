use super::api::get_crm_overview;
use super::model::CrmOverview;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_params_map};
use workspaces::api::get_workspace;
use workspaces::model::WorkspaceView;

/// What every CRM screen shares: the workspace and the overview, reloaded after a change.
#[derive(Clone, Copy)]
pub struct Crm {
    /// The workspace and its CRM overview.
    pub data: ui::Data<Result<(WorkspaceView, CrmOverview), AppError>>,
    /// Bump to reload `data` after fields, companies or tags change.
    pub version: RwSignal<u32>,
}

impl Crm {
    /// Reloads the overview.
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// The CRM screens' context.
pub fn use_crm() -> Crm {
    expect_context()
}

const TABS: &[(&str, &str)] = &[
    ("", "Contacts"),
    ("/deals", "Deals"),
    ("/tasks", "My tasks"),
    ("/companies", "Companies"),
    ("/fields", "Fields"),
    ("/import", "Import"),
];

/// `/app/<handle>/crm/*`: the CRM's tabs above its screens.
#[component]
pub fn CrmLayout() -> impl IntoView {
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    let data = ui::resource(
        move || {
            (
                params.read().get("handle").unwrap_or_default(),
                version.get(),
            )
        },
        |(handle, _)| async move {
            let ws = get_workspace(handle).await?;
            let overview = get_crm_overview(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, overview))
        },
    );
    provide_context(Crm { data, version });
    let path = use_location().pathname;
    let base = move || {
        format!(
            "/app/{}/crm",
            params.read().get("handle").unwrap_or_default()
        )
    };
    view! {
        <nav class="tabs crm-tabs" aria-label="CRM">
            {TABS.iter().map(|(suffix, label)| {
                let href = move || format!("{}{suffix}", base());
                let current = move || {
                    let p = path.get();
                    let h = href();
                    if suffix.is_empty() { p == h || p.starts_with(&format!("{h}/contacts")) } else { p.starts_with(&h) }
                };
                view! {
                    <a href=href class="tab" aria-current=move || current().then_some("page")>{*label}</a>
                }
            }).collect_view()}
        </nav>
        <Outlet/>
    }
}
