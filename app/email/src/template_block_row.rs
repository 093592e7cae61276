use super::model::block_problems;
use super::template_block_fields::TemplateBlockFields;
use super::template_state::use_template;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use ui::{Drag, Icon, IconName};

/// One block of the email editor: its handle, kind and first line, move and remove buttons,
/// and its settings when open.
#[component]
pub fn TemplateBlockRow(id: String, drag: RwSignal<Option<Drag>>) -> impl IntoView {
    let t = use_template();
    let id = StoredValue::new(id);
    let index = move || {
        t.blocks
            .with(|bs| bs.iter().position(|b| b.id == id.get_value()))
            .unwrap_or(0)
    };
    let count = move || t.blocks.with(Vec::len);
    let kind = move || {
        t.blocks.with(|bs| {
            bs.iter()
                .find(|b| b.id == id.get_value())
                .map(|b| (b.kind.label(), b.kind.summary()))
                .unwrap_or_default()
        })
    };
    let unfinished = move || {
        let prefix = format!("blocks.{}.", index());
        t.blocks.with(|bs| {
            block_problems(bs)
                .iter()
                .any(|(f, _)| f.starts_with(&prefix))
        })
    };
    let open = move || t.selected.get().as_deref() == Some(id.get_value().as_str());
    let dragging = move || drag.with(|d| d.as_ref().is_some_and(|d| d.id == id.get_value()));
    let drop_class = move || drag.with(|d| d.as_ref()?.drop_class(index(), count()));
    let on_down = move |ev: PointerEvent| Drag::press(drag, &ev, id.get_value(), index());
    let on_move =
        move |ev: PointerEvent| Drag::follow(drag, &ev, &id.get_value(), "email-block-list");
    let on_up = move |_: PointerEvent| {
        if let Some(d) = Drag::release(drag, &id.get_value()) {
            t.move_block(d.from, d.target);
            ui::dom::focus_soon(format!("handle-{}", d.id));
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        if let Some(by) = ui::drag::arrow_step(&ev) {
            t.nudge(&id.get_value(), by);
            ui::dom::focus_soon(format!("handle-{}", id.get_value()));
        }
    };
    let nudge = move |by: isize, button: &'static str| {
        t.nudge(&id.get_value(), by);
        ui::dom::focus_soon(format!("{button}-{}", id.get_value()));
    };
    let toggle = move |_| {
        t.selected.update(|s| {
            *s = (s.as_deref() != Some(id.get_value().as_str())).then(|| id.get_value());
        })
    };
    let row_id = move || format!("row-{}", id.get_value());
    view! {
        <li
            class="block-row"
            class:is-dragging=dragging
            class:drop-before=move || drop_class() == Some("drop-before")
            class:drop-after=move || drop_class() == Some("drop-after")
            aria-labelledby=row_id
        >
            <div class="block-row-head">
                <button type="button" class="drag-handle icon-button"
                    id=move || format!("handle-{}", id.get_value())
                    aria-label=move || format!("Reorder {}", kind().0)
                    aria-describedby="email-drag-help"
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                    on:pointercancel=move |_| drag.set(None) on:keydown=on_key
                >
                    <Icon name=IconName::Grip/>
                </button>
                <button type="button" class="block-summary" aria-expanded=move || open().to_string()
                    aria-label=move || format!("Edit {} block{}", kind().0.to_lowercase(), if unfinished() { ", unfinished" } else { "" })
                    on:click=toggle
                >
                    <span class="block-kind">{move || kind().0}</span>
                    <span class="block-name" id=row_id>{move || kind().1}</span>
                    <Show when=unfinished><span class="badge">"Unfinished"</span></Show>
                </button>
                <button type="button" class="icon-button" id=move || format!("up-{}", id.get_value())
                    aria-label="Move up" disabled=move || index() == 0 on:click=move |_| nudge(-1, "up")>
                    <Icon name=IconName::ArrowUp/>
                </button>
                <button type="button" class="icon-button" id=move || format!("down-{}", id.get_value())
                    aria-label="Move down" disabled=move || { index() + 1 >= count() } on:click=move |_| nudge(1, "down")>
                    <Icon name=IconName::ArrowDown/>
                </button>
                <button type="button" class="icon-button" aria-label=move || format!("Remove {} block", kind().0.to_lowercase())
                    on:click=move |_| t.remove(&id.get_value())>
                    <Icon name=IconName::Trash/>
                </button>
            </div>
            <Show when=open>
                <TemplateBlockFields id=id.get_value() index=Signal::derive(index)/>
            </Show>
        </li>
    }
}
