//! The HTML of the public email pages, on the shared public page shell.

use app_core::text::escape_html as escape;
use axum::response::Response;
use http::StatusCode;
use platform::public_page::PublicPage;
use std::sync::LazyLock;

pub use platform::public_page::{message, one_button};

static PAGE: LazyLock<PublicPage> = LazyLock::new(|| PublicPage::new("", None));

/// A public page titled `title` around `body` (HTML), with `status`.
pub fn page(status: StatusCode, title: &str, body: &str) -> Response {
    PAGE.render(status, title, body)
}

/// The signup form of list `name`, with `email` kept and `error` under the field after a refusal.
pub fn form(name: &str, email: &str, error: Option<&str>) -> String {
    let (invalid, message) = match error {
        Some(e) => (
            " aria-invalid=\"true\" aria-describedby=\"email-error\"",
            format!("<p class=\"error\" id=\"email-error\">{}</p>", escape(e)),
        ),
        None => ("", String::new()),
    };
    format!(
        "<h1>{}</h1><p>Sign up with your email address.</p>\
         <form method=\"post\"><label for=\"email\">Email</label>\
         <input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required value=\"{}\"{invalid}>\
         {message}<button type=\"submit\">Subscribe</button></form>",
        escape(name),
        escape(email)
    )
}
