use crate::ui::{Icon, IconName, ThemeToggle};
use leptos::prelude::*;
use leptos_meta::Title;

const FEATURES: &[(IconName, &str, &str)] = &[
    (
        IconName::Link,
        "Link in bio",
        "A page that loads instantly, with a builder you drag on your phone.",
    ),
    (
        IconName::Calendar,
        "Bookings",
        "Share your availability and get paid when people book.",
    ),
    (
        IconName::Users,
        "Contacts",
        "Every subscriber, client and buyer in one place.",
    ),
    (
        IconName::Mail,
        "Email",
        "Newsletters and sequences that reach the inbox.",
    ),
    (
        IconName::Book,
        "Courses & community",
        "Teach, host and reward your members.",
    ),
    (
        IconName::Receipt,
        "Invoices",
        "Send, track and get paid online.",
    ),
];

/// What a visitor sees first: what Mewayz does and the two ways in.
#[component]
pub fn LandingPage() -> impl IntoView {
    view! {
        <Title text=""/>
        <div class="landing">
            <header class="landing-header">
                <a class="brand" href="/">
                    <img src="/icons/icon.svg" alt="" width="32" height="32"/>
                    <span>"Mewayz"</span>
                </a>
                <nav class="landing-nav" aria-label="Account">
                    <ThemeToggle/>
                    <a class="button button-ghost" href="/login">"Log in"</a>
                </nav>
            </header>
            <main id="main">
                <section class="hero">
                    <h1>"Your whole business, one link away."</h1>
                    <p class="lead">
                        "Link in bio, website, bookings, contacts, email, courses and invoices: one fast app that works on your phone."
                    </p>
                    <div class="hero-actions">
                        <a class="button button-primary button-large" href="/register">"Sign up"</a>
                        <a class="button button-secondary button-large" href="/login">"Log in"</a>
                    </div>
                    <p class="hero-note">"Free to start. No card needed."</p>
                </section>
                <section class="features" aria-labelledby="features-heading">
                    <h2 id="features-heading">"Everything a creator runs on"</h2>
                    <ul class="feature-grid">
                        {FEATURES.iter().map(|(icon, title, body)| view! {
                            <li class="card feature">
                                <span class="feature-icon"><Icon name=*icon/></span>
                                <h3>{*title}</h3>
                                <p>{*body}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            </main>
            <footer class="landing-footer">
                <p>"© Mewayz"</p>
            </footer>
        </div>
    }
}
