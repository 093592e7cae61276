use super::api::{preview_invitation, AcceptInvitation};
use super::confirm_first::ConfirmFirst;
use identity::auth_card::AuthCard;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/invite?token=…`: what the invitation offers, and the way in: accept when signed in with the
/// invited email, otherwise sign up or log in first and come back here.
#[component]
pub fn InvitePage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let preview = ui::resource(token, preview_invitation);
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = Signal::derive(move || accept.value().get().and_then(|r| r.err()));
    view! {
        <AuthCard title="You are invited">
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let here = format!("/invite?token={}", token());
                    match preview.await {
                        Err(e) => view! { <p class="form-error" role="alert">{e.field_messages("token").join(" ")}{(!e.is_field_level()).then(|| e.to_string())}</p> }.into_any(),
                        Ok(p) => {
                            let offer = format!("Join {} as {}.", p.workspace_name, p.role.label().to_lowercase());
                            let action = if p.for_you && !p.verified {
                                view! { <ConfirmFirst email=p.email.clone() next=here.clone()/> }.into_any()
                            } else if p.for_you {
                                view! {
                                    <ActionForm action=accept attr:class="form">
                                        <FormError error/>
                                        <input type="hidden" name="token" value=token()/>
                                        <button type="submit" class="button button-primary button-block">"Accept invitation"</button>
                                    </ActionForm>
                                }.into_any()
                            } else if p.signed_in {
                                view! { <p class="form-error" role="alert">{format!("This invitation is for {}. Log out and log in with that email to accept it.", p.email)}</p> }.into_any()
                            } else {
                                let next = app_core::url::encode_query_value(&here);
                                view! {
                                    <p class="muted">{format!("It was sent to {}.", p.email)}</p>
                                    <a class="button button-primary button-block" href=format!("/register?next={next}")>"Create an account to join"</a>
                                    <p class="auth-switch">"Already have an account? " <a href=format!("/login?next={next}")>"Log in"</a></p>
                                }.into_any()
                            };
                            view! { <p>{offer}</p>{action} }.into_any()
                        }
                    }
                })}
            </Transition>
        </AuthCard>
    }
}
