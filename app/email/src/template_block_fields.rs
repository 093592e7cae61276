use super::model::{EmailBlockKind, MAX_EMAIL_IMAGE_BYTES};
use super::template_field::{Input, TemplateField};
use super::template_state::use_template;
use leptos::prelude::*;
use ui::ImageUpload;

const FORMAT_HINT: &str =
    "**bold**, *italic*, [a link](https://…); {{first_name|there}} is the reader's first name.";

/// The settings of block `id` (at `index`), by its kind.
#[component]
pub fn TemplateBlockFields(id: String, index: Signal<usize>) -> impl IntoView {
    let t = use_template();
    let block = StoredValue::new(id.clone());
    let found = t
        .blocks
        .with_untracked(|bs| bs.iter().find(|b| b.id == id).map(|b| b.kind.clone()));
    let field = move |field: &'static str,
                      label: &'static str,
                      input: Input,
                      hint: Option<&'static str>| {
        view! { <TemplateField block=id.clone() index field label input hint/> }
    };
    let fields = match found {
        Some(EmailBlockKind::Heading { .. }) => field("text", "Heading", Input::Text, None).into_any(),
        Some(EmailBlockKind::Text { .. }) => field("text", "Text", Input::LongText, Some(FORMAT_HINT)).into_any(),
        Some(EmailBlockKind::Image { .. }) => view! {
            {field("url", "Image address", Input::Url, Some("An image on the web, starting with https://, or upload one."))}
            <ImageUpload label="Upload image" action=format!("/email/{}/images", t.ids().0) max_bytes=MAX_EMAIL_IMAGE_BYTES
                done=Callback::new(move |url: String| t.set_field(&block.get_value(), "url", url.into()))/>
            {field("alt", "Description", Input::Text, Some("Read aloud, and shown when images are off."))}
            {field("link", "Opens (optional)", Input::Url, None)}
        }
        .into_any(),
        Some(EmailBlockKind::Button { .. }) => view! {
            {field("label", "Label", Input::Text, None)}
            {field("url", "Opens", Input::Url, None)}
        }
        .into_any(),
        Some(EmailBlockKind::Divider) => view! { <p class="muted">"A thin line between blocks."</p> }.into_any(),
        Some(EmailBlockKind::Columns { .. }) => view! {
            {field("left", "Left", Input::LongText, Some(FORMAT_HINT))}
            {field("right", "Right", Input::LongText, None)}
        }
        .into_any(),
        Some(EmailBlockKind::Social { .. }) => field("links", "Profile addresses", Input::Lines, Some("One a line: https://instagram.com/you")).into_any(),
        Some(EmailBlockKind::Footer { .. }) => field("address", "Postal address", Input::LongText, Some("Anti-spam laws ask for it in every campaign.")).into_any(),
        None => ().into_any(),
    };
    view! { <div class="block-editor form">{fields}</div> }
}
