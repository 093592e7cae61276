use super::api::get_booking_calendar;
use super::booking_tabs::BookingTabs;
use super::model::{BookingStatus, CalendarDay};
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use workspaces::api::get_workspace;

/// `/app/<handle>/booking/calendar`: bookings by day, week (Monday first) or month on the
/// workspace's clock, with steps back and forward; on a phone the week's days stack.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let view_of = move || query.read().get("view").unwrap_or_else(|| "week".into());
    let data = ui::resource(
        move || {
            (
                params.read().get("handle").unwrap_or_default(),
                view_of(),
                query.read().get("date").unwrap_or_default(),
            )
        },
        |(handle, view, date)| async move {
            let ws = get_workspace(handle).await?;
            get_booking_calendar(ws.id, view, date).await
        },
    );
    let link = move |view: String, date: &str| format!("?view={view}&date={date}");
    view! {
        <Title text="Calendar"/>
        <BookingTabs/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let cal = data.await?;
                let v = cal.view.clone();
                let tabs = ["day", "week", "month"].map(|k| {
                    let label = match k { "day" => "Day", "week" => "Week", _ => "Month" };
                    view! { <a class="segment" href=link(k.to_owned(), &cal.date) aria-current=(v == k).then_some("page")>{label}</a> }
                });
                let days = cal.days.into_iter().map(|d| view! { <Day d compact={v == "month"}/> }).collect_view();
                Ok::<_, AppError>(view! {
                    <h1>{cal.title.clone()}</h1>
                    <div class="calendar-bar">
                        <nav class="segmented" aria-label="View">{tabs}</nav>
                        <nav class="calendar-steps" aria-label="Dates">
                            <a class="button button-secondary" href=link(v.clone(), &cal.prev)>"← Earlier"</a>
                            <a class="button button-secondary" href=link(v.clone(), &cal.today)>"Today"</a>
                            <a class="button button-secondary" href=link(v.clone(), &cal.next)>"Later →"</a>
                        </nav>
                    </div>
                    <ol class=format!("calendar calendar-{v}") aria-label="Days">{days}</ol>
                })
            })}
        </Transition>
    }
}

/// One day's cell: its date and its bookings (in a month, at most three and a count).
#[component]
fn Day(d: CalendarDay, compact: bool) -> impl IntoView {
    let more = if compact && d.bookings.len() > 3 {
        d.bookings.len() - 3
    } else {
        0
    };
    let shown = if compact {
        d.bookings.into_iter().take(3).collect::<Vec<_>>()
    } else {
        d.bookings
    };
    view! {
        <li class="calendar-day" class:calendar-out=!d.in_range class:calendar-today=d.today aria-current=d.today.then_some("date")>
            <h2 class="calendar-date"><span class="calendar-weekday">{d.weekday}" "</span>{d.number}</h2>
            <ul class="calendar-items">
                {shown.into_iter().map(|b| {
                    let cancelled = b.status != BookingStatus::Confirmed;
                    view! {
                        <li class="calendar-item" class:calendar-cancelled=cancelled title=format!("{} · {} · {}", b.service_name, b.email, b.status.label())>
                            <strong>{b.time.clone()}</strong><span class="calendar-name">" "{b.name.clone()}</span>
                            {(!compact).then(|| view! { <span class="muted">{format!(" · {} · {} min", b.service_name, b.minutes)}</span> })}
                        </li>
                    }
                }).collect_view()}
                {(more > 0).then(|| view! { <li class="muted">{format!("+{more} more")}</li> })}
            </ul>
        </li>
    }
}
