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
