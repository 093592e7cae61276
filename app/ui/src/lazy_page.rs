//! Pages downloaded the first time they are visited. In the split WASM build (`cargo leptos
//! build --split`) each group of pages becomes a chunk of its own, so the first screen a person
//! opens loads the shell, the layout and that page's group, not every module of the product.

use leptos::prelude::AnyView;
use leptos_router::ChooseView;
use std::future::Future;
use std::pin::Pin;

/// A route's view that is downloaded when first visited: what [`lazy_pages!`] makes of a page.
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

/// `ui::lazy_pages! { group: Name => path::to::Page; … }` puts the pages in one chunk of the
/// split build, downloaded the first time any of them is visited, and declares for each a module
/// `Name` whose `page()` is its route view: `view=Name::page()`. Group and page names become
/// symbol names of the split build, so they must be unique across the app (prefix them with the
/// module).
///
/// One chunk per group rather than per page: wasm-split gives every set of pages that share some
/// code a chunk of its own, so with a chunk per page a first visit fetched a hundred small files
/// and the loader every page imports listed some 700 of them (README, the first download).
///
/// A module's routes are a transparent component returning `AnyNestedRoute` (its `view!` of
/// routes, `.into_inner().into_any_nested_route()`), so the shell mounts them in one line.
#[macro_export]
macro_rules! lazy_pages {
    ($group:ident: $($name:ident => $page:path;)*) => {
        #[doc = concat!("The pages of the `", stringify!($group), "` chunk.")]
        #[allow(non_snake_case, non_camel_case_types)]
        pub mod $group {
            /// The group's pages.
            #[derive(Clone, Copy)]
            pub enum Page {
                $($name,)*
            }

            /// Shows `page` (a `Page` as a number), once the group's chunk is here.
            #[::leptos::lazy($group)]
            pub fn show(page: u32) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny as _;
                $(if page == Page::$name as u32 {
                    return $page().into_any();
                })*
                ().into_any()
            }
        }

        $(
            #[doc = concat!("`", stringify!($page), "`, loaded with the `", stringify!($group), "` pages.")]
            #[allow(non_snake_case)]
            pub mod $name {
                /// The page as a route's view.
                pub fn page() -> $crate::lazy_page::LazyPage {
                    use super::$group::{show, Page};
                    #[cfg(target_arch = "wasm32")]
                    let preload = || ::std::boxed::Box::pin(super::$group::__preload_show()) as _;
                    #[cfg(not(target_arch = "wasm32"))]
                    let preload = || ::std::boxed::Box::pin(async {}) as _;
                    $crate::lazy_page::LazyPage::new(
                        || ::std::boxed::Box::pin(show(Page::$name as u32)),
                        preload,
                    )
                }
            }
        )*
    };
}
