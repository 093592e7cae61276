//! The WASM entry point: hydrate the server-rendered app.
// Release builds keep full view types (dev builds erase them), which nest deeper than the default.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Hydration waits for the chunks of the lazily loaded page on screen, so it runs as a task.
    _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let body = leptos::prelude::document()
            .body()
            .expect("the page has a body");
        leptos::mount::hydrate_from_async(body.clone(), app::App)
            .await
            .forget();
        // Marks the page interactive (tests and CSS can tell a hydrated page from plain HTML).
        let _ = body.set_attribute("data-hydrated", "");
    });
}
