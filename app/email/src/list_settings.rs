use super::api::SaveEmailList;
use super::model::ListView;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::Field;

/// A list's name, double opt-in and whether it takes the link-in-bio page's signups, saved with
/// the button; `saved` hears the saved list.
#[component]
pub fn ListSettings(
    workspace_id: String,
    list: ListView,
    saved: Callback<ListView>,
) -> impl IntoView {
    let save = ServerAction::<SaveEmailList>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(l)) = save.value().get() {
            saved.run(l);
        }
    });
    view! {
        <section class="card" aria-labelledby="list-settings">
            <h2 id="list-settings">"Settings"</h2>
            <ActionForm action=save attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=workspace_id/>
                <input type="hidden" name="id" value=list.id.clone()/>
                <Field label="List name" name="name" required=true autocomplete="off" value=list.name.clone() error/>
                <label class="choice">
                    <input type="checkbox" name="double_opt_in" value="on" checked=list.double_opt_in/>
                    " Ask signups to confirm by email (double opt-in)"
                </label>
                <label class="choice">
                    <input type="checkbox" name="bio_signups" value="on" checked=list.bio_signups/>
                    " Add people who sign up on the link-in-bio page"
                </label>
                <button type="submit" class="button button-secondary">{move || if save.pending().get() { "Saving…" } else { "Save settings" }}</button>
            </ActionForm>
        </section>
    }
}
