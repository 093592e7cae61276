use super::api::{get_booking_calendar_link, DisconnectBookingCalendar};
use app_core::error::AppError;
use leptos::prelude::*;

/// The member's Google Calendar: connect it (its busy times then block bookings, and bookings
/// appear in it), or disconnect it; what the server needs when it cannot.
#[component]
pub fn CalendarCard(workspace_id: String) -> impl IntoView {
    let disconnect = ServerAction::<DisconnectBookingCalendar>::new();
    let id = workspace_id.clone();
    let status = ui::resource(
        move || disconnect.version().get(),
        move |_| get_booking_calendar_link(id.clone()),
    );
    view! {
        <section class="card" aria-labelledby="calendar-link">
            <h2 id="calendar-link">"Google Calendar"</h2>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || {
                    let workspace_id = workspace_id.clone();
                    Suspend::new(async move {
                        let (configured, connected) = status.await?;
                        let body = match (configured, connected) {
                            (false, _) => view! { <p class="muted">"Connecting a calendar needs Google set up on the server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET). Until then only Mewayz bookings block your time."</p> }.into_any(),
                            (true, false) => view! {
                                <p class="muted">"Busy times in your calendar are taken out of your open times, and each booking is added to it."</p>
                                <a class="button button-primary" href=format!("/booking/google/connect/{workspace_id}") rel="external">"Connect Google Calendar"</a>
                            }.into_any(),
                            (true, true) => view! {
                                <p>"Connected: your busy times block bookings, and bookings are added to your calendar."</p>
                                <button type="button" class="button button-secondary" on:click=move |_| { disconnect.dispatch(DisconnectBookingCalendar { workspace_id: workspace_id.clone() }); }>"Disconnect"</button>
                            }.into_any(),
                        };
                        Ok::<_, AppError>(body)
                    })
                }}
            </Transition>
        </section>
    }
}
