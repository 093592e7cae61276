use super::edit_field::EditField;
use super::editor_state::use_editor;
use super::model::section::Input;
use leptos::prelude::*;

/// The page on screen: its name, address, search and social settings; deleting it.
#[component]
pub fn PageSettings() -> impl IntoView {
    let e = use_editor();
    let home = move || e.current().is_some_and(|p| p.slug.is_empty());
    let field = move |page: &str,
                      f: &'static str,
                      label: &'static str,
                      input: Input,
                      hint: Option<&'static str>| {
        view! {
            <EditField
                dom_id=format!("page-{}", f.replace('.', "-"))
                label
                input
                key=format!("pages.{page}.{f}")
                get=Signal::derive(move || e.page_field(f))
                set=Callback::new(move |v| e.set_page_field(f, v))
                hint
            />
        }
    };
    view! {
        // Drawn again for each page, so the messages are the page's own.
        {move || {
            let page = e.page.get();
            view! {
                {field(&page, "title", "Page name", Input::Text, Some("Shown in the editor and as the menu's default label."))}
                {(!home()).then(|| field(&page, "slug", "Address", Input::Text, Some("Lowercase letters, digits and dashes.")))}
                <h2 class="panel-title">"Search and social"</h2>
                {field(&page, "seo.title", "SEO title", Input::Text, Some("What search results and browser tabs show. Up to 70 characters."))}
                {field(&page, "seo.description", "Description", Input::LongText, Some("One or two sentences under the title in search results."))}
                {field(&page, "seo.image", "Social image", Input::Image, Some("Shown when the page is shared."))}
                {field(&page, "seo.canonical", "Canonical address", Input::Url, Some("Only if this page copies another one's content."))}
                {field(&page, "seo.noindex", "Hide this page from search engines", Input::Check, None)}
            }
        }}
        <p class="field-hint">"Each site gets a sitemap.xml and a robots.txt, made from the pages that are not hidden."</p>
        <Show when=move || !home()>
            <button type="button" class="button button-danger" on:click=move |_| e.remove_page()>"Delete page"</button>
        </Show>
    }
}
