use super::api::SaveEmailSequence;
use super::model::{SequenceView, Trigger};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::Field;

/// Name, trigger and exit tag, saved with the button.
#[component]
pub fn SequenceSettings(
    workspace_id: String,
    sequence: SequenceView,
    saved: Callback<SequenceView>,
) -> impl IntoView {
    let save = ServerAction::<SaveEmailSequence>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(s)) = save.value().get() {
            saved.run(s);
        }
    });
    view! {
        <section class="card" aria-labelledby="sequence-settings">
            <h2 id="sequence-settings">"Settings"</h2>
            <ActionForm action=save attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=workspace_id/>
                <input type="hidden" name="id" value=sequence.id.clone()/>
                <Field label="Name" name="name" required=true autocomplete="off" value=sequence.name.clone() error/>
                <div class="field">
                    <label for="sequence-trigger">"Starts when someone"</label>
                    <select id="sequence-trigger" name="trigger">
                        {Trigger::ALL.iter().map(|t| view! { <option value=t.key() selected=*t == sequence.trigger>{t.label()}</option> }).collect_view()}
                    </select>
                </div>
                <Field label="Tag that starts it" name="trigger_tag" autocomplete="off" value=sequence.trigger_tag.clone() error
                    hint="When it starts on a tag: people on the list whose contact gets this tag."/>
                <Field label="Exit tag" name="exit_tag" autocomplete="off" value=sequence.exit_tag.clone() error
                    hint="Someone whose CRM contact gets this tag (a customer, say) leaves at their next step."/>
                <button type="submit" class="button button-secondary">{move || if save.pending().get() { "Saving…" } else { "Save settings" }}</button>
            </ActionForm>
        </section>
    }
}
