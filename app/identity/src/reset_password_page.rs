use super::api::ResetPassword;
use super::auth_card::AuthCard;
use super::form_error::FormError;
use crate::model::PASSWORD_MIN;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use ui::Field;

/// `/reset-password?token=…`: choose a new password from the emailed link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let token = move || use_query_map().read().get("token").unwrap_or_default();
    view! {
        <AuthCard title="Choose a new password" lead="You will be signed out on every device and can log in with the new password.">
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <FormError error/>
                <input type="hidden" name="token" value=token/>
                <Field
                    label="New password"
                    name="password"
                    input_type="password"
                    autocomplete="new-password"
                    hint=format!("At least {PASSWORD_MIN} characters.")
                    required=true
                    error
                />
                <button type="submit" class="button button-primary button-block">"Set new password"</button>
            </ActionForm>
            <p class="auth-switch"><a href="/forgot-password">"Request a new link"</a></p>
        </AuthCard>
    }
}
