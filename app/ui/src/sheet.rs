use super::{Icon, IconName};
use leptos::prelude::*;

/// A sheet that rises from the bottom on phones and sits in the middle on wider screens: the
/// browser's own modal dialog, so focus stays inside, Escape closes it and the page behind is
/// inert. A tap on the dimmed page behind closes it too.
#[component]
pub fn Sheet(
    /// Shown while true; closing the sheet sets it false.
    open: RwSignal<bool>,
    /// The sheet's heading.
    #[prop(into)]
    title: String,
    /// The dialog's id, for the control that opens it.
    id: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <dialog
            node_ref=dialog
            id=id
            class="sheet"
            aria-labelledby=labelled_by
            on:close=move |_| open.set(false)
            on:click=move |ev| {
                // The sheet's content fills the dialog, so a click on the dialog itself is on
                // the backdrop.
                if ev.target() == ev.current_target() {
                    open.set(false);
                }
            }
        >
            <div class="sheet-body">
                <div class="sheet-head">
                    <h2 id=heading>{title}</h2>
                    <button type="button" class="icon-button" on:click=move |_| open.set(false)>
                        <Icon name=IconName::Close/>
                        <span class="visually-hidden">"Close"</span>
                    </button>
                </div>
                {children()}
            </div>
        </dialog>
    }
}
