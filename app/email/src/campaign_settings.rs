use super::api::SaveEmailCampaign;
use super::model::CampaignView;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::Field;

/// A draft's subject and preview line, saved with the button; `saved` hears each saved subject.
#[component]
pub fn CampaignSettings(
    workspace_id: String,
    campaign: CampaignView,
    saved: Callback<String>,
) -> impl IntoView {
    let save = ServerAction::<SaveEmailCampaign>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(c)) = save.value().get() {
            saved.run(c.subject);
        }
    });
    view! {
        <section class="card" aria-labelledby="campaign-settings">
            <h2 id="campaign-settings">"Subject"</h2>
            <ActionForm action=save attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=workspace_id/>
                <input type="hidden" name="id" value=campaign.id.clone()/>
                <input type="hidden" name="list_id" value=campaign.list_id.clone()/>
                <Field label="Subject" name="subject" required=true autocomplete="off" value=campaign.subject.clone() error
                    hint="{{first_name|there}} works here too."/>
                <Field label="Preview text" name="preview" hint="Shown after the subject in most inboxes." autocomplete="off" value=campaign.preview.clone() error/>
                <button type="submit" class="button button-secondary">{move || if save.pending().get() { "Saving…" } else { "Save subject" }}</button>
            </ActionForm>
        </section>
    }
}
