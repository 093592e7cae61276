use super::browser::{now, style_nonce};
use super::builder_state::use_builder;
use super::render::{render_page, RenderCtx};
use leptos::prelude::*;

/// The page as visitors will see it, in a phone-sized frame, rendered by the same code as the
/// public page and updated with every edit.
#[component]
pub fn PreviewFrame(#[prop(into)] title: String) -> impl IntoView {
    let b = use_builder();
    let nonce = StoredValue::new(style_nonce());
    let title = StoredValue::new(title);
    let html = Memo::new(move |_| {
        let now = now();
        b.draft.with(|d| {
            render_page(
                d,
                &RenderCtx {
                    now: &now,
                    nonce: &nonce.get_value(),
                    preview: true,
                    fallback_title: &title.get_value(),
                    ..Default::default()
                },
            )
        })
    });
    view! {
        <div class="phone-frame">
            <iframe class="preview-frame" title="Preview of your page" sandbox="" srcdoc=move || html.get()></iframe>
        </div>
    }
}
