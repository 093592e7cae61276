use super::builder_state::use_builder;
use super::model::validate::block_field;
use super::model::NETWORKS;
use leptos::prelude::*;
use serde_json::{json, Value};
use ui::{FieldErrors, Icon, IconName};

/// An edit of the block's list of profiles.
type Change = Box<dyn FnOnce(&mut Vec<Value>)>;

/// The profiles of a social icons block: a network and an address each, added and removed.
#[component]
pub fn SocialEditor(block: String) -> impl IntoView {
    let b = use_builder();
    let block = StoredValue::new(block);
    let links = move || {
        b.field(&block.get_value(), "links")
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let change = move |f: Change| {
        let mut list = links();
        f(&mut list);
        b.set_field(&block.get_value(), "links", Value::Array(list));
    };
    let row = move |i: usize| {
        let at = move |field: &str| {
            links()
                .get(i)
                .and_then(|l| l[field].as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        let key = block_field(&block.get_value(), &format!("links.{i}"));
        let messages = Memo::new(move |_| b.messages(&key));
        let select_id = format!("social-{}-{i}-network", block.get_value());
        let url_id = format!("social-{}-{i}-url", block.get_value());
        view! {
            <li class="social-row">
                <div class="field">
                    <label for=select_id.clone()>"Network"</label>
                    <select id=select_id prop:value=move || at("network") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(Box::new(move |l| l[i]["network"] = Value::String(v)))
                    }>
                        {NETWORKS.iter().map(|(k, label)| view! { <option value=*k>{*label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field-invalid=move || !messages.get().is_empty()>
                    <label for=url_id.clone()>"Profile address"</label>
                    <input id=url_id type="url" inputmode="url" prop:value=move || at("url") on:input=move |ev| {
                        let v = event_target_value(&ev);
                        change(Box::new(move |l| l[i]["url"] = Value::String(v)))
                    }/>
                    <FieldErrors messages/>
                </div>
                <button type="button" class="icon-button" aria-label="Remove profile" on:click=move |_| change(Box::new(move |l| { if i < l.len() { l.remove(i); } }))>
                    <Icon name=IconName::Close/>
                </button>
            </li>
        }
    };
    view! {
        <fieldset class="social-editor">
            <legend>"Profiles"</legend>
            <ul class="social-rows"><For each=move || 0..links().len() key=|i| *i let:i>{row(i)}</For></ul>
            <button type="button" class="button button-secondary" on:click=move |_| change(Box::new(|l| l.push(json!({ "network": "instagram", "url": "" }))))>
                <Icon name=IconName::Plus/>"Add profile"
            </button>
        </fieldset>
    }
}
