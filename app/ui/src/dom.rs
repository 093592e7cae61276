//! What drag-and-drop lists ask of the browser: element positions and focus, and new ids for
//! the items builders add. On the server each answers something harmless.

/// A new id for an item a builder adds (a bio block, a site's section or page): random, so
/// items added in two tabs never collide.
pub fn random_id() -> String {
    #[cfg(feature = "hydrate")]
    {
        (0..3)
            .map(|_| {
                format!(
                    "{:08x}",
                    (web_sys::js_sys::Math::random() * f64::from(u32::MAX)) as u32
                )
            })
            .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        format!("s{:x}", NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// Starts a drag from a handle: no text selection or scrolling, and the handle keeps receiving
/// the pointer's moves even when it leaves the handle (a finger rarely stays on it).
pub fn start_drag(ev: &leptos::ev::PointerEvent) {
    ev.prevent_default();
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    }
}

/// Where a pointer at `y` drops the item at `from` (`usize::MAX` for an item from elsewhere),
/// given the middles of the list's items: the number of other items above it.
pub fn drop_index(middles: &[f64], from: usize, y: f64) -> usize {
    middles
        .iter()
        .enumerate()
        .filter(|(i, m)| *i != from && **m < y)
        .count()
}

/// The vertical middle of each child of the element with `id`, top to bottom.
pub fn child_middles(id: &str) -> Vec<f64> {
    child_centres(id, false)
}

/// The horizontal middle of each child of the element with `id`, left to right.
pub fn child_centres_x(id: &str) -> Vec<f64> {
    child_centres(id, true)
}

fn child_centres(id: &str, horizontal: bool) -> Vec<f64> {
    #[cfg(feature = "hydrate")]
    {
        let Some(list) = leptos::prelude::document().get_element_by_id(id) else {
            return Vec::new();
        };
        let children = list.children();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .map(|c| {
                let r = c.get_bounding_client_rect();
                if horizontal {
                    r.left() + r.width() / 2.0
                } else {
                    r.top() + r.height() / 2.0
                }
            })
            .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (id, horizontal);
        Vec::new()
    }
}

/// Focuses the element with `id` once the DOM has caught up (after a move re-orders the list).
pub fn focus_soon(id: String) {
    // Leptos applies the change in microtasks; a zero timeout runs right after them, where a
    // frame could come after the user's next key press and send it to the page instead.
    #[cfg(feature = "hydrate")]
    leptos::prelude::set_timeout(
        move || {
            use leptos::wasm_bindgen::JsCast;
            if let Some(e) = leptos::prelude::document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = e.focus();
            }
        },
        std::time::Duration::ZERO,
    );
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// Makes the browser ask before the tab closes or reloads while `unsaved` says edits are not yet
/// saved; stops asking when the calling component goes.
pub fn confirm_leaving(unsaved: impl Fn() -> bool + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::{on_cleanup, window_event_listener};
        let listener = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if unsaved() {
                ev.prevent_default();
            }
        });
        on_cleanup(move || listener.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = unsaved;
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pointer_lands_between_the_rows_it_passed() {
        let middles = [10.0, 30.0, 50.0, 70.0];
        assert_eq!(super::drop_index(&middles, 0, 5.0), 0);
        assert_eq!(super::drop_index(&middles, 0, 55.0), 2);
        assert_eq!(super::drop_index(&middles, 3, 15.0), 1);
        assert_eq!(super::drop_index(&middles, 1, 100.0), 3);
    }
}
