use super::deal_board::{BoardState, DealDrag};
use app_core::money::money;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use ui::dom::{child_centres_x, child_middles, drop_index, focus_soon, start_drag};
use ui::{Icon, IconName};

/// One deal on the board, with a handle to drag it or move it with the arrow keys.
#[component]
pub fn DealCard(id: String, handle: String, can_edit: bool) -> impl IntoView {
    let board = expect_context::<BoardState>();
    let id = StoredValue::new(id);
    let deal = move || {
        board.cols.with(|cols| {
            cols.iter()
                .flat_map(|c| c.deals.iter())
                .find(|d| d.id == id.get_value())
                .cloned()
        })
    };
    let title = move || deal().map(|d| d.title).unwrap_or_default();
    let dragging = move || {
        board
            .drag
            .with(|d| d.as_ref().is_some_and(|d| d.id == id.get_value()))
    };
    let drop_before = move || {
        board
            .drag
            .with(|d| {
                let d = d.as_ref()?;
                let (c, i) = board.place(&id.get_value())?;
                if d.id == id.get_value() || d.to == d.from || d.to.0 != c {
                    return None;
                }
                // Index among the other cards of this column.
                let others = if d.from.0 == c && i > d.from.1 {
                    i - 1
                } else {
                    i
                };
                Some(others == d.to.1)
            })
            .unwrap_or(false)
    };

    let on_down = move |ev: PointerEvent| {
        if !can_edit || (ev.pointer_type() == "mouse" && ev.button() != 0) {
            return;
        }
        start_drag(&ev);
        if let Some(at) = board.place(&id.get_value()) {
            board.drag.set(Some(DealDrag {
                id: id.get_value(),
                from: at,
                to: at,
            }));
        }
    };
    let on_move = move |ev: PointerEvent| {
        if !dragging() {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let centres = child_centres_x("deal-board");
        let Some(col) = centres
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map(|(i, _)| i)
        else {
            return;
        };
        let stage = board
            .cols
            .with(|c| c.get(col).map(|c| c.stage.id.clone()))
            .unwrap_or_default();
        let middles = child_middles(&format!("col-{stage}"));
        board.drag.update(|d| {
            if let Some(d) = d {
                let skip = if d.from.0 == col {
                    d.from.1
                } else {
                    usize::MAX
                };
                d.to = (col, drop_index(&middles, skip, y));
            }
        });
    };
    let on_up = move |_: PointerEvent| {
        if let Some(d) = board
            .drag
            .get_untracked()
            .filter(|d| d.id == id.get_value())
        {
            board.drag.set(None);
            board.move_deal(&d.id, d.to.0, d.to.1);
            focus_soon(format!("deal-handle-{}", d.id));
        }
    };
    let on_cancel = move |_: PointerEvent| board.drag.set(None);
    let on_key = move |ev: KeyboardEvent| {
        let Some((c, i)) = board.place(&id.get_value()) else {
            return;
        };
        let to = match ev.key().as_str() {
            "ArrowLeft" if c > 0 => (c - 1, i),
            "ArrowRight" => (c + 1, i),
            "ArrowUp" if i > 0 => (c, i - 1),
            "ArrowDown" => (c, i + 1),
            _ => return,
        };
        ev.prevent_default();
        let len = board
            .cols
            .with(|cols| cols.get(to.0).map(|x| x.deals.len()));
        let Some(len) = len else { return };
        let max = if to.0 == c {
            len.saturating_sub(1)
        } else {
            len
        };
        board.move_deal(&id.get_value(), to.0, to.1.min(max));
        focus_soon(format!("deal-handle-{}", id.get_value()));
    };
    let href = format!("/app/{handle}/crm/deals/{}", id.get_value());
    view! {
        <li class="deal-card" class:is-dragging=dragging class:drop-before=drop_before>
            {can_edit.then(|| view! {
                <button
                    type="button"
                    class="drag-handle icon-button"
                    id=move || format!("deal-handle-{}", id.get_value())
                    aria-label=move || format!("Move {}", title())
                    aria-describedby="deal-drag-help"
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=on_cancel
                    on:keydown=on_key
                >
                    <Icon name=IconName::Grip/>
                </button>
            })}
            <div class="deal-card-body">
                <a href=href class="deal-title">{title}</a>
                <p class="deal-value">{move || deal().map(|d| money(d.value, &d.currency)).unwrap_or_default()}</p>
                <p class="muted deal-meta">
                    {move || deal().and_then(|d| d.contact_name).unwrap_or_default()}
                    {move || deal().and_then(|d| d.close_date).map(|d| format!(" · closes {d}"))}
                </p>
            </div>
        </li>
    }
}
