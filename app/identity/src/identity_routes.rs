//! Account pages, downloaded when first visited in three groups: signing up and in; the
//! signed-in person's settings under `/settings`; the job queue under `/admin`.

use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::Route;

ui::lazy_pages! { identity_sign_in:
    IdentityRegister => crate::RegisterPage;
    IdentityLogin => crate::LoginPage;
    IdentityLoginCode => crate::LoginCodePage;
    IdentityVerifyEmail => crate::VerifyEmailPage;
    IdentityForgotPassword => crate::ForgotPasswordPage;
    IdentityResetPassword => crate::ResetPasswordPage;
}

ui::lazy_pages! { identity_account:
    IdentitySettings => crate::SettingsPage;
    IdentitySecurity => crate::SecurityPage;
}

ui::lazy_pages! { identity_admin:
    IdentityAdminJobs => crate::JobsAdminPage;
}

/// Sign-up, sign-in, email verification and password reset.
#[component(transparent)]
pub fn AccountRoutes() -> AnyNestedRoute {
    view! {
        <Route path=ui::path!("/register") view={IdentityRegister::page()}/>
        <Route path=ui::path!("/login") view={IdentityLogin::page()}/>
        <Route path=ui::path!("/login/code") view={IdentityLoginCode::page()}/>
        <Route path=ui::path!("/verify-email") view={IdentityVerifyEmail::page()}/>
        <Route path=ui::path!("/forgot-password") view={IdentityForgotPassword::page()}/>
        <Route path=ui::path!("/reset-password") view={IdentityResetPassword::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}

/// Profile and security settings, inside the `/settings` layout.
#[component(transparent)]
pub fn SettingsRoutes() -> AnyNestedRoute {
    view! {
        <Route path=ui::path!("") view={IdentitySettings::page()}/>
        <Route path=ui::path!("security") view={IdentitySecurity::page()}/>
    }
    .into_inner()
    .into_any_nested_route()
}

/// The background job queue, inside the `/admin` layout.
#[component(transparent)]
pub fn AdminRoutes() -> AnyNestedRoute {
    view! { <Route path=ui::path!("jobs") view={IdentityAdminJobs::page()}/> }
        .into_inner()
        .into_any_nested_route()
}
