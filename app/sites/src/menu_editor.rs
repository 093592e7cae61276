use super::editor_state::use_editor;
use super::model::NavLink;
use leptos::prelude::*;
use ui::{FieldErrors, Icon, IconName};

/// The site's menu: each entry's label and page (or address), in order.
#[component]
pub fn MenuEditor() -> impl IntoView {
    let e = use_editor();
    let count = move || e.draft.with(|d| d.nav.len());
    let pages = move || {
        e.draft.with(|d| {
            d.pages
                .iter()
                .map(|p| (p.id.clone(), p.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let link = move |i: usize| e.draft.with(|d| d.nav.get(i).cloned().unwrap_or_default());
    let row = move |i: usize| {
        let label_id = format!("nav-{i}-label");
        let target_id = format!("nav-{i}-target");
        view! {
            <fieldset class="item-card">
                <legend>{format!("Menu item {}", i + 1)}</legend>
                <div class="field">
                    <label for=label_id.clone()>"Label"</label>
                    <input id=label_id prop:value=move || link(i).label
                        on:input=move |ev| { let v = event_target_value(&ev); e.edit_nav(&format!("nav.{i}.label"), |n| if let Some(l) = n.get_mut(i) { l.label = v }) }/>
                    <FieldErrors messages=Signal::derive(move || e.messages(&format!("nav.{i}.label")))/>
                </div>
                <div class="field">
                    <label for=target_id.clone()>"Goes to"</label>
                    <select id=target_id on:change=move |ev| {
                        let v = event_target_value(&ev);
                        e.edit_nav("", |n| if let Some(l) = n.get_mut(i) { l.page = if v == "url" { String::new() } else { v } });
                    }>
                        {pages().into_iter().map(|(id, title)| {
                            let selected = link(i).page == id;
                            view! { <option value=id selected=selected>{title}</option> }
                        }).collect_view()}
                        <option value="url" selected=move || link(i).page.is_empty()>"Another address"</option>
                    </select>
                    <FieldErrors messages=Signal::derive(move || e.messages(&format!("nav.{i}.page")))/>
                </div>
                <Show when=move || link(i).page.is_empty()>
                    <div class="field">
                        <label for=format!("nav-{i}-url")>"Address"</label>
                        <input id=format!("nav-{i}-url") type="url" prop:value=move || link(i).url
                            on:input=move |ev| { let v = event_target_value(&ev); e.edit_nav(&format!("nav.{i}.url"), |n| if let Some(l) = n.get_mut(i) { l.url = v }) }/>
                        <FieldErrors messages=Signal::derive(move || e.messages(&format!("nav.{i}.url")))/>
                    </div>
                </Show>
                <div class="row-actions">
                    <button type="button" class="button button-ghost" disabled=move || i == 0
                        on:click=move |_| e.edit_nav("", |n| if i > 0 && i < n.len() { n.swap(i, i - 1) })>"Move up"</button>
                    <button type="button" class="button button-ghost"
                        on:click=move |_| e.edit_nav("", |n| if i < n.len() { n.remove(i); })>"Remove"</button>
                </div>
            </fieldset>
        }
    };
    let add = move |_| {
        let page = e.page.get_untracked();
        let title = e.current().map(|p| p.title).unwrap_or_default();
        e.edit_nav("", |n| {
            n.push(NavLink {
                label: title,
                page,
                url: String::new(),
            })
        });
    };
    view! {
        <p class="field-hint">"Visitors see these links at the top of every page; on phones they fold into a Menu button."</p>
        {move || (0..count()).map(row).collect_view()}
        <FieldErrors messages=Signal::derive(move || e.messages("nav"))/>
        <button type="button" class="button button-secondary" on:click=add>
            <Icon name=IconName::Plus/>"Add this page to the menu"
        </button>
    }
}
