use super::current_user::provide_current_user;
use crate::identity::VerifyBanner;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/onboarding`: the first screen after sign-up. The setup wizard (issue 4) grows here.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let user = provide_current_user();
    view! {
        <Title text="Welcome"/>
        <main class="auth-page" id="main">
            <section class="card auth-card">
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        let user = user.0.await.ok().flatten();
                        let name = user.as_ref().map(|u| u.name.clone()).unwrap_or_default();
                        view! {
                            <h1>{format!("Welcome to Mewayz, {name}!")}</h1>
                            {user.filter(|u| !u.email_verified).map(|u| view! { <VerifyBanner user=u/> })}
                            <p>"Your account is ready. Next, set up your workspace and your first page."</p>
                            <a class="button button-primary button-block" href="/app">"Continue"</a>
                        }
                    })}
                </Transition>
            </section>
        </main>
    }
}
