use super::api::{get_email_audiences, SaveEmailCampaign};
use super::audience_select::AudienceSelect;
use super::model::CampaignView;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::Field;

/// A draft's audience (list or segment; a sequence's email has its sequence's), subject and
/// preview line, saved with the button;
/// `saved` hears each saved campaign.
#[component]
pub fn CampaignSettings(
    workspace_id: String,
    campaign: CampaignView,
    saved: Callback<CampaignView>,
) -> impl IntoView {
    let save = ServerAction::<SaveEmailCampaign>::new();
    let selected = StoredValue::new(match campaign.segment_id.as_str() {
        "" => campaign.list_id.clone(),
        seg => format!("{}/{seg}", campaign.list_id),
    });
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(c)) = save.value().get() {
            saved.run(c);
        }
    });
    // A sequence's email goes to the sequence's list: nothing to choose, nothing to fetch.
    let in_sequence = !campaign.sequence_id.is_empty();
    let fixed = move || view! { <input type="hidden" name="list_id" value=selected.get_value()/> };
    let picker = if in_sequence {
        fixed().into_any()
    } else {
        let ws = workspace_id.clone();
        let audiences = ui::resource(|| (), move |_| get_email_audiences(ws.clone()));
        view! {
            <Transition fallback=fixed>
                {move || Suspend::new(async move {
                    let o = audiences.await?;
                    Ok::<_, AppError>(view! { <AudienceSelect lists=o.lists segments=o.segments selected=selected.get_value() error/> })
                })}
            </Transition>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="campaign-settings">
            <h2 id="campaign-settings">{if in_sequence { "Subject" } else { "Audience and subject" }}</h2>
            <ActionForm action=save attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=workspace_id/>
                <input type="hidden" name="id" value=campaign.id.clone()/>
                {picker}
                <Field label="Subject" name="subject" required=true autocomplete="off" value=campaign.subject.clone() error
                    hint="{{first_name|there}} works here too."/>
                <Field label="Preview text" name="preview" hint="Shown after the subject in most inboxes." autocomplete="off" value=campaign.preview.clone() error/>
                <button type="submit" class="button button-secondary">{move || if save.pending().get() { "Saving…" } else { "Save" }}</button>
            </ActionForm>
        </section>
    }
}
