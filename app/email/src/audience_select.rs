use super::model::{ListView, SegmentView};
use app_core::error::AppError;
use leptos::prelude::*;
use ui::FieldErrors;

/// "To": every list and, under each, its segments, posted as `list_id` (`<list>` or
/// `<list>/<segment>`); `selected` is the current choice, `error` the form's last error.
#[component]
pub fn AudienceSelect(
    lists: Vec<ListView>,
    segments: Vec<SegmentView>,
    #[prop(default = String::new())] selected: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let messages = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("list_id"))
            .unwrap_or_default()
    });
    let options = lists
        .iter()
        .map(|l| {
            let parts: Vec<_> = segments
                .iter()
                .filter(|s| s.list_id == l.id)
                .map(|s| {
                    let value = format!("{}/{}", l.id, s.id);
                    let on = value == selected;
                    view! { <option value=value selected=on>{format!("{} › {} ({} now)", l.name, s.name, s.count)}</option> }
                })
                .collect();
            let on = l.id == selected;
            view! {
                <option value=l.id.clone() selected=on>{format!("{} ({} subscribed)", l.name, l.subscribed)}</option>
                {parts}
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="campaign-list">"To"</label>
            <p class="field-hint" id="campaign-list-hint">"A whole list, or one of its segments."</p>
            <select id="campaign-list" name="list_id" aria-describedby="campaign-list-hint">{options}</select>
            <FieldErrors messages/>
        </div>
    }
}
