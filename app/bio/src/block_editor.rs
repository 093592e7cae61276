use super::block_field::{BlockField, Input};
use super::builder_state::use_builder;
use super::social_editor::SocialEditor;
use leptos::prelude::*;
use ui::{Icon, IconName};

type Spec = (&'static str, &'static str, Input, Option<&'static str>);

/// The settings each kind of block has: field, label, control and hint.
fn fields(kind: &str) -> &'static [Spec] {
    const URL_HINT: Option<&str> = Some("https://…, mailto:… or tel:…");
    match kind {
        "header" => &[
            ("name", "Name", Input::Text, None),
            ("bio", "Bio", Input::LongText, None),
            ("avatar_url", "Photo address", Input::Image("Upload photo"), Some("Upload a photo, or paste an https:// image address.")),
        ],
        "link" => &[
            ("title", "Title", Input::Text, None),
            ("url", "Address", Input::Url, URL_HINT),
            ("thumbnail_url", "Thumbnail address", Input::Image("Upload thumbnail"), Some("Optional: a small image shown on the button.")),
            ("starts_at", "Show from", Input::When, Some("Optional: hidden until then.")),
            ("ends_at", "Show until", Input::When, Some("Optional: hidden from then on.")),
            ("sensitive", "Sensitive content: visitors confirm before they see it", Input::Check, None),
        ],
        "text" => &[("text", "Text", Input::LongText, None)],
        "image" => &[
            ("url", "Image address", Input::Image("Upload image"), Some("Upload an image, or paste an https:// image address.")),
            ("alt", "Description", Input::Text, Some("What the image shows, for people who cannot see it.")),
        ],
        "embed" => &[(
            "url",
            "YouTube, Spotify or TikTok address",
            Input::Url,
            Some("Paste the address of a video, track, album, playlist or podcast."),
        )],
        "email_capture" => &[
            ("heading", "Heading", Input::Text, None),
            ("button", "Button label", Input::Text, None),
        ],
        "booking" => &[
            ("title", "Title", Input::Text, None),
            ("url", "Booking page address", Input::Url, None),
        ],
        "payment" => &[
            ("title", "Title", Input::Text, None),
            ("url", "Stripe payment link", Input::Url, Some("Create one in Stripe: Payment links → New. Starts with https://buy.stripe.com/.")),
            ("price", "Price shown", Input::Text, Some("Optional, e.g. $5.")),
        ],
        _ => &[],
    }
}

/// The open block's settings, duplicate and delete.
#[component]
pub fn BlockEditor(id: String) -> impl IntoView {
    let b = use_builder();
    let kind = b
        .draft
        .with_untracked(|d| d.blocks.iter().find(|x| x.id == id).map(|x| x.kind.key()))
        .unwrap_or("");
    let id = StoredValue::new(id);
    view! {
        <div class="block-editor" role="group" aria-label="Block settings">
            {fields(kind)
                .iter()
                .map(|(field, label, input, hint)| {
                    view! { <BlockField block=id.get_value() field=*field label=*label input=*input hint=*hint/> }
                })
                .collect_view()}
            {(kind == "social").then(|| view! { <SocialEditor block=id.get_value()/> })}
            {(kind == "email_capture").then(|| view! {
                <p class="field-hint">"Addresses people leave are counted in Analytics and become contacts once the CRM is on."</p>
            })}
            <div class="row-actions">
                <button type="button" class="button button-secondary" on:click=move |_| b.duplicate(&id.get_value())>
                    <Icon name=IconName::Copy/>"Duplicate"
                </button>
                <button type="button" class="button button-danger" on:click=move |_| b.remove(&id.get_value())>
                    <Icon name=IconName::Trash/>"Delete"
                </button>
            </div>
        </div>
    }
}
