use super::api::CreateWorkspace;
use super::model::suggest_handle;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::Field;

/// `/app/new`: another workspace for the same account.
#[component]
pub fn NewWorkspacePage() -> impl IntoView {
    let action = ServerAction::<CreateWorkspace>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let handle = RwSignal::new(String::new());
    view! {
        <Title text="New workspace"/>
        <h1>"New workspace"</h1>
        <section class="card settings-section">
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <FormError error/>
                <div on:input=move |ev| handle.set(suggest_handle(&event_target_value(&ev)))>
                    <Field label="Workspace name" name="name" required=true error/>
                </div>
                <Field label="Handle" name="handle" value=Signal::derive(move || handle.get()) hint="Lowercase letters, digits and dashes" required=true error/>
                <Field label="Time zone" name="time_zone" value="UTC" hint="Like Europe/Paris" required=true error/>
                <Field label="Currency" name="currency" value="USD" hint="Three letters, like USD" required=true error/>
                <button type="submit" class="button button-primary">"Create workspace"</button>
            </ActionForm>
        </section>
    }
}
