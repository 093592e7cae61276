use super::model::block_problems;
use super::template_state::use_template;
use leptos::prelude::*;
use serde_json::Value;
use ui::FieldErrors;

/// The control a block setting uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Text,
    /// Paragraphs.
    LongText,
    /// An address.
    Url,
    /// Addresses, one a line (a list of strings).
    Lines,
}

/// One setting of block `block` (at `index`), bound to the editor, with its messages below.
#[component]
pub fn TemplateField(
    block: String,
    index: Signal<usize>,
    field: &'static str,
    label: &'static str,
    input: Input,
    #[prop(default = None)] hint: Option<&'static str>,
) -> impl IntoView {
    let t = use_template();
    let dom_id = format!("f-{block}-{field}");
    let hint_id = format!("{dom_id}-hint");
    let error_id = format!("{dom_id}-error");
    let block = StoredValue::new(block);
    let messages = Memo::new(move |_| {
        let key = format!("blocks.{}.{field}", index.get());
        t.blocks.with(|bs| {
            block_problems(bs)
                .into_iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, m)| m.to_owned())
                .collect::<Vec<_>>()
        })
    });
    let invalid = move || !messages.get().is_empty();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                hint.is_some().then_some(hint_id.as_str()),
                invalid().then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let text = move || match t.field(&block.get_value(), field) {
        Value::String(s) => s,
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    };
    let set = move |v: String| {
        let value = if input == Input::Lines {
            Value::Array(
                v.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| Value::String(l.to_owned()))
                    .collect(),
            )
        } else {
            Value::String(v)
        };
        t.set_field(&block.get_value(), field, value)
    };
    let control = match input {
        Input::Text | Input::Url => view! {
            <input id=dom_id.clone() type=if input == Input::Url { "url" } else { "text" } autocomplete="off"
                prop:value=text aria-invalid=move || invalid().to_string() aria-describedby=described.clone()
                on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
        // Lines are read when the field is left, so a half-typed line is not dropped.
        Input::LongText | Input::Lines => view! {
            <textarea id=dom_id.clone() rows=if input == Input::Lines { "3" } else { "5" }
                prop:value=text aria-invalid=move || invalid().to_string() aria-describedby=described.clone()
                on:input=move |ev| if input == Input::LongText { set(event_target_value(&ev)) }
                on:change=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=dom_id>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> })}
            {control}
            <FieldErrors messages id=error_id/>
        </div>
    }
}
