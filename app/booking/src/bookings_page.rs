use super::api::{get_booking_services, get_bookings, BookManually, SetBookingStatus};
use super::booking_filters::BookingFilters;
use super::booking_tabs::BookingTabs;
use super::manual_booking::ManualBooking;
use super::model::{BookingStatus, BookingView};
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use ui::{saved_version, EmptyState, IconName};
use workspaces::api::get_workspace;

/// `/app/<handle>/booking`: upcoming bookings (or the last 90 days'), each with who booked,
/// their answers, and cancel / no-show for members who edit.
#[component]
pub fn BookingsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let change = ServerAction::<SetBookingStatus>::new();
    let manual = ServerAction::<BookManually>::new();
    let past = move || query.read().get("when").as_deref() == Some("past");
    let manual_saved = saved_version(*manual);
    let data = ui::resource(
        move || {
            (
                params.read().get("handle").unwrap_or_default(),
                past(),
                change.version().get() + manual_saved.get(),
                (
                    query.read().get("service").unwrap_or_default(),
                    query.read().get("status").unwrap_or_default(),
                ),
            )
        },
        |(handle, past, _, (service, status))| async move {
            let ws = get_workspace(handle).await?;
            let when = if past { "past" } else { "upcoming" };
            let list = get_bookings(ws.id.clone(), when.to_owned(), service, status).await?;
            let services = get_booking_services(ws.id.clone()).await?.services;
            Ok::<_, AppError>((ws, list, services))
        },
    );
    view! {
        <Title text="Bookings"/>
        <BookingTabs/>
        <h1>"Bookings"</h1>
        <nav class="segmented" aria-label="Period">
            <a href="?when=upcoming" class="segment" aria-current=move || (!past()).then_some("page")>"Upcoming"</a>
            <a href="?when=past" class="segment" aria-current=move || past().then_some("page")>"Past"</a>
        </nav>
        {move || change.value().get().and_then(|r| r.err()).map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, list, services) = data.await?;
                let filters = view! { <BookingFilters services=services.clone()/> };
                let book = (list.can_edit && !services.is_empty()).then(|| view! { <ManualBooking workspace_id=ws.id.clone() services action=manual/> });
                if list.bookings.is_empty() {
                    let body = if past() { "Bookings of the last 90 days show here." } else { "Share your booking page and new bookings show here." };
                    return Ok::<_, AppError>(view! {
                        {filters}
                        <EmptyState icon=IconName::Calendar title="No bookings" body=body/>
                        <p><a href=format!("/app/{}/booking/services", ws.handle)>"Set up services"</a></p>
                        {book}
                    }.into_any());
                }
                let can_edit = list.can_edit;
                let ws_id = ws.id.clone();
                let calendar = format!("/app/{}/booking/calendar", ws.handle);
                Ok(view! {
                    {filters}
                    <p class="muted">{format!("Times in {}.", list.time_zone)}</p>
                    <ul class="email-lists" aria-label="Bookings">
                        {list.bookings.into_iter().map(|b| view! { <BookingRow b can_edit workspace_id=ws_id.clone() change calendar=calendar.clone()/> }).collect_view()}
                    </ul>
                    {book}
                }.into_any())
            })}
        </Transition>
    }
}

/// One booking with its actions.
#[component]
fn BookingRow(
    b: BookingView,
    can_edit: bool,
    workspace_id: String,
    change: ServerAction<SetBookingStatus>,
    /// The calendar page's path.
    calendar: String,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let open = b.status == BookingStatus::Confirmed;
    let act = move |status: &str| {
        change.dispatch(SetBookingStatus {
            workspace_id: workspace_id.clone(),
            id: b.id.clone(),
            status: status.to_owned(),
        });
    };
    let act2 = act.clone();
    view! {
        <li class="card">
            <h2>{format!("{} · {}", b.when, b.service_name)}</h2>
            <p><a href=format!("{calendar}?view=day&date={}", b.day)>"See the day"</a></p>
            <p><span class="badge">{b.status.label()}</span>{format!(" {} <{}> · {} min", b.name, b.email, b.minutes)}{(!b.paid.is_empty()).then(|| format!(" · paid {}", b.paid))}</p>
            {b.answers.into_iter().filter(|(_, a)| !a.is_empty()).map(|(q, a)| view! { <p class="muted">{q}": "{a}</p> }).collect_view()}
            {(can_edit && open).then(|| view! {
                <Show when=move || asking.get() fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="button button-secondary" on:click=move |_| asking.set(true)>"Cancel booking…"</button>
                        <button type="button" class="button button-secondary" on:click={ let act = act2.clone(); move |_| act("no_show") }>"Mark no-show"</button>
                    </div>
                }>
                    <p>"Cancel this booking? Its time opens for others."</p>
                    <div class="actions">
                        <button type="button" class="button button-danger" on:click={ let act = act.clone(); move |_| act("cancelled") }>"Cancel booking"</button>
                        <button type="button" class="button button-secondary" on:click=move |_| asking.set(false)>"Keep it"</button>
                    </div>
                </Show>
            })}
        </li>
    }
}
