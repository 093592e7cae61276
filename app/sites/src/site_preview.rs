use super::editor_state::use_editor;
use super::service_paths::preview_src;
use leptos::prelude::*;

/// The page on screen as visitors will see it, rendered by the server from the saved draft
/// (the same code as the public page) and reloaded after each save.
#[component]
pub fn SitePreview() -> impl IntoView {
    let e = use_editor();
    let src = move || {
        let (ws, site) = e.ids();
        preview_src(&ws, &site, &e.page.get(), e.saves.get())
    };
    view! {
        <div class="phone-frame">
            <iframe class="preview-frame" title="Preview of your page" sandbox="allow-same-origin" src=src></iframe>
        </div>
    }
}
