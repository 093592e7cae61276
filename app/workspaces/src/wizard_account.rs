use identity::api::Logout;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Above the setup wizard: who is signed in, a way out for someone who is not them (a wrong
/// address, a shared computer), and the "confirm your email" reminder. The wizard's progress is
/// saved on the server, so logging out loses nothing.
#[component]
pub fn WizardAccount() -> impl IntoView {
    let user = identity::provide_current_user();
    let logout = ServerAction::<Logout>::new();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                user.0.await.ok().flatten().map(|u| {
                    let verified = u.email_verified;
                    let email = u.email.clone();
                    view! {
                        <div class="wizard-account">
                            <p>"Signed in as "<strong class="wizard-email">{email}</strong></p>
                            <ActionForm action=logout attr:class="inline-form">
                                <button type="submit" class="button button-ghost">"Not you? Log out"</button>
                            </ActionForm>
                        </div>
                        {(!verified).then(|| view! { <div class="wizard-banner"><identity::VerifyBanner user=u/></div> })}
                    }
                })
            })}
        </Transition>
    }
}
