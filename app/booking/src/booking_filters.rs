use super::model::ServiceView;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Narrows the bookings list to one service and one state; a plain GET form, so it works
/// before the page's code has loaded and the address can be shared.
#[component]
pub fn BookingFilters(services: Vec<ServiceView>) -> impl IntoView {
    let query = use_query_map();
    let now = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let (service, status, when) = (now("service"), now("status"), now("when"));
    view! {
        <form method="get" class="filters" aria-label="Filter bookings">
            <input type="hidden" name="when" value=when/>
            <label class="field">"Service"
                <select name="service">
                    <option value="">"All services"</option>
                    {services.into_iter().map(|s| {
                        let selected = s.id == service;
                        view! { <option value=s.id selected=selected>{s.settings.name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="field">"Status"
                <select name="status">
                    {[("", "Any"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled"), ("no_show", "No-show")].map(|(k, l)| {
                        view! { <option value=k selected={k == status}>{l}</option> }
                    })}
                </select>
            </label>
            <button type="submit" class="button button-secondary">"Apply"</button>
        </form>
    }
}
