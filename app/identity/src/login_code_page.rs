use super::api::LoginCode;
use super::auth_card::AuthCard;
use super::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::Field;

/// `/login/code`: the second step of logging in when two-step verification is on.
#[component]
pub fn LoginCodePage() -> impl IntoView {
    let action = ServerAction::<LoginCode>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    view! {
        <AuthCard title="Enter your code" lead="Open your authenticator app and enter the 6-digit code for Mewayz.">
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <FormError error/>
                <Field
                    label="Authentication code"
                    name="code"
                    autocomplete="one-time-code"
                    hint="Lost your phone? Enter one of your recovery codes instead."
                    required=true
                    error
                />
                <button type="submit" class="button button-primary button-block">"Verify"</button>
            </ActionForm>
            <p class="auth-switch"><a href="/login">"Start again"</a></p>
        </AuthCard>
    }
}
