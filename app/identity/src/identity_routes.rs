//! Account pages, each downloaded when first visited: signing up and in, and the signed-in
//! person's settings under `/settings`, and the job queue under `/admin`.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;
use leptos_router::path;

ui::lazy_page! {
    IdentityRegister => crate::RegisterPage;
    IdentityLogin => crate::LoginPage;
    IdentityLoginCode => crate::LoginCodePage;
    IdentityVerifyEmail => crate::VerifyEmailPage;
    IdentityForgotPassword => crate::ForgotPasswordPage;
    IdentityResetPassword => crate::ResetPasswordPage;
    IdentitySettings => crate::SettingsPage;
    IdentitySecurity => crate::SecurityPage;
    IdentityAdminJobs => crate::JobsAdminPage;
}

/// Sign-up, sign-in, email verification and password reset.
#[component(transparent)]
pub fn AccountRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/register") view={IdentityRegister::page()}/>
        <Route path=path!("/login") view={IdentityLogin::page()}/>
        <Route path=path!("/login/code") view={IdentityLoginCode::page()}/>
        <Route path=path!("/verify-email") view={IdentityVerifyEmail::page()}/>
        <Route path=path!("/forgot-password") view={IdentityForgotPassword::page()}/>
        <Route path=path!("/reset-password") view={IdentityResetPassword::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}

/// Profile and security settings, inside the `/settings` layout.
#[component(transparent)]
pub fn SettingsRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("") view={IdentitySettings::page()}/>
        <Route path=path!("security") view={IdentitySecurity::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}

/// The background job queue, inside the `/admin` layout.
#[component(transparent)]
pub fn AdminRoutes() -> AnyNestedRoute {
    view! { <Route path=path!("jobs") view={IdentityAdminJobs::page()}/> }
        .into_inner()
        .into_any_nested_route()
}
