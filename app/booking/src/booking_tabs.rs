use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

/// The booking screens' tabs: bookings, calendar, services and the member's hours.
#[component]
pub fn BookingTabs() -> impl IntoView {
    let params = use_params_map();
    let path = use_location().pathname;
    let base = move || {
        format!(
            "/app/{}/booking",
            params.read().get("handle").unwrap_or_default()
        )
    };
    let services = move || path.get().contains("/booking/services");
    let hours = move || path.get().contains("/booking/hours");
    let calendar = move || path.get().contains("/booking/calendar");
    view! {
        <nav class="tabs" aria-label="Bookings">
            <a href=base class="tab" aria-current=move || (!services() && !hours() && !calendar()).then_some("page")>"Bookings"</a>
            <a href=move || format!("{}/calendar", base()) class="tab" aria-current=move || calendar().then_some("page")>"Calendar"</a>
            <a href=move || format!("{}/services", base()) class="tab" aria-current=move || services().then_some("page")>"Services"</a>
            <a href=move || format!("{}/hours", base()) class="tab" aria-current=move || hours().then_some("page")>"Your hours"</a>
        </nav>
    }
}
