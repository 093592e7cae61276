//! A drag in progress in a reorderable list, shared by every list that reorders by dragging a
//! handle (see [`crate::dom`] for the browser side).

/// Which item is dragged, from where, and where it would land (the number of other items above
/// it).
#[derive(Debug, Clone, PartialEq)]
pub struct Drag {
    /// The dragged item's id.
    pub id: String,
    /// Its index when the drag started.
    pub from: usize,
    /// Where it would land.
    pub target: usize,
}

impl Drag {
    /// Starts dragging item `id` at index `from`.
    pub fn start(id: String, from: usize) -> Drag {
        Drag {
            id,
            from,
            target: from,
        }
    }

    /// The drop marker the item at index `me` of `count` shows: `drop-before` when the dragged
    /// item would land just above it, `drop-after` on the last item when it would land at the end.
    pub fn drop_class(&self, me: usize, count: usize) -> Option<&'static str> {
        if self.target == self.from || me == self.from {
            return None;
        }
        let others_before = if me > self.from { me - 1 } else { me };
        let last = count.checked_sub(2)?;
        if others_before == self.target {
            Some("drop-before")
        } else if self.target == last + 1 && others_before == last {
            Some("drop-after")
        } else {
            None
        }
    }
}

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;

impl Drag {
    /// A pointer went down on item `id`'s handle at index `from`: the primary button or a touch
    /// starts dragging it.
    pub fn press(drag: RwSignal<Option<Drag>>, ev: &PointerEvent, id: String, from: usize) {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        crate::dom::start_drag(ev);
        drag.set(Some(Drag::start(id, from)));
    }

    /// The pointer moved: where item `id`, if it is the one dragged, would land among the
    /// children of the list element `list_id`.
    pub fn follow(drag: RwSignal<Option<Drag>>, ev: &PointerEvent, id: &str, list_id: &str) {
        if !drag.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id)) {
            return;
        }
        let middles = crate::dom::child_middles(list_id);
        drag.update(|d| {
            if let Some(d) = d {
                d.target = crate::dom::drop_index(&middles, d.from, f64::from(ev.client_y()));
            }
        });
    }

    /// The pointer went up: the finished drag of item `id`, when it was the one dragged.
    pub fn release(drag: RwSignal<Option<Drag>>, id: &str) -> Option<Drag> {
        let done = drag.get_untracked().filter(|d| d.id == id)?;
        drag.set(None);
        Some(done)
    }
}

/// The move an arrow key on a handle asks for (-1 up, 1 down), its default prevented.
pub fn arrow_step(ev: &KeyboardEvent) -> Option<isize> {
    let by = match ev.key().as_str() {
        "ArrowUp" => -1,
        "ArrowDown" => 1,
        _ => return None,
    };
    ev.prevent_default();
    Some(by)
}
