use super::builder_state::use_builder;
use super::model::theme::{BACKGROUNDS, FONTS, PRESETS, SHAPES, STYLES};
use super::model::Theme;
use super::model::MAX_IMAGE_BYTES;
use leptos::prelude::*;
use ui::{FieldErrors, ImageUpload};

/// A set of mutually exclusive choices for one theme setting.
#[component]
fn ThemeChoice(
    field: &'static str,
    legend: &'static str,
    options: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let b = use_builder();
    view! {
        <fieldset class="theme-choice">
            <legend>{legend}</legend>
            <div class="segmented">
                {options.iter().map(|(key, label)| view! {
                    <label class="segment">
                        <input
                            type="radio"
                            name=format!("theme-{field}")
                            value=*key
                            prop:checked=move || b.theme_field(field) == *key
                            on:change=move |_| b.set_theme(field, (*key).to_owned())
                        />
                        {*label}
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// A colour of the theme, with its messages.
#[component]
fn ThemeColour(field: &'static str, label: &'static str) -> impl IntoView {
    let b = use_builder();
    let id = format!("theme-{field}");
    let key = format!("theme.{field}");
    view! {
        <div class="field colour-field">
            <label for=id.clone()>{label}</label>
            <input id=id type="color" prop:value=move || b.theme_field(field) on:input=move |ev| b.set_theme(field, event_target_value(&ev))/>
            <FieldErrors messages=Signal::derive(move || b.messages(&key))/>
        </div>
    }
}

/// The page's look: a preset to start from, then colours, font, buttons and background. The
/// preview follows every change.
#[component]
pub fn ThemeEditor() -> impl IntoView {
    let b = use_builder();
    let pick = move |key: &'static str| {
        b.edit(|d| {
            let image = std::mem::take(&mut d.theme.bg_image);
            d.theme = Theme::preset(key);
            d.theme.bg_image = image;
        })
    };
    let background = move || b.theme_field("background");
    view! {
        <fieldset class="theme-choice">
            <legend>"Theme"</legend>
            <div class="preset-grid">
                {PRESETS.iter().map(|(key, label, _)| {
                    let swatch = format!("preset-swatch preset-{key}");
                    view! {
                        <button
                            type="button"
                            class="preset"
                            aria-pressed=move || (b.theme_field("preset") == *key).to_string()
                            on:click=move |_| pick(key)
                        >
                            <span class=swatch aria-hidden="true"></span>
                            {*label}
                        </button>
                    }
                }).collect_view()}
            </div>
        </fieldset>
        <ThemeChoice field="background" legend="Background" options=BACKGROUNDS/>
        <div class="colour-grid">
            <ThemeColour field="bg_color" label="Background colour"/>
            <Show when=move || background() == "gradient">
                <ThemeColour field="bg_color2" label="Gradient to"/>
            </Show>
            <ThemeColour field="text_color" label="Text colour"/>
            <ThemeColour field="button_color" label="Button colour"/>
            <ThemeColour field="button_text" label="Button text colour"/>
        </div>
        <Show when=move || background() == "image">
            <div class="field">
                <label for="theme-bg_image">"Background image address"</label>
                <input id="theme-bg_image" type="url" inputmode="url" prop:value=move || b.theme_field("bg_image") on:input=move |ev| b.set_theme("bg_image", event_target_value(&ev))/>
                <ImageUpload label="Upload background image" action=format!("/bio/{}/images", b.ids().0) max_bytes=MAX_IMAGE_BYTES done=Callback::new(move |url: String| b.set_theme("bg_image", url))/>
                <FieldErrors messages=Signal::derive(move || b.messages("theme.bg_image"))/>
            </div>
        </Show>
        <ThemeChoice field="button_shape" legend="Button shape" options=SHAPES/>
        <ThemeChoice field="button_style" legend="Button style" options=STYLES/>
        <div class="field">
            <label for="theme-font">"Font"</label>
            <select id="theme-font" prop:value=move || b.theme_field("font") on:change=move |ev| b.set_theme("font", event_target_value(&ev))>
                {FONTS.iter().map(|(key, label, _)| view! { <option value=*key>{*label}</option> }).collect_view()}
            </select>
        </div>
    }
}
