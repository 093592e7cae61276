use super::builder_state::use_builder;
use super::model::KINDS;
use leptos::prelude::*;
use ui::{Icon, IconName};

/// "Add block": every kind with what it is for; the new block opens for editing.
#[component]
pub fn AddBlockMenu() -> impl IntoView {
    let b = use_builder();
    let open = RwSignal::new(false);
    view! {
        <div class="add-block">
            <button
                type="button"
                class="button button-primary button-block"
                aria-expanded=move || open.get().to_string()
                aria-controls="add-block-kinds"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <Icon name=IconName::Plus/>"Add block"
            </button>
            <Show when=move || open.get()>
                <ul id="add-block-kinds" class="kind-grid" aria-label="Kinds of block">
                    {KINDS.iter().map(|(key, label, blurb)| view! {
                        <li>
                            <button type="button" class="kind-choice" on:click=move |_| { b.add(key); open.set(false); }>
                                <strong>{*label}</strong>
                                <span class="muted">{*blurb}</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
