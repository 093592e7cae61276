use super::api::get_site;
use super::domains_panel::DomainsPanel;
use super::editor_bar::EditorBar;
use super::editor_state::Editor;
use super::history_panel::HistoryPanel;
use super::menu_editor::MenuEditor;
use super::model::SiteView;
use super::page_settings::PageSettings;
use super::page_tabs::PageTabs;
use super::section_list::SectionList;
use super::site_preview::SitePreview;
use super::theme_panel::ThemePanel;
use app_core::error::AppError;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use workspaces::api::get_workspace;
use workspaces::model::{Permission, WorkspaceView};

/// `/app/<handle>/sites/<id>`: the site editor.
#[component]
pub fn SiteEditorPage() -> impl IntoView {
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
            let site = get_site(ws.id.clone(), id).await?;
            Ok::<_, AppError>((ws, site))
        },
    );
    view! {
        <Title text="Website editor"/>
        <Transition fallback=|| view! { <p class="muted">"Loading your site…"</p> }>
            {move || Suspend::new(async move {
                let (ws, site) = data.await?;
                Ok::<_, AppError>(view! { <EditorBody ws site/> })
            })}
        </Transition>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Sections,
    Page,
    Menu,
    Design,
    Domains,
    History,
}

const TABS: &[(Tab, &str, &str)] = &[
    (Tab::Sections, "Sections", "sections"),
    (Tab::Page, "Page & SEO", "page"),
    (Tab::Menu, "Menu", "menu"),
    (Tab::Design, "Design", "design"),
    (Tab::Domains, "Domain", "domains"),
    (Tab::History, "History", "history"),
];

/// Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z (or Ctrl+Y) redoes, except in a text field, which keeps
/// its own undo.
fn shortcut(e: Editor, ev: KeyboardEvent) {
    if !(ev.ctrl_key() || ev.meta_key()) {
        return;
    }
    let in_text = ev
        .target()
        .and_then(|t| {
            use leptos::wasm_bindgen::JsCast;
            t.dyn_into::<leptos::web_sys::Element>().ok()
        })
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    if in_text {
        return;
    }
    match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
        ("z", false) => {
            ev.prevent_default();
            e.undo();
        }
        ("z", true) | ("y", _) => {
            ev.prevent_default();
            e.redo();
        }
        _ => {}
    }
}

#[component]
fn EditorBody(ws: WorkspaceView, site: SiteView) -> impl IntoView {
    let e = Editor::provide(ws.id.clone(), &site);
    let tab = RwSignal::new(Tab::Sections);
    let preview_open = RwSignal::new(false);
    let can_edit = ws.role.can(Permission::EditContent);
    let can_admin = ws.role.can(Permission::ManageSettings);
    let tab_button = move |t: Tab, label: &'static str, id: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=format!("tab-{id}")
                aria-controls=format!("panel-{id}")
                aria-selected=move || (tab.get() == t).to_string()
                class="tab"
                on:click=move |_| tab.set(t)
            >
                {label}
            </button>
        }
    };
    let panel = move |t: Tab, id: &'static str, body: AnyView| {
        view! {
            <div id=format!("panel-{id}") role="tabpanel" aria-labelledby=format!("tab-{id}") class="form" hidden=move || tab.get() != t>
                {body}
            </div>
        }
    };
    view! {
        <div class="page-head builder-head">
            <h1>{site.name.clone()}</h1>
            <a class="button button-ghost" href=format!("/app/{}/sites/{}/submissions", ws.handle, site.id)>"Messages"</a>
            <a class="button button-ghost" href=format!("/app/{}/sites/{}/analytics", ws.handle, site.id)>"Analytics"</a>
            <a class="button button-ghost" href=format!("/app/{}/sites", ws.handle)>"All sites"</a>
        </div>
        {(!can_edit).then(|| view! {
            <p class="banner notice-info">"You can look, but only editors, admins and owners can change this site."</p>
        })}
        <div class="builder" class:preview-open=move || preview_open.get() on:keydown=move |ev| shortcut(e, ev)>
            <div class="builder-edit">
                <EditorBar public_url=site.public_url.clone() preview_open/>
                <PageTabs/>
                <div class="tabs" role="tablist" aria-label="Editor">
                    {TABS.iter().map(|(t, label, id)| tab_button(*t, label, id)).collect_view()}
                </div>
                {panel(Tab::Sections, "sections", view! { <SectionList/> }.into_any())}
                {panel(Tab::Page, "page", view! { <PageSettings/> }.into_any())}
                {panel(Tab::Menu, "menu", view! { <MenuEditor/> }.into_any())}
                {panel(Tab::Design, "design", view! { <ThemePanel/> }.into_any())}
                {panel(Tab::Domains, "domains", view! { <DomainsPanel can_admin/> }.into_any())}
                {panel(Tab::History, "history", view! { <HistoryPanel/> }.into_any())}
            </div>
            <aside class="builder-preview" aria-label="Preview">
                <SitePreview/>
            </aside>
        </div>
        <p class="visually-hidden" aria-live="polite">{move || e.announcement.get()}</p>
    }
}
