use super::editor_state::use_editor;
use super::model::section::{Input, FIELD_TYPES};
use super::service_paths::images_action;
use leptos::prelude::*;
use serde_json::Value;
use ui::{FieldErrors, ImageUpload};

/// One setting in the editor, bound to the draft through `get` and `set`, with the messages the
/// last check has for `key` underneath.
#[component]
pub fn EditField(
    /// The element id.
    #[prop(into)]
    dom_id: String,
    label: &'static str,
    input: Input,
    /// The message key (`sections.<id>.heading`).
    #[prop(into)]
    key: String,
    get: Signal<Value>,
    set: Callback<Value>,
    #[prop(default = None)] hint: Option<&'static str>,
) -> impl IntoView {
    let e = use_editor();
    let messages = Memo::new(move |_| e.messages(&key));
    let invalid = move || !messages.get().is_empty();
    let error_id = format!("{dom_id}-error");
    let hint_id = format!("{dom_id}-hint");
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if invalid() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let text = move || get.get().as_str().unwrap_or_default().to_owned();
    let control = match input {
        Input::Text | Input::Url | Input::Image => view! {
            <input
                id=dom_id.clone()
                type=if input == Input::Text { "text" } else { "url" }
                autocomplete="off"
                prop:value=text
                aria-invalid=move || invalid().to_string()
                aria-describedby=described.clone()
                on:input=move |ev| set.run(Value::String(event_target_value(&ev)))
            />
        }
        .into_any(),
        Input::LongText => view! {
            <textarea
                id=dom_id.clone()
                rows="4"
                prop:value=text
                aria-invalid=move || invalid().to_string()
                aria-describedby=described.clone()
                on:input=move |ev| set.run(Value::String(event_target_value(&ev)))
            ></textarea>
        }
        .into_any(),
        Input::FieldType => view! {
            <select id=dom_id.clone() aria-describedby=described.clone() on:change=move |ev| set.run(Value::String(event_target_value(&ev)))>
                {FIELD_TYPES.iter().map(|(k, l)| view! { <option value=*k selected=move || text() == *k>{*l}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        Input::Check => view! {
            <input
                id=dom_id.clone()
                type="checkbox"
                prop:checked=move || get.get().as_bool().unwrap_or(false)
                on:change=move |ev| set.run(Value::Bool(event_target_checked(&ev)))
            />
        }
        .into_any(),
    };
    let upload = (input == Input::Image).then(|| {
        let done = Callback::new(move |url: String| set.run(Value::String(url)));
        let shown = move || Some(text()).filter(|t| !t.is_empty());
        view! {
            <div class="image-field">
                {move || shown().map(|src| view! { <img class="image-field-preview" src=src alt="" width="48" height="48"/> })}
                <ImageUpload label="Upload image" action=images_action(&e.ids().0) max_bytes=5 * 1024 * 1024 done/>
            </div>
        }
    });
    view! {
        <div class="field" class:field-invalid=invalid class:field-check=input == Input::Check>
            <label for=dom_id>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> })}
            {control}
            {upload}
            <FieldErrors messages id=error_id/>
        </div>
    }
}
