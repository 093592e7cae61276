use super::block_row::BlockRow;
use super::builder_state::use_builder;
use leptos::prelude::*;
use ui::{Drag, EmptyState, IconName};

/// The page's blocks in order, reordered by dragging a handle (mouse or touch), by the arrow
/// keys on a handle, or with each block's "Move up" and "Move down" buttons.
#[component]
pub fn BlockList() -> impl IntoView {
    let b = use_builder();
    let drag = RwSignal::new(None::<Drag>);
    let ids = move || {
        b.draft
            .with(|d| d.blocks.iter().map(|x| x.id.clone()).collect::<Vec<_>>())
    };
    view! {
        <p id="drag-help" class="visually-hidden">
            "Drag to reorder, or press the up and down arrow keys."
        </p>
        <Show
            when=move || !ids().is_empty()
            fallback=|| view! {
                <EmptyState icon=IconName::Link title="No blocks yet" body="Add a link, your profile or anything else below. Visitors see them in this order."/>
            }
        >
            <ol id="block-list" class="block-list" aria-label="Blocks" class:dragging=move || drag.with(Option::is_some)>
                <For each=ids key=|id| id.clone() let:id>
                    <BlockRow id drag/>
                </For>
            </ol>
        </Show>
        <p class="visually-hidden" aria-live="polite">{move || b.announcement.get()}</p>
    }
}
