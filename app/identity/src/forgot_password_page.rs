use super::api::RequestPasswordReset;
use super::auth_card::AuthCard;
use super::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::Field;

/// `/forgot-password`: ask for a reset link. The answer never says whether the account exists.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let query = leptos_router::hooks::use_query_map();
    let sent = move || query.read().get("sent").is_some();
    view! {
        <AuthCard title="Reset your password" lead="Enter the email you signed up with and we will send you a link to choose a new password.">
            <Show
                when=sent
                fallback=move || view! {
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <FormError error/>
                        <Field label="Email" name="email" input_type="email" autocomplete="email" required=true error/>
                        <button type="submit" class="button button-primary button-block">"Send reset link"</button>
                    </ActionForm>
                }
            >
                <p role="status">"If an account exists for that email, a reset link is on its way. It works for 30 minutes."</p>
            </Show>
            <p class="auth-switch"><a href="/login">"Back to log in"</a></p>
        </AuthCard>
    }
}
