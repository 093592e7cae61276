//! The WASM entry point: hydrate the server-rendered app.
// Release builds keep full view types (dev builds erase them), which nest deeper than the default.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Marks the page interactive (tests and CSS can tell a hydrated page from plain HTML).
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "");
    }
}
