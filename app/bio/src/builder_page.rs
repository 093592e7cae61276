use super::add_block_menu::AddBlockMenu;
use super::api::get_bio_page;
use super::block_list::BlockList;
use super::builder_state::Builder;
use super::model::BioPageView;
use super::page_actions::PageActions;
use super::page_switcher::PageSwitcher;
use super::preview_frame::PreviewFrame;
use super::publish_bar::PublishBar;
use super::share_card::ShareCard;
use super::theme_editor::ThemeEditor;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use workspaces::api::get_workspace;
use workspaces::model::{Permission, WorkspaceView};

/// `/app/<handle>/bio[?page=<slug>][&new=<kind>]`: the link-in-bio builder.
#[component]
pub fn BioBuilderPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = ui::resource(
        move || {
            (
                params.read().get("handle").unwrap_or_default(),
                query.read().get("page").unwrap_or_default(),
            )
        },
        |(handle, slug)| async move {
            let ws = get_workspace(handle).await?;
            let page = get_bio_page(ws.id.clone(), slug).await?;
            Ok::<_, AppError>((ws, page))
        },
    );
    view! {
        <Title text="Link in bio"/>
        <Transition fallback=|| view! { <p class="muted">"Loading your page…"</p> }>
            {move || Suspend::new(async move {
                let (ws, page) = data.await?;
                Ok::<_, AppError>(view! { <BuilderBody ws page/> })
            })}
        </Transition>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Blocks,
    Design,
    Share,
}

#[component]
fn BuilderBody(ws: WorkspaceView, page: BioPageView) -> impl IntoView {
    let b = Builder::provide(ws.id.clone(), &page);
    let tab = RwSignal::new(Tab::Blocks);
    let preview_open = RwSignal::new(false);
    let can_edit = ws.role.can(Permission::EditContent);
    // `?new=link` (from the Create sheet) adds that block once, open for editing, and leaves
    // an address without it, so a reload does not add another.
    let query = use_query_map();
    let navigate = use_navigate();
    let here = format!("/app/{}/bio", ws.handle);
    Effect::new(move |_| {
        let Some(kind) = query.read_untracked().get("new") else {
            return;
        };
        if can_edit {
            b.add(&kind);
        }
        let page = query.read_untracked().get("page");
        let path = match page {
            Some(slug) => format!("{here}?page={slug}"),
            None => here.clone(),
        };
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
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
    view! {
        <div class="page-head builder-head">
            <h1>"Link in bio"</h1>
            <PageSwitcher workspace_id=ws.id.clone() handle=ws.handle.clone() current=page.slug.clone()/>
            <a class="button button-ghost" href=format!("/app/{}/bio/analytics{}", ws.handle, if page.slug.is_empty() { String::new() } else { format!("?page={}", page.slug) })>"Analytics"</a>
        </div>
        {(!can_edit).then(|| view! {
            <p class="banner notice-info">"You can look, but only editors, admins and owners can change this page."</p>
        })}
        <div class="builder" class:preview-open=move || preview_open.get()>
            <div class="builder-edit">
                <PublishBar public_url=page.public_url.clone() preview_open/>
                <Show when=move || b.removed.with(Option::is_some)>
                    <div class="undo-bar" role="status">
                        <span>"Block deleted."</span>
                        <button type="button" class="button button-secondary" on:click=move |_| b.undo()>"Undo"</button>
                        <button type="button" class="button button-ghost" on:click=move |_| b.removed.set(None)>"Dismiss"</button>
                    </div>
                </Show>
                <div class="tabs" role="tablist" aria-label="Builder">
                    {tab_button(Tab::Blocks, "Blocks", "blocks")}
                    {tab_button(Tab::Design, "Design", "design")}
                    {tab_button(Tab::Share, "Share", "share")}
                </div>
                <div id="panel-blocks" role="tabpanel" aria-labelledby="tab-blocks" hidden=move || tab.get() != Tab::Blocks>
                    <BlockList/>
                    <AddBlockMenu/>
                </div>
                <div id="panel-design" role="tabpanel" aria-labelledby="tab-design" class="form" hidden=move || tab.get() != Tab::Design>
                    <ThemeEditor/>
                </div>
                <div id="panel-share" role="tabpanel" aria-labelledby="tab-share" hidden=move || tab.get() != Tab::Share>
                    <ShareCard handle=ws.handle.clone() slug=page.slug.clone() public_url=page.public_url.clone()/>
                    {can_edit.then(|| view! { <PageActions handle=ws.handle.clone() slug=page.slug.clone()/> })}
                </div>
            </div>
            <aside class="builder-preview" aria-label="Preview">
                <PreviewFrame title=ws.name.clone()/>
            </aside>
        </div>
    }
}
