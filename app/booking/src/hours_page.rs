use super::api::{get_booking_hours, SaveBookingHours};
use super::booking_tabs::BookingTabs;
use super::model::{format_hours, WEEKDAYS};
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use ui::{use_toasts, Field, FieldErrors, ToastKind};
use workspaces::api::get_workspace;

/// `/app/<handle>/booking/hours`: the member's own hours: a zone, a week of ranges and dates
/// that differ (holidays, a late day).
#[component]
pub fn HoursPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveBookingHours>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            toasts.show(ToastKind::Success, "Your hours are saved.".to_owned());
        }
    });
    let data = ui::resource(
        move || params.read().get("handle").unwrap_or_default(),
        |handle| async move {
            let ws = get_workspace(handle).await?;
            let hours = get_booking_hours(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, hours))
        },
    );
    let overrides_error = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("overrides"))
            .unwrap_or_default()
    });
    view! {
        <Title text="Your hours"/>
        <BookingTabs/>
        <h1>"Your hours"</h1>
        <p class="muted">"Times you can be booked, in your time zone. Write ranges such as 09:00-12:00, 13:00-17:00, or leave a day empty to stay closed."</p>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, hours) = data.await?;
                let overrides = hours.overrides.iter().map(|o| format!("{} {}", o.date, format_hours(&o.hours))).collect::<Vec<_>>().join("\n");
                let ws_id = ws.id.clone();
                Ok::<_, AppError>(view! {
                    <ActionForm action=save attr:class="form card">
                        <FormError error/>
                        <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                        <Field label="Time zone" name="time_zone" required=true value=hours.time_zone.clone() error hint="An IANA name such as Europe/Paris or America/New_York."/>
                        {WEEKDAYS.iter().enumerate().map(|(i, day)| {
                            let value = hours.weekly.get(i).map(|h| if h.is_empty() { String::new() } else { format_hours(h) }).unwrap_or_default();
                            view! { <Field label=*day name=format!("day{i}") autocomplete="off" value error/> }
                        }).collect_view()}
                        <div class="field">
                            <label for="hours-overrides">"Dates that differ"</label>
                            <p class="field-hint">"One a line: a date, then hours or closed. 2026-12-24 closed"</p>
                            <textarea id="hours-overrides" name="overrides" rows="4">{overrides}</textarea>
                            <FieldErrors messages=overrides_error/>
                        </div>
                        <button type="submit" class="button button-primary">{move || if save.pending().get() { "Saving…" } else { "Save hours" }}</button>
                    </ActionForm>
                    <super::calendar_card::CalendarCard workspace_id=ws_id/>
                })
            })}
        </Transition>
    }
}
