use super::model::{block_problems, KINDS};
use super::template_block_row::TemplateBlockRow;
use super::template_state::{use_template, Saving};
use leptos::prelude::*;
use ui::{Drag, EmptyState, Icon, IconName};

/// The email's blocks in order, reordered by dragging a handle (mouse or touch), by the arrow
/// keys on a handle, or with each block's move buttons; blocks are added below and saved as
/// they change.
#[component]
pub fn TemplateEditor() -> impl IntoView {
    let t = use_template();
    let drag = RwSignal::new(None::<Drag>);
    let ids = move || {
        t.blocks
            .with(|bs| bs.iter().map(|b| b.id.clone()).collect::<Vec<_>>())
    };
    let unfinished = move || t.blocks.with(|bs| !block_problems(bs).is_empty());
    let status = move || match t.saving.get() {
        Saving::Saved => "Saved".to_owned(),
        Saving::Waiting | Saving::Busy => "Saving…".to_owned(),
        Saving::Failed => t
            .error
            .get()
            .map(|e| format!("Not saved: {e}"))
            .unwrap_or_else(|| "Not saved".into()),
    };
    view! {
        <section class="card" aria-labelledby="email-content">
            <div class="section-head">
                <h2 id="email-content">"Email"</h2>
                <span class="muted" role="status" class:field-error=move || t.saving.get() == Saving::Failed>{status}</span>
            </div>
            <p id="email-drag-help" class="visually-hidden">
                "Drag to reorder, or press the up and down arrow keys."
            </p>
            <Show when=move || !ids().is_empty() fallback=|| view! {
                <EmptyState icon=IconName::Mail title="No blocks yet" body="Add a heading, some text and a button below."/>
            }>
                <ol id="email-block-list" class="block-list" aria-label="Email blocks" class:dragging=move || drag.with(Option::is_some)>
                    <For each=ids key=|id| id.clone() let:id>
                        <TemplateBlockRow id drag/>
                    </For>
                </ol>
            </Show>
            <Show when=move || t.removed.with(Option::is_some)>
                <div class="undo-bar" role="status">
                    <span>"Block removed."</span>
                    <button type="button" class="button button-secondary" on:click=move |_| t.undo_remove()>"Undo"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| t.removed.set(None)>"Dismiss"</button>
                </div>
            </Show>
            <Show when=unfinished>
                <p class="field-hint">"Blocks marked with a message need finishing before the campaign can be sent."</p>
            </Show>
            <div class="button-row" role="group" aria-label="Add a block">
                {KINDS.iter().map(|(key, label)| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| t.add(key)>
                        <Icon name=IconName::Plus/>{*label}
                    </button>
                }).collect_view()}
            </div>
            <p class="visually-hidden" aria-live="polite">{move || t.announcement.get()}</p>
        </section>
    }
}
