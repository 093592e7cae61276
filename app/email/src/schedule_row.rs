use super::api::control_email_campaign;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::FieldErrors;

/// "Send at" a date and time in the workspace's time zone `time_zone`, with its problem next to
/// the field; `done` hears when it is scheduled, `close` when the member changes their mind.
#[component]
pub fn ScheduleRow(
    workspace_id: String,
    campaign_id: String,
    time_zone: String,
    done: Callback<()>,
    close: Callback<()>,
) -> impl IntoView {
    let at = RwSignal::new(String::new());
    let messages = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let ids = StoredValue::new((workspace_id, campaign_id));
    let schedule = move |_| {
        busy.set(true);
        let (ws, id) = ids.get_value();
        spawn_local(async move {
            match control_email_campaign(ws, id, "schedule".into(), at.get_untracked()).await {
                Ok(_) => done.run(()),
                Err(e) => {
                    let mut m = e.field_messages("at");
                    m.extend(e.field_messages("form"));
                    if m.is_empty() {
                        m.push(e.to_string());
                    }
                    messages.set(m);
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="confirm-row" role="group" aria-label="Schedule">
            <div class="field" class:field-invalid=move || !messages.get().is_empty()>
                <label for="schedule-at">"Send at"</label>
                <p class="field-hint" id="schedule-at-hint">{format!("Time zone: {time_zone} (the workspace's).")}</p>
                <input id="schedule-at" type="datetime-local" aria-describedby="schedule-at-hint schedule-at-error"
                    prop:value=move || at.get() on:input=move |ev| at.set(event_target_value(&ev))/>
                <FieldErrors messages=Signal::derive(move || messages.get()) id="schedule-at-error".to_owned()/>
            </div>
            <button type="button" class="button button-primary" disabled=busy on:click=schedule>"Schedule"</button>
            <button type="button" class="button button-ghost" on:click=move |_| close.run(())>"Not yet"</button>
        </div>
    }
}
