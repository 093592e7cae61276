use super::browser::{from_local_input, to_local_input};
use super::builder_state::use_builder;
use super::model::validate::block_field;
use super::model::MAX_IMAGE_BYTES;
use leptos::prelude::*;
use serde_json::Value;
use ui::{FieldErrors, ImageUpload};

/// The control a block setting uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Text,
    /// A paragraph.
    LongText,
    /// An address.
    Url,
    /// An image's address, or an upload by the button named here ("Upload photo").
    Image(&'static str),
    /// A date and time in the person's own time zone (stored as UTC).
    When,
    /// Yes or no.
    Check,
}

/// One setting of a block, bound to the draft, with its messages underneath.
#[component]
pub fn BlockField(
    block: String,
    field: &'static str,
    label: &'static str,
    input: Input,
    #[prop(default = None)] hint: Option<&'static str>,
) -> impl IntoView {
    let b = use_builder();
    let key = block_field(&block, field);
    let dom_id = format!("f-{block}-{field}");
    let hint_id = format!("{dom_id}-hint");
    let error_id = format!("{dom_id}-error");
    let block = StoredValue::new(block);
    let messages = {
        let key = key.clone();
        Memo::new(move |_| b.messages(&key))
    };
    let invalid = move || !messages.get().is_empty();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
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
    let text = move || {
        b.field(&block.get_value(), field)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let set = move |v: Value| b.set_field(&block.get_value(), field, v);
    let control = match input {
        Input::Text | Input::Url | Input::Image(_) => view! {
            <input
                id=dom_id.clone()
                type=if input == Input::Text { "text" } else { "url" }
                inputmode=if input == Input::Text { "text" } else { "url" }
                autocomplete="off"
                prop:value=text
                aria-invalid=move || invalid().to_string()
                aria-describedby=described.clone()
                on:input=move |ev| set(Value::String(event_target_value(&ev)))
            />
        }
        .into_any(),
        Input::LongText => view! {
            <textarea
                id=dom_id.clone()
                rows="3"
                prop:value=text
                aria-invalid=move || invalid().to_string()
                aria-describedby=described.clone()
                on:input=move |ev| set(Value::String(event_target_value(&ev)))
            ></textarea>
        }
        .into_any(),
        Input::When => view! {
            <input
                id=dom_id.clone()
                type="datetime-local"
                prop:value=move || to_local_input(&text())
                aria-invalid=move || invalid().to_string()
                aria-describedby=described.clone()
                on:change=move |ev| set(from_local_input(&event_target_value(&ev)).map(Value::String).unwrap_or(Value::Null))
            />
        }
        .into_any(),
        Input::Check => view! {
            <input
                id=dom_id.clone()
                type="checkbox"
                prop:checked=move || b.field(&block.get_value(), field).as_bool().unwrap_or(false)
                aria-describedby=described.clone()
                on:change=move |ev| set(Value::Bool(event_target_checked(&ev)))
            />
        }
        .into_any(),
    };
    let checkbox = input == Input::Check;
    let upload = match input {
        Input::Image(name) => Some(name),
        _ => None,
    }
    .map(|name| {
        let done = Callback::new(move |url: String| set(Value::String(url)));
        let shown = move || Some(text()).filter(|t| !t.is_empty());
        view! {
            <div class="image-field">
                {move || shown().map(|src| view! { <img class="image-field-preview" src=src alt="" width="48" height="48"/> })}
                <ImageUpload label=name action=format!("/bio/{}/images", b.ids().0) max_bytes=MAX_IMAGE_BYTES done/>
            </div>
        }
    });
    view! {
        <div class="field" class:field-invalid=invalid class:field-check=checkbox>
            <label for=dom_id>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> })}
            {control}
            {upload}
            <FieldErrors messages id=error_id/>
        </div>
    }
}
