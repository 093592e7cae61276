//! Pages downloaded the first time they are visited. In the split WASM build (`cargo leptos
//! build --split`) each becomes a chunk of its own, so the first screen a person opens loads the
//! shell, the layout and that page, not every module of the product.

use leptos::prelude::AnyView;
use leptos_router::ChooseView;
use std::future::Future;
use std::pin::Pin;

/// A route's view that is downloaded when first visited: what [`lazy_page!`] makes of a page.
/// One type for every such route, where leptos_router's `Lazy<T>` compiled its loading code
/// again for each of them into the first download (28 KB for some fifty routes).
#[derive(Clone, Copy)]
pub struct LazyPage {
    view: fn() -> Pin<Box<dyn Future<Output = AnyView>>>,
    preload: fn() -> Pin<Box<dyn Future<Output = ()>>>,
}

impl LazyPage {
    /// The route view that awaits `view`; `preload` fetches its code without showing it (the
    /// router preloads every level of a route at once).
    pub fn new(
        view: fn() -> Pin<Box<dyn Future<Output = AnyView>>>,
        preload: fn() -> Pin<Box<dyn Future<Output = ()>>>,
    ) -> Self {
        Self { view, preload }
    }
}

impl ChooseView for LazyPage {
    async fn choose(self) -> AnyView {
        (self.view)().await
    }

    async fn preload(&self) {
        (self.preload)().await
    }
}

/// Declares, for each `Name => path::to::Page;`, a module `Name` whose `page()` is the page
/// component as a route view loaded on demand: `view=Name::page()`. Names become symbol names
/// of the split build, so they must be unique across the app (prefix them with the module).
///
/// A module's routes are a transparent component returning `AnyNestedRoute` (its `view!` of
/// routes, `.into_inner().into_any_nested_route()`), so the shell mounts them in one line.
#[macro_export]
macro_rules! lazy_page {
    ($($name:ident => $page:path;)*) => {$(
        #[doc = concat!("`", stringify!($page), "`, loaded when first visited.")]
        #[allow(non_snake_case)]
        pub mod $name {
            #[::leptos::lazy($name)]
            fn view() -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny as _;
                $page().into_any()
            }

            /// The page as a route's view.
            pub fn page() -> $crate::lazy_page::LazyPage {
                #[cfg(target_arch = "wasm32")]
                let preload = || ::std::boxed::Box::pin(__preload_view()) as _;
                #[cfg(not(target_arch = "wasm32"))]
                let preload = || ::std::boxed::Box::pin(async {}) as _;
                $crate::lazy_page::LazyPage::new(|| ::std::boxed::Box::pin(view()), preload)
            }
        }
    )*};
}
