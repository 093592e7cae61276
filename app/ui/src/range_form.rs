use leptos::prelude::*;

/// An analytics screen's date range: a plain GET form, so it works before the app loads.
/// `keep` is a query parameter to keep across the submit (the bio page on screen).
#[component]
pub fn RangeForm(
    #[prop(into)] from: String,
    #[prop(into)] to: String,
    #[prop(optional)] keep: Option<(&'static str, String)>,
) -> impl IntoView {
    view! {
        <form class="filter-row range-form" method="get" aria-label="Date range">
            {keep.map(|(name, value)| view! { <input type="hidden" name=name value=value/> })}
            <div class="field">
                <label for="range-from">"From"</label>
                <input id="range-from" type="date" name="from" value=from/>
            </div>
            <div class="field">
                <label for="range-to">"To"</label>
                <input id="range-to" type="date" name="to" value=to/>
            </div>
            <button type="submit" class="button button-secondary">"Show"</button>
        </form>
    }
}
