//! Pages downloaded the first time they are visited. In the split WASM build (`cargo leptos
//! build --split`) each becomes a chunk of its own, so the first screen a person opens loads the
//! shell, the layout and that page, not every module of the product.

/// Declares, for each `Name => path::to::Page;`, a route type `Name` whose view is the page
/// component, loaded on demand: use it as `view={Lazy::<Name>::new()}`. Names become symbol
/// names of the split build, so they must be unique across the app (prefix them with the
/// module).
///
/// A module's routes are a transparent component returning `AnyNestedRoute` (its `view!` of
/// routes, `.into_inner().into_any_nested_route()`), so the shell mounts them in one line.
#[macro_export]
macro_rules! lazy_page {
    ($($name:ident => $page:path;)*) => {$(
        #[doc = concat!("`", stringify!($page), "`, loaded when first visited.")]
        pub struct $name;

        #[::leptos_router::lazy_route]
        impl ::leptos_router::LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(_this: Self) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny as _;
                $page().into_any()
            }
        }
    )*};
}
