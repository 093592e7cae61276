use super::billing_page::Actions;
use app_core::money::money;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The prorated cost of a plan change, from Stripe's invoice preview, with the confirmation:
/// nothing changes until the owner confirms.
#[component]
pub fn ChangePreviewPanel(a: Actions, workspace_id: String) -> impl IntoView {
    // The preview appears above the plans the owner scrolled down to: bring it into view.
    let panel = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            let _ = el.focus();
        }
    });
    move || {
        let p = a.preview.value().get().and_then(|r| r.ok())?;
        let ws = workspace_id.clone();
        let interval = p.interval;
        Some(view! {
            <section node_ref=panel tabindex="-1" class="card settings-section change-preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{format!("Switch to {} ({})", p.plan_name, interval.label().to_lowercase())}</h2>
                <dl class="figures">
                    <div><dt>"Due today (prorated)"</dt><dd>{money(p.due_now, &p.currency)}</dd></div>
                    {(p.credit > 0).then(|| view! {
                        <div><dt>"Credit for unused time"</dt><dd>{money(p.credit, &p.currency)}</dd></div>
                    })}
                    <div><dt>{format!("Then every {}", interval.as_str())}</dt><dd>{money(p.next_amount, &p.currency)}</dd></div>
                </dl>
                <div class="confirm-row">
                    <ActionForm action=a.change attr:class="inline-form">
                        <input type="hidden" name="workspace_id" value=ws/>
                        <input type="hidden" name="plan" value=p.plan_key.clone()/>
                        <input type="hidden" name="interval" value=interval.as_str()/>
                        <input type="hidden" name="proration_date" value=p.proration_date.to_string()/>
                        <button type="submit" class="button button-primary">"Confirm change"</button>
                    </ActionForm>
                    <button type="button" class="button button-ghost" on:click=move |_| a.preview.value().set(None)>"Keep current plan"</button>
                </div>
            </section>
        })
    }
}
