//! The shell of Mewayz: the HTML document, the route table, the layout and navigation, and the
//! pages that gather every module. Each module is a crate of its own under `app/`.
#![recursion_limit = "256"]

pub mod home;
pub mod landing;
pub mod layout;

// The crates below under one roof, so the server and its tests name them through the shell.
pub use app_core::{error, text, url};
#[cfg(feature = "ssr")]
pub use platform;
pub use {billing, bio, booking, crm, email, identity, sites, ui, workspaces};

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};

/// The HTML document around the app, rendered on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::MetaTags;
    let state = expect_context::<platform::AppState>();
    set_page_csp(&state);
    let theme = ui::theme::current_theme();
    let css = state.assets.css.clone();
    view! {
        <!DOCTYPE html>
        <html lang="en" data-theme=theme.attribute()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <meta name="theme-color" content="#6d4aff"/>
                <meta name="description" content="Mewayz: link in bio, website, bookings, CRM, email, courses and more in one app."/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <link rel="stylesheet" href=css/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <script src="/pwa.js" defer></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Puts this response's CSP, with the nonce Leptos put on its inline scripts, in the headers.
#[cfg(feature = "ssr")]
fn set_page_csp(state: &platform::AppState) {
    use leptos::nonce::use_nonce;
    let Some(nonce) = use_nonce() else { return };
    let opts = &state.leptos_options;
    let reload_ws = format!("ws://{}:{}", opts.site_addr.ip(), opts.reload_port);
    let csp = platform::security::page_csp(&nonce, state.config.env, Some(&reload_ws));
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&csp),
    ) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The application: providers and the route table.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    ui::toast::provide_toasts();
    // A page's code may still be downloading after a click: show that something is coming.
    let (routing, set_routing) = signal(false);

    view! {
        <Title formatter=|page: String| if page.is_empty() { "Mewayz".to_owned() } else { format!("{page} · Mewayz") }/>
        <Router set_is_routing=set_routing>
            <Show when=move || routing.get()>
                <div class="route-progress" role="progressbar" aria-label="Loading the page"></div>
            </Show>
            <Routes fallback=|| view! { <ui::NotFoundPage/> }>
                <Route path=ui::path!("/") view=landing::LandingPage/>
                <identity::AccountRoutes/>
                <Route path=ui::path!("/onboarding") view={OnboardingRoute::page()}/>
                <workspaces::InviteRoute/>
                <ParentRoute path=ui::path!("/app") view=layout::AppLayout>
                    <workspaces::WorkspaceRoutes/>
                    <Route path=ui::path!("more") view=home::MorePage/>
                    <Route path=ui::path!(":handle") view=home::WorkspaceDashboardPage/>
                    <billing::BillingRoutes/>
                    <bio::BioRoutes/>
                    <email::EmailRoutes/>
                    <booking::BookingRoutes/>
                    <sites::SitesRoutes/>
                    <crm::CrmRoutes/>
                </ParentRoute>
                <ParentRoute path=ui::path!("/admin") view=layout::AppLayout>
                    <billing::AdminRoutes/>
                    <identity::AdminRoutes/>
                </ParentRoute>
                <ParentRoute path=ui::path!("/settings") view=layout::AppLayout>
                    <identity::SettingsRoutes/>
                </ParentRoute>
            </Routes>
        </Router>
        <ui::ToastRegion/>
    }
}

ui::lazy_pages! { onboarding:
    OnboardingRoute => crate::Onboarding;
}

/// The setup wizard, with billing's plan choices as its plan step.
#[component]
fn Onboarding() -> impl IntoView {
    let plans = Callback::new(|workspace_id: String| {
        view! { <billing::WizardPlans workspace_id/> }.into_any()
    });
    view! { <workspaces::OnboardingPage plans/> }
}
