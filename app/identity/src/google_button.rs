use super::api::auth_providers;
use leptos::prelude::*;

/// "Continue with Google", shown only when the server has Google sign-in configured. A plain
/// link: the OAuth flow is a sequence of full-page redirects.
#[component]
pub fn GoogleButton(#[prop(into)] next: Signal<String>) -> impl IntoView {
    let providers = ui::resource(|| (), |_| auth_providers());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let google = providers.await.map(|p| p.google).unwrap_or(false);
                google.then(|| view! {
                    <a
                        class="button button-secondary button-block google-button"
                        href=move || {
                            let n = next.get();
                            if n.is_empty() { "/auth/google".to_owned() } else { format!("/auth/google?next={}", app_core::url::encode_query_value(&n)) }
                        }
                        rel="external"
                    >
                        "Continue with Google"
                    </a>
                    <p class="divider" aria-hidden="true"><span>"or"</span></p>
                })
            })}
        </Suspense>
    }
}
