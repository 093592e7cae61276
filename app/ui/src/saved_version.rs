use leptos::prelude::*;

/// The action's version, counting only the runs that succeeded: a resource keyed on it is not
/// refetched by a failed save, so the form the person is correcting is not rebuilt under their
/// typing (a rebuild moved the caret of a field being filled and mixed old text with new).
/// Made once with the component, outside the resource's source: a memo made afresh on each run
/// would forget the last good version and refetch on the next failure.
pub fn saved_version<I, T, E>(action: Action<I, Result<T, E>>) -> Memo<usize>
where
    I: Send + Sync + 'static,
    T: Send + Sync + 'static,
    E: Send + Sync + 'static,
{
    Memo::new(move |last: Option<&usize>| {
        let version = action.version().get();
        if action.value().with(|v| matches!(v, Some(Ok(_)))) {
            version
        } else {
            last.copied().unwrap_or(0)
        }
    })
}
