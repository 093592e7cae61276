use super::api::{create_bio_page, list_bio_pages};
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::FieldErrors;

/// The workspace's pages (the main one and any more the plan allows) and a way to add one.
#[component]
pub fn PageSwitcher(
    #[prop(into)] workspace_id: String,
    #[prop(into)] handle: String,
    #[prop(into)] current: String,
) -> impl IntoView {
    let ws = StoredValue::new(workspace_id);
    let handle = StoredValue::new(handle);
    let pages = ui::resource(move || ws.get_value(), list_bio_pages);
    let adding = RwSignal::new(false);
    let slug = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let navigate = leptos_router::hooks::use_navigate();
    let go = StoredValue::new(move |slug: String| {
        let to = if slug.is_empty() {
            format!("/app/{}/bio", handle.get_value())
        } else {
            format!("/app/{}/bio?page={slug}", handle.get_value())
        };
        navigate(&to, Default::default());
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        spawn_local(async move {
            match create_bio_page(ws.get_value(), slug.get_untracked()).await {
                Ok(page) => {
                    error.set(None);
                    adding.set(false);
                    go.with_value(|go| go(page.slug));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let current = StoredValue::new(current);
    view! {
        <div class="page-switcher">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = pages.await?;
                    Ok::<_, AppError>(view! {
                        <label class="visually-hidden" for="bio-page">"Page"</label>
                        <select id="bio-page" on:change=move |ev| { let v = event_target_value(&ev); go.with_value(|go| go(v)); }>
                            {list.into_iter().map(|p| {
                                let label = if p.slug.is_empty() { "Main page".to_owned() } else { format!("/{}", p.slug) };
                                let selected = p.slug == current.get_value();
                                view! { <option value=p.slug selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    })
                })}
            </Transition>
            <button type="button" class="button button-ghost" aria-expanded=move || adding.get().to_string() on:click=move |_| adding.update(|a| *a = !*a)>
                "New page"
            </button>
            <Show when=move || adding.get()>
                <form class="inline-form" on:submit=create novalidate=true>
                    <FormError error=Signal::derive(move || error.get())/>
                    <div class="field" class:field-invalid=move || error.with(|e| e.as_ref().is_some_and(|e| !e.field_messages("slug").is_empty()))>
                        <label for="new-page-slug">"Address"</label>
                        <p class="field-hint" id="new-page-slug-hint">{move || format!("mewayz.com/@{}/…", handle.get_value())}</p>
                        <input id="new-page-slug" aria-describedby="new-page-slug-hint" prop:value=move || slug.get() on:input=move |ev| slug.set(event_target_value(&ev))/>
                        <FieldErrors messages=Signal::derive(move || error.get().map(|e| e.field_messages("slug")).unwrap_or_default())/>
                    </div>
                    <button type="submit" class="button button-primary">"Add page"</button>
                </form>
            </Show>
        </div>
    }
}
