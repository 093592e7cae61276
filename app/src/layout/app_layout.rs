use super::{BottomNav, Sidebar, TopBar};
use crate::identity::{provide_current_user, VerifyBanner};
use crate::ui::{error_page::first_app_error, ErrorPage};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};

/// The frame of every signed-in screen; a failing screen shows the error page inside it. The
/// server already redirects signed-out visitors; this also catches client-side navigation.
#[component]
pub fn AppLayout() -> impl IntoView {
    let user = provide_current_user();
    view! {
        <div class="app-shell">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Sidebar/>
            <div class="app-main">
                <TopBar/>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match user.0.await {
                            Ok(Some(u)) if !u.email_verified => view! { <VerifyBanner user=u/> }.into_any(),
                            Ok(None) => view! { <Redirect path="/login"/> }.into_any(),
                            _ => ().into_any(),
                        }
                    })}
                </Transition>
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
