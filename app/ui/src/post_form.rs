use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A form whose only content is its button: it posts `input` to the action's server function.
/// Before the app has loaded the browser posts it (the server answers with a redirect back);
/// after, it dispatches `input` as it is. Unlike `ActionForm` it never reads the form into the
/// server function's arguments, so the browser needs no form parser for it: the shell's resend of
/// the confirmation email keeps that parser out of the first download.
#[component]
pub fn PostForm<S>(
    /// The server function to call.
    action: ServerAction<S>,
    /// Its arguments.
    input: S,
    children: Children,
) -> impl IntoView
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(input.clone());
    };
    view! {
        <form method="post" action=S::url() on:submit=submit>
            {children()}
        </form>
    }
}
