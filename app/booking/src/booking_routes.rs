//! Booking's pages under `/app/:handle/booking`, downloaded together when the first of them is
//! visited.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;

ui::lazy_pages! { booking_pages:
    BookingList => crate::BookingsPage;
    BookingServices => crate::ServicesPage;
    BookingService => crate::ServicePage;
    BookingHours => crate::HoursPage;
    BookingCalendar => crate::CalendarPage;
}

/// Booking's routes, inside the signed-in layout.
#[component(transparent)]
pub fn BookingRoutes() -> AnyNestedRoute {
    view! {
        <Route path=ui::path!(":handle/booking") view={BookingList::page()}/>
        <Route path=ui::path!(":handle/booking/services") view={BookingServices::page()}/>
        <Route path=ui::path!(":handle/booking/services/:id") view={BookingService::page()}/>
        <Route path=ui::path!(":handle/booking/hours") view={BookingHours::page()}/>
        <Route path=ui::path!(":handle/booking/calendar") view={BookingCalendar::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
