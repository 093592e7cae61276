use super::block_editor::BlockEditor;
use super::builder_state::use_builder;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use ui::{Drag, Icon, IconName};

/// One block in the builder's list: its handle, name, switch and move buttons, and its
/// settings when open.
#[component]
pub fn BlockRow(id: String, drag: RwSignal<Option<Drag>>) -> impl IntoView {
    let b = use_builder();
    let id = StoredValue::new(id);
    let block = move || {
        b.draft
            .with(|d| d.blocks.iter().find(|x| x.id == id.get_value()).cloned())
    };
    let index = move || {
        b.draft
            .with(|d| d.blocks.iter().position(|x| x.id == id.get_value()))
            .unwrap_or(0)
    };
    let count = move || b.draft.with(|d| d.blocks.len());
    let name = move || block().map(|x| x.kind.name()).unwrap_or_default();
    let kind_label = move || block().map(|x| x.kind.label()).unwrap_or_default();
    let on = move || block().is_some_and(|x| x.on);
    let scheduled = move || {
        block().is_some_and(|x| matches!(x.kind, super::model::BlockKind::Link { ref starts_at, ref ends_at, .. } if starts_at.is_some() || ends_at.is_some()))
    };
    let open = move || b.selected.get().as_deref() == Some(id.get_value().as_str());
    let dragging = move || drag.with(|d| d.as_ref().is_some_and(|d| d.id == id.get_value()));
    let drop_class = move || drag.with(|d| d.as_ref()?.drop_class(index(), count()));

    let on_down = move |ev: PointerEvent| Drag::press(drag, &ev, id.get_value(), index());
    let on_move = move |ev: PointerEvent| Drag::follow(drag, &ev, &id.get_value(), "block-list");
    let on_up = move |_: PointerEvent| {
        if let Some(d) = Drag::release(drag, &id.get_value()) {
            b.move_block(d.from, d.target);
            ui::dom::focus_soon(format!("handle-{}", d.id));
        }
    };
    let on_cancel = move |_: PointerEvent| drag.set(None);
    let on_key = move |ev: KeyboardEvent| {
        if let Some(by) = ui::drag::arrow_step(&ev) {
            b.nudge(&id.get_value(), by);
            ui::dom::focus_soon(format!("handle-{}", id.get_value()));
        }
    };
    let nudge = move |by: isize, button: &'static str| {
        b.nudge(&id.get_value(), by);
        ui::dom::focus_soon(format!("{button}-{}", id.get_value()));
    };
    let toggle_open = move |_| {
        b.selected.update(|s| {
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
                    on:pointercancel=on_cancel
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
                        if scheduled() { label.push_str(", scheduled"); }
                        label
                    }
                    on:click=toggle_open
                >
                    <span class="block-kind">{kind_label}</span>
                    <span class="block-name" id=row_id>{name}</span>
                    <Show when=move || !on()><span class="badge">"Hidden"</span></Show>
                    <Show when=scheduled><span class="badge">"Scheduled"</span></Show>
                </button>
                <label class="switch">
                    <input
                        type="checkbox"
                        role="switch"
                        prop:checked=on
                        aria-label=move || format!("Show {}", name())
                        on:change=move |ev| b.set_on(&id.get_value(), event_target_checked(&ev))
                    />
                </label>
                <button
                    type="button"
                    class="icon-button"
                    id=move || format!("up-{}", id.get_value())
                    aria-label="Move up"
                    disabled=move || index() == 0
                    on:click=move |_| nudge(-1, "up")
                >
                    <Icon name=IconName::ArrowUp/>
                </button>
                <button
                    type="button"
                    class="icon-button"
                    id=move || format!("down-{}", id.get_value())
                    aria-label="Move down"
                    disabled=move || { index() + 1 >= count() }
                    on:click=move |_| nudge(1, "down")
                >
                    <Icon name=IconName::ArrowDown/>
                </button>
            </div>
            <Show when=open>
                <BlockEditor id=id.get_value()/>
            </Show>
        </li>
    }
}
