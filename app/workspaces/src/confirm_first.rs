use identity::api::ResendVerification;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// On an invitation for an address not yet confirmed: where the confirmation link went, and a
/// way to get another one that leads back to `next` (the invitation).
#[component]
pub fn ConfirmFirst(email: String, next: String) -> impl IntoView {
    let resend = ServerAction::<ResendVerification>::new();
    let error = Signal::derive(move || resend.value().get().and_then(|r| r.err()));
    let sent = move || matches!(resend.value().get(), Some(Ok(())));
    view! {
        <p role="alert">
            "Confirm your email to accept: open the link we sent to " <strong>{email}</strong>
            ". It brings you back here."
        </p>
        <ActionForm action=resend attr:class="form">
            <FormError error/>
            <input type="hidden" name="next" value=next/>
            <button type="submit" class="button button-secondary button-block">"Send the link again"</button>
        </ActionForm>
        <Show when=sent>
            <p role="status">"Sent. Check your inbox."</p>
        </Show>
    }
}
