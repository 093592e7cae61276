use super::api::VerifyEmail;
use super::auth_card::AuthCard;
use super::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/verify-email?token=…[&next=…]`: the emailed link lands here. Confirming takes a click, so
/// that mail scanners that open links do not use up the single-use token; then the server sends
/// the browser on to `next` (an invitation waiting on the address) or back here.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let query = use_query_map();
    // The server redirects here with `verified=1`, which also works before the app has loaded.
    let done = move || query.read().get("verified").is_some();
    let token = move || query.read().get("token").unwrap_or_default();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <AuthCard title="Confirm your email">
            <Show
                when=done
                fallback=move || view! {
                    <ActionForm action=action attr:class="form">
                        <FormError error/>
                        <input type="hidden" name="token" value=token/>
                        <input type="hidden" name="next" value=next/>
                        <button type="submit" class="button button-primary button-block">"Confirm my email"</button>
                    </ActionForm>
                }
            >
                <p role="status">"Your email is confirmed. Thank you!"</p>
                <a class="button button-primary button-block" href="/app">"Go to your dashboard"</a>
            </Show>
        </AuthCard>
    }
}
