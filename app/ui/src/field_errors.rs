use leptos::prelude::*;

/// A field's messages, listed under it (nothing while there are none). `id` lets the input
/// point at them with `aria-describedby`.
#[component]
pub fn FieldErrors(
    #[prop(into)] messages: Signal<Vec<String>>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    view! {
        <Show when=move || !messages.get().is_empty()>
            <ul class="field-error" id=id.clone()>
                {move || messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        </Show>
    }
}
