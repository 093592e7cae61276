use leptos_router::PossibleRouteMatch;
use std::sync::Arc;

/// A route's path behind one type: `path=ui::at(path!("deals/:id"))`. The router compiles its
/// matching and path-building code once per route type, and `path!` gives every shape of path a
/// type of its own; behind `at` all routes with the same kind of view share that code in the
/// first download.
pub fn at(
    path: impl PossibleRouteMatch + Send + Sync + 'static,
) -> Arc<dyn PossibleRouteMatch + Send + Sync> {
    Arc::new(path)
}
