use super::api::SaveDeal;
use super::model::{DealView, Stage};
use crate::identity::form_error::FormError;
use crate::ui::{use_toasts, Field, ToastKind};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// A new deal: name, value, currency, close date, owner and, when `stages` are given, the stage.
/// An empty `pipeline_id` means the workspace's first pipeline.
#[component]
pub fn NewDealForm(
    ws_id: String,
    pipeline_id: String,
    stages: Vec<Stage>,
    currency: String,
    members: Vec<(String, String)>,
    /// The contact the deal is with, or empty.
    contact_id: String,
    on_added: Callback<DealView>,
) -> impl IntoView {
    let save = ServerAction::<SaveDeal>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(d)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} added.", d.title));
            if let Some(f) = form.get() {
                f.reset();
            }
            on_added.run(d);
        }
    });
    view! {
        <ActionForm action=save node_ref=form attr:class="form">
            <FormError error/>
            <input type="hidden" name="workspace_id" value=ws_id/>
            <input type="hidden" name="pipeline_id" value=pipeline_id/>
            <input type="hidden" name="contact_id" value=contact_id/>
            <Field label="Deal name" name="title" id="new-deal-title" required=true autocomplete="off" error/>
            <Field label="Value" name="value" id="new-deal-value" hint="e.g. 1200 or 1200.50" autocomplete="off" error/>
            <Field label="Currency" name="currency" id="new-deal-currency" value=currency error/>
            <Field label="Expected close" name="close_date" id="new-deal-close_date" input_type="date" error/>
            {(!stages.is_empty()).then(|| view! {
                <div class="field">
                    <label for="deal-stage">"Stage"</label>
                    <select id="deal-stage" name="stage_id">
                        {stages.iter().map(|s| view! { <option value=s.id.clone()>{s.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="new-deal-owner">"Owner"</label>
                <select id="new-deal-owner" name="owner_id">
                    <option value="">"Me"</option>
                    {members.iter().map(|(id, n)| view! { <option value=id.clone()>{n.clone()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-primary" disabled=move || save.pending().get()>"Add deal"</button>
        </ActionForm>
    }
}
