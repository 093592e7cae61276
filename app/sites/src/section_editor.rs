use super::edit_field::EditField;
use super::editor_state::use_editor;
use super::model::section::kind;
use leptos::prelude::*;
use ui::{Icon, IconName};

/// The open section's layout, settings and items, duplicate and delete.
#[component]
pub fn SectionEditor(id: String) -> impl IntoView {
    let e = use_editor();
    let key = e
        .current()
        .and_then(|p| p.sections.into_iter().find(|s| s.id == id))
        .map(|s| s.kind)
        .unwrap_or_default();
    let Some(k) = kind(&key) else {
        return ().into_any();
    };
    let id = StoredValue::new(id);
    let layout = move || {
        e.field(&id.get_value(), "layout")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let count = move || {
        e.field(&id.get_value(), "items")
            .as_array()
            .map_or(0, Vec::len)
    };
    let fields = k
        .fields
        .iter()
        .map(|(field, label, input)| {
            let f = *field;
            view! {
                <EditField
                    dom_id=format!("f-{}-{f}", id.get_value())
                    label=*label
                    input=*input
                    key=format!("sections.{}.{f}", id.get_value())
                    get=Signal::derive(move || e.field(&id.get_value(), f))
                    set=Callback::new(move |v| e.set_field(&id.get_value(), f, v))
                />
            }
        })
        .collect_view();
    let items = (!k.item.is_empty()).then(|| {
        let item_view = move |i: usize| {
            let title = format!("{} {}", capitalise(k.item), i + 1);
            view! {
                <fieldset class="item-card">
                    <legend>{title}</legend>
                    {k.item_fields.iter().map(|(field, label, input)| {
                        let f = *field;
                        view! {
                            <EditField
                                dom_id=format!("f-{}-{i}-{f}", id.get_value())
                                label=*label
                                input=*input
                                key=format!("sections.{}.items.{i}.{f}", id.get_value())
                                get=Signal::derive(move || e.item_field(&id.get_value(), i, f))
                                set=Callback::new(move |v| e.set_item_field(&id.get_value(), i, f, v))
                            />
                        }
                    }).collect_view()}
                    <div class="row-actions">
                        <button type="button" class="button button-ghost" disabled=move || i == 0 on:click=move |_| e.move_item(&id.get_value(), i, -1)>"Move up"</button>
                        <button type="button" class="button button-ghost" on:click=move |_| e.remove_item(&id.get_value(), i)>{format!("Remove {}", k.item)}</button>
                    </div>
                </fieldset>
            }
        };
        view! {
            <div class="items">
                {move || (0..count()).map(item_view).collect_view()}
                <ui::FieldErrors messages=Signal::derive(move || e.messages(&format!("sections.{}.items", id.get_value())))/>
                <button type="button" class="button button-secondary" on:click=move |_| e.add_item(&id.get_value())>
                    <Icon name=IconName::Plus/>{format!("Add {}", k.item)}
                </button>
            </div>
        }
    });
    view! {
        <div class="block-editor" role="group" aria-label="Section settings">
            <div class="field">
                <label for=format!("layout-{}", id.get_value())>"Layout"</label>
                <select id=format!("layout-{}", id.get_value()) on:change=move |ev| e.set_field(&id.get_value(), "layout", serde_json::Value::String(event_target_value(&ev)))>
                    {k.layouts.iter().map(|(key, label)| view! { <option value=*key selected=move || layout() == *key>{*label}</option> }).collect_view()}
                </select>
            </div>
            {fields}
            {items}
            <div class="row-actions">
                <button type="button" class="button button-secondary" on:click=move |_| e.duplicate(&id.get_value())>
                    <Icon name=IconName::Copy/>"Duplicate"
                </button>
                <button type="button" class="button button-danger" on:click=move |_| e.remove(&id.get_value())>
                    <Icon name=IconName::Trash/>"Delete"
                </button>
            </div>
        </div>
    }
    .into_any()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
