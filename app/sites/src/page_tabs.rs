use super::editor_state::use_editor;
use super::model::validate::slug_problem;
use leptos::prelude::*;
use ui::FieldErrors;

/// Which page is on screen, and a form that adds one (to the menu too).
#[component]
pub fn PageTabs() -> impl IntoView {
    let e = use_editor();
    let pages = move || {
        e.draft.with(|d| {
            d.pages
                .iter()
                .map(|p| (p.id.clone(), p.title.clone(), p.slug.clone()))
                .collect::<Vec<_>>()
        })
    };
    let adding = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let slug = RwSignal::new(String::new());
    let copy = RwSignal::new(false);
    let problems = RwSignal::new((Vec::<String>::new(), Vec::<String>::new()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, s) = (
            title.get_untracked().trim().to_owned(),
            slug.get_untracked().trim().to_ascii_lowercase(),
        );
        let mut p = (Vec::new(), Vec::new());
        if t.is_empty() {
            p.0.push("Name the page.".to_owned());
        }
        if let Some(m) = slug_problem(&s) {
            p.1.push(m.to_owned());
        } else if e.draft.with_untracked(|d| d.page(&s).is_some()) {
            p.1.push("Another page has this address.".to_owned());
        }
        let ok = p.0.is_empty() && p.1.is_empty();
        problems.set(p);
        if ok {
            e.add_page(&t, &s, copy.get_untracked());
            title.set(String::new());
            slug.set(String::new());
            copy.set(false);
            adding.set(false);
        }
    };
    view! {
        <div class="page-switcher">
            <label class="visually-hidden" for="site-page">"Page"</label>
            <select id="site-page" on:change=move |ev| { e.page.set(event_target_value(&ev)); e.selected.set(None); }>
                {move || pages().into_iter().map(|(id, t, s)| {
                    let label = if s.is_empty() { format!("{t} (home)") } else { format!("{t} · /{s}") };
                    let selected = e.page.get() == id;
                    view! { <option value=id selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <button type="button" class="button button-ghost" aria-expanded=move || adding.get().to_string() on:click=move |_| adding.update(|a| *a = !*a)>
                "New page"
            </button>
            <Show when=move || adding.get()>
                <form class="inline-form" on:submit=add novalidate=true>
                    <div class="field" class:field-invalid=move || !problems.get().0.is_empty()>
                        <label for="new-page-title">"Page name"</label>
                        <input id="new-page-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                        <FieldErrors messages=Signal::derive(move || problems.get().0)/>
                    </div>
                    <div class="field" class:field-invalid=move || !problems.get().1.is_empty()>
                        <label for="new-page-slug">"Address"</label>
                        <input id="new-page-slug" prop:value=move || slug.get() on:input=move |ev| slug.set(event_target_value(&ev))/>
                        <FieldErrors messages=Signal::derive(move || problems.get().1)/>
                    </div>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || copy.get() on:change=move |ev| copy.set(event_target_checked(&ev))/>
                        {move || e.draft.with(|d| format!("Start from a copy of “{}”", d.page_by_id(&e.page.get()).map_or("", |p| p.title.as_str())))}
                    </label>
                    <button type="submit" class="button button-primary">"Add page"</button>
                </form>
            </Show>
        </div>
    }
}
