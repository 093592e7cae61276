use super::nav::{workspace_href, CREATE};
use crate::ui::{Icon, IconName, Sheet};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The bottom bar's middle button: a sheet of what can be created today, each entry going
/// straight to its form in the workspace on screen.
#[component]
pub fn CreateEntry() -> impl IntoView {
    let open = RwSignal::new(false);
    let pathname = use_location().pathname;
    view! {
        <button
            type="button"
            class="nav-entry"
            aria-haspopup="dialog"
            aria-controls="create-sheet"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
            <Icon name=IconName::Plus/>
            <span class="nav-label">"Create"</span>
        </button>
        <Sheet open title="Create" id="create-sheet">
            <ul class="create-list" aria-label="What to create">
                {CREATE.iter().flat_map(|m| m.iter()).map(|item| {
                    let href = item.href.unwrap_or("/app");
                    view! {
                        <li>
                            <a class="create-choice" href=move || workspace_href(href, &pathname.get()) on:click=move |_| open.set(false)>
                                <Icon name=item.icon/>
                                <span>{item.label}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Sheet>
    }
}
