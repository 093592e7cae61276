use super::api::AddNote;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::FieldErrors;

/// Adds a note to a contact or deal; it appears on the timeline.
#[component]
pub fn NoteForm(
    workspace_id: String,
    contact_id: String,
    deal_id: String,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let add = ServerAction::<AddNote>::new();
    let error = Signal::derive(move || add.value().get().and_then(|r| r.err()));
    let body_errors = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("body"))
            .unwrap_or_default()
    });
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = add.value().get() {
            changed.update(|v| *v += 1);
            if let Some(f) = form.get_untracked() {
                f.reset();
            }
        }
    });
    view! {
        <section class="card" aria-labelledby="note-heading">
            <h2 id="note-heading">"Add a note"</h2>
            <ActionForm action=add node_ref=form attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=workspace_id/>
                <input type="hidden" name="contact_id" value=contact_id/>
                <input type="hidden" name="deal_id" value=deal_id/>
                <div class="field">
                    <label for="note-body">"Note"</label>
                    <textarea id="note-body" name="body" rows="3" required=true></textarea>
                    <FieldErrors messages=body_errors/>
                </div>
                <button type="submit" class="button button-secondary" disabled=move || add.pending().get()>"Add note"</button>
            </ActionForm>
        </section>
    }
}
