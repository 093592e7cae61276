use super::editor_state::use_editor;
use super::model::KINDS;
use super::section_row::SectionRow;
use leptos::prelude::*;
use ui::{Drag, EmptyState, IconName};

/// The page's sections in order, reordered by dragging a handle (mouse or touch), by the arrow
/// keys on a handle, or with each section's "Move up" and "Move down" buttons; and the menu of
/// sections to add.
#[component]
pub fn SectionList() -> impl IntoView {
    let e = use_editor();
    let drag = RwSignal::new(None::<Drag>);
    let ids = move || {
        e.current()
            .map(|p| p.sections.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let adding = RwSignal::new(false);
    view! {
        <p id="drag-help" class="visually-hidden">
            "Drag to reorder, or press the up and down arrow keys."
        </p>
        <Show
            when=move || !ids().is_empty()
            fallback=|| view! {
                <EmptyState icon=IconName::Globe title="This page is empty" body="Add a section below: a hero, your features, a contact form…"/>
            }
        >
            <ol id="section-list" class="block-list" aria-label="Sections" class:dragging=move || drag.with(Option::is_some)>
                <For each=ids key=|id| id.clone() let:id>
                    <SectionRow id drag/>
                </For>
            </ol>
        </Show>
        <button type="button" class="button button-secondary" aria-expanded=move || adding.get().to_string() on:click=move |_| adding.update(|a| *a = !*a)>
            <ui::Icon name=IconName::Plus/>"Add section"
        </button>
        <Show when=move || adding.get()>
            <ul class="kind-grid" aria-label="Sections you can add">
                {KINDS.iter().map(|k| view! {
                    <li>
                        <button type="button" class="kind-choice" on:click=move |_| { e.add_section(k.key); adding.set(false); }>
                            <strong>{k.label}</strong><span class="muted">{k.blurb}</span>
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
