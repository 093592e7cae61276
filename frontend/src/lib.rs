//! The WASM entry point: hydrate the server-rendered app.
// Release builds keep full view types (dev builds erase them), which nest deeper than the default.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Release builds abort on a panic before any hook runs (README: the first download).
    #[cfg(debug_assertions)]
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

/// Room for the split build to give each chunk its own constant data. wasm-split lays out the
/// data each chunk uses next to the others' and, when that layout (with its alignment padding)
/// comes out longer than the linker's, leaves all data in the main module: every page's text in
/// the first download. Nothing refers to these bytes, so no chunk takes them and the layout
/// fits.
#[cfg(target_arch = "wasm32")]
#[used]
static SPLIT_DATA_ROOM: [u8; 16384] = [0x5a; 16384];
