use super::api::Login;
use super::auth_card::AuthCard;
use super::form_error::FormError;
use super::google_button::GoogleButton;
use super::model::sign_in_error;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use ui::Field;

/// `/login`: sign in, then continue where the person was going.
#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let reset = move || query.read().get("reset").is_some();
    let problem = move || query.read().get("error").and_then(|c| sign_in_error(&c));
    view! {
        <AuthCard title="Log in">
            <Show when=reset>
                <p class="form-notice" role="status">"Your password was changed. Log in with the new one."</p>
            </Show>
            <Show when=move || problem().is_some()>
                <p class="form-error" role="alert">{problem}</p>
            </Show>
            <GoogleButton next=Signal::derive(next)/>
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <FormError error/>
                <Field label="Email" name="email" input_type="email" autocomplete="email" required=true error/>
                <Field label="Password" name="password" input_type="password" autocomplete="current-password" required=true error/>
                <input type="hidden" name="next" value=next/>
                <button type="submit" class="button button-primary button-block" aria-busy=move || action.pending().get().to_string()>
                    "Log in"
                </button>
            </ActionForm>
            <p class="auth-switch"><a href="/forgot-password">"Forgot your password?"</a></p>
            <p class="auth-switch">"New to Mewayz? " <a href="/register">"Create an account"</a></p>
        </AuthCard>
    }
}
