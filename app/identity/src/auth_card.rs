use leptos::prelude::*;
use leptos_meta::Title;

/// The frame of the signed-out screens (sign up, log in, reset): brand, heading, one card.
#[component]
pub fn AuthCard(
    #[prop(into)] title: String,
    #[prop(optional, into)] lead: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <Title text=title.clone()/>
        <main class="auth-page" id="main">
            <a class="brand" href="/">
                <img src="/icons/icon.svg" alt="" width="32" height="32"/>
                <span>"Mewayz"</span>
            </a>
            <section class="card auth-card" aria-labelledby="auth-title">
                <h1 id="auth-title">{title}</h1>
                {lead.map(|l| view! { <p class="auth-lead">{l}</p> })}
                {children()}
            </section>
        </main>
    }
}
