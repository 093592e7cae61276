use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

/// The email screens' tabs: lists, campaigns, sequences, suppressed addresses and the sending
/// domain.
#[component]
pub fn EmailTabs() -> impl IntoView {
    let params = use_params_map();
    let path = use_location().pathname;
    let base = move || {
        format!(
            "/app/{}/email",
            params.read().get("handle").unwrap_or_default()
        )
    };
    let campaigns = move || path.get().contains("/email/campaigns");
    let sequences = move || path.get().contains("/email/sequences");
    let suppressed = move || path.get().contains("/email/suppressed");
    let domain = move || path.get().contains("/email/domain");
    view! {
        <nav class="tabs" aria-label="Email">
            <a href=base class="tab" aria-current=move || (!campaigns() && !sequences() && !suppressed() && !domain()).then_some("page")>"Lists"</a>
            <a href=move || format!("{}/campaigns", base()) class="tab" aria-current=move || campaigns().then_some("page")>"Campaigns"</a>
            <a href=move || format!("{}/sequences", base()) class="tab" aria-current=move || sequences().then_some("page")>"Sequences"</a>
            <a href=move || format!("{}/suppressed", base()) class="tab" aria-current=move || suppressed().then_some("page")>"Suppressed"</a>
            <a href=move || format!("{}/domain", base()) class="tab" aria-current=move || domain().then_some("page")>"Domain"</a>
        </nav>
    }
}
