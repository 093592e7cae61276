use leptos_router::PossibleRouteMatch;
use std::sync::Arc;

/// A route's path behind one type: `path=ui::path!("deals/:id")`. The router compiles its
/// matching and path-building code once per route type, and leptos_router's `path!` gives every
/// shape of path a type of its own; behind one type all routes with the same kind of view share
/// that code in the first download.
#[macro_export]
macro_rules! path {
    // Tokens as they came: leptos_router's `path!` cannot read a `literal` fragment.
    ($($path:tt)*) => {
        $crate::route_path::at(::leptos_router::path!($($path)*))
    };
}

/// `path`, behind the one type [`path!`] gives every route.
pub fn at(
    path: impl PossibleRouteMatch + Send + Sync + 'static,
) -> Arc<dyn PossibleRouteMatch + Send + Sync> {
    Arc::new(path)
}
