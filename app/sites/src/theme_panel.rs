use super::editor_state::use_editor;
use super::model::theme::{CORNERS, FONTS, SPACINGS};
use leptos::prelude::*;
use ui::FieldErrors;

const COLOURS: &[(&str, &str)] = &[
    ("accent", "Accent"),
    ("accent_text", "Text on accent"),
    ("background", "Background"),
    ("surface", "Alternate sections"),
    ("text", "Text"),
];

/// The site's colours, fonts, spacing and corners.
#[component]
pub fn ThemePanel() -> impl IntoView {
    let e = use_editor();
    let choice =
        move |field: &'static str,
              label: &'static str,
              list: &'static [(&'static str, &'static str, &'static str)]| {
            view! {
                <div class="field">
                    <label for=format!("theme-{field}")>{label}</label>
                    <select id=format!("theme-{field}") on:change=move |ev| e.set_theme(field, event_target_value(&ev))>
                        {list.iter().map(|(k, l, _)| view! { <option value=*k selected=move || e.theme_field(field) == *k>{*l}</option> }).collect_view()}
                    </select>
                </div>
            }
        };
    view! {
        <div class="colour-grid">
            {COLOURS.iter().map(|(field, label)| view! {
                <div class="field colour-field">
                    <label for=format!("theme-{field}")>{*label}</label>
                    <input id=format!("theme-{field}") type="color" prop:value=move || e.theme_field(field)
                        on:input=move |ev| e.set_theme(field, event_target_value(&ev))/>
                    <FieldErrors messages=Signal::derive(move || e.messages(&format!("theme.{field}")))/>
                </div>
            }).collect_view()}
        </div>
        {choice("heading_font", "Headings", FONTS)}
        {choice("body_font", "Text", FONTS)}
        {choice("spacing", "Spacing", SPACINGS)}
        {choice("corners", "Corners", CORNERS)}
    }
}
