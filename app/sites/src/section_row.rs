use super::editor_state::use_editor;
use super::section_editor::SectionEditor;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use ui::{Drag, Icon, IconName};

/// One section in the editor's list: its handle, name, switch and move buttons, and its
/// settings when open.
#[component]
pub fn SectionRow(id: String, drag: RwSignal<Option<Drag>>) -> impl IntoView {
    let e = use_editor();
    let id = StoredValue::new(id);
    let section = move || {
        e.current()
            .and_then(|p| p.sections.into_iter().find(|s| s.id == id.get_value()))
    };
    let index = move || {
        e.current()
            .and_then(|p| p.sections.iter().position(|s| s.id == id.get_value()))
            .unwrap_or(0)
    };
    let count = move || e.current().map_or(0, |p| p.sections.len());
    let name = move || section().map(|s| s.name()).unwrap_or_default();
    let kind_label = move || section().map(|s| s.label()).unwrap_or_default();
    let on = move || section().is_some_and(|s| s.on);
    let open = move || e.selected.get().as_deref() == Some(id.get_value().as_str());
    let dragging = move || drag.with(|d| d.as_ref().is_some_and(|d| d.id == id.get_value()));
    let drop_class = move || drag.with(|d| d.as_ref()?.drop_class(index(), count()));
    let on_down = move |ev: PointerEvent| Drag::press(drag, &ev, id.get_value(), index());
    let on_move = move |ev: PointerEvent| Drag::follow(drag, &ev, &id.get_value(), "section-list");
    let on_up = move |_: PointerEvent| {
        if let Some(d) = Drag::release(drag, &id.get_value()) {
            e.move_section(d.from, d.target);
            ui::dom::focus_soon(format!("handle-{}", d.id));
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        if let Some(by) = ui::drag::arrow_step(&ev) {
            e.nudge(&id.get_value(), by);
            ui::dom::focus_soon(format!("handle-{}", id.get_value()));
        }
    };
    let nudge = move |by: isize, button: &'static str| {
        e.nudge(&id.get_value(), by);
        ui::dom::focus_soon(format!("{button}-{}", id.get_value()));
    };
    let toggle_open = move |_| {
        e.selected.update(|s| {
            *s = if s.as_deref() == Some(id.get_value().as_str()) {
                None
            } else {
                Some(id.get_value())
            }
        })
    };
    let row_id = move || format!("row-{}", id.get_value());
    view! {
        <li
            class="block-row"
            class:block-off=move || !on()
            class:is-dragging=dragging
            class:drop-before=move || drop_class() == Some("drop-before")
            class:drop-after=move || drop_class() == Some("drop-after")
            aria-labelledby=row_id
        >
            <div class="block-row-head">
                <button
                    type="button"
                    class="drag-handle icon-button"
                    id=move || format!("handle-{}", id.get_value())
                    aria-label=move || format!("Reorder {}", name())
                    aria-describedby="drag-help"
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=move |_| drag.set(None)
                    on:keydown=on_key
                >
                    <Icon name=IconName::Grip/>
                </button>
                <button
                    type="button"
                    class="block-summary"
                    aria-expanded=move || open().to_string()
                    aria-label=move || {
                        let mut label = format!("Edit {} ({})", name(), kind_label().to_lowercase());
                        if !on() { label.push_str(", hidden"); }
                        label
                    }
                    on:click=toggle_open
                >
                    <span class="block-kind">{kind_label}</span>
                    <span class="block-name" id=row_id>{name}</span>
                    <Show when=move || !on()><span class="badge">"Hidden"</span></Show>
                </button>
                <label class="switch">
                    <input
                        type="checkbox"
                        role="switch"
                        prop:checked=on
                        aria-label=move || format!("Show {}", name())
                        on:change=move |ev| e.set_field(&id.get_value(), "on", serde_json::Value::Bool(event_target_checked(&ev)))
                    />
                </label>
                <button type="button" class="icon-button" id=move || format!("up-{}", id.get_value()) aria-label="Move up"
                    disabled=move || index() == 0 on:click=move |_| nudge(-1, "up")>
                    <Icon name=IconName::ArrowUp/>
                </button>
                <button type="button" class="icon-button" id=move || format!("down-{}", id.get_value()) aria-label="Move down"
                    disabled=move || { index() + 1 >= count() } on:click=move |_| nudge(1, "down")>
                    <Icon name=IconName::ArrowDown/>
                </button>
            </div>
            <Show when=open>
                <SectionEditor id=id.get_value()/>
            </Show>
        </li>
    }
}
