use super::{BottomNav, Sidebar, TopBar};
use crate::ui::{error_page::first_app_error, ErrorPage};
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// The frame of every signed-in screen; a failing screen shows the error page inside it.
#[component]
pub fn AppLayout() -> impl IntoView {
    view! {
        <div class="app-shell">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Sidebar/>
            <div class="app-main">
                <TopBar/>
                <main id="main" class="content">
                    <ErrorBoundary fallback=|errors| view! { <ErrorPage error=first_app_error(&errors.get())/> }>
                        <Outlet/>
                    </ErrorBoundary>
                </main>
            </div>
            <BottomNav/>
        </div>
    }
}
