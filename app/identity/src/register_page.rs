use super::api::Register;
use super::auth_card::AuthCard;
use super::form_error::FormError;
use super::google_button::GoogleButton;
use crate::model::PASSWORD_MIN;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::Field;

/// `/register`: create an account.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = ServerAction::<Register>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let query = leptos_router::hooks::use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <AuthCard title="Create your account" lead="Free to start. No card needed.">
            <GoogleButton next=Signal::derive(|| "/onboarding".to_owned())/>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <FormError error/>
                <input type="hidden" name="next" value=next/>
                <Field label="Name" name="name" autocomplete="name" required=true error/>
                <Field label="Email" name="email" input_type="email" autocomplete="email" required=true error/>
                <Field
                    label="Password"
                    name="password"
                    input_type="password"
                    autocomplete="new-password"
                    hint=format!("At least {PASSWORD_MIN} characters. A short sentence works well.")
                    required=true
                    error
                />
                <button type="submit" class="button button-primary button-block" aria-busy=move || action.pending().get().to_string()>
                    "Create account"
                </button>
            </ActionForm>
            <p class="auth-switch">"Already have an account? " <a href=move || { let n = next(); if n.is_empty() { "/login".to_owned() } else { format!("/login?next={}", app_core::url::encode_query_value(&n)) } }>"Log in"</a></p>
        </AuthCard>
    }
}
