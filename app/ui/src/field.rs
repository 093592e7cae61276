use app_core::error::AppError;
use leptos::prelude::*;

/// A labelled input with an optional hint and the server's messages for it underneath. The
/// input is uncontrolled (`name` + `value`) so forms post before hydration and keep what was
/// typed after an error.
#[component]
pub fn Field(
    /// Visible label, also the accessible name.
    #[prop(into)]
    label: String,
    /// Form field name; also the key of its validation messages.
    #[prop(into)]
    name: String,
    /// `text`, `email`, `password`, `number`, `url`…
    #[prop(into, default = "text".into())]
    input_type: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Marks the field required, for the browser and visibly.
    #[prop(optional)]
    required: bool,
    /// The `autocomplete` token.
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// Initial value (a signal updates it until the person edits the field).
    #[prop(optional, into)]
    value: MaybeProp<String>,
    /// The last error of the form this field belongs to.
    #[prop(into)]
    error: Signal<Option<AppError>>,
    /// Element id, when two forms on one page share a field name.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("field-{name}"));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let field = name.clone();
    let messages = Memo::new(move |_| {
        error
            .get()
            .map(|e| e.field_messages(&field))
            .unwrap_or_default()
    });
    let described_by = {
        let hint_id = hint.as_ref().map(|_| hint_id.clone());
        let error_id = error_id.clone();
        move || {
            let mut ids: Vec<String> = hint_id.iter().cloned().collect();
            if !messages.get().is_empty() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let is_password = input_type == "password";
    let revealed = RwSignal::new(false);
    let shown_type = move || {
        if is_password && revealed.get() {
            "text".to_owned()
        } else {
            input_type.clone()
        }
    };

    view! {
        <div class="field" class:field-invalid=move || !messages.get().is_empty()>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            <div class="field-control">
                <input
                    id=id.clone()
                    name=name
                    type=shown_type
                    value=move || value.get()
                    required=required
                    autocomplete=autocomplete
                    aria-invalid=move || (!messages.get().is_empty()).to_string()
                    aria-describedby=described_by
                />
                {is_password.then(|| view! {
                    <button
                        type="button"
                        class="field-reveal"
                        aria-pressed=move || revealed.get().to_string()
                        on:click=move |_| revealed.update(|r| *r = !*r)
                    >
                        {move || if revealed.get() { "Hide" } else { "Show" }}
                        <span class="visually-hidden">" password"</span>
                    </button>
                })}
            </div>
            <super::FieldErrors messages id=error_id/>
        </div>
    }
}
