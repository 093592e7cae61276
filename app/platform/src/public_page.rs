//! The shell of the server-rendered public pages (subscribe and booking forms, their
//! confirmations): one small inline stylesheet, no script unless a page brings one, so they
//! work in any browser with JavaScript off and cost nothing to serve.

use app_core::text::escape_html as escape;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, StatusCode};

/// The stylesheet every public page starts from: a centred card, form fields and buttons in
/// the app's colours, light and dark.
pub const STYLE: &str = "\
:root{color-scheme:light dark;--accent:#6d4aff;--text:#1d1b22;--muted:#5c5866;--bg:#f6f5f8;--surface:#fff;--border:#d9d6e0;--danger:#b3261e}\
@media (prefers-color-scheme:dark){:root{--text:#f1eff5;--muted:#b4b0bd;--bg:#131217;--surface:#1e1c24;--border:#3a3744;--accent:#a08bff;--danger:#ff8a80}}\
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:var(--bg);color:var(--text)}\
main{max-width:28rem;margin:12vh auto 0;padding:24px 16px}.card{background:var(--surface);border:1px solid var(--border);border-radius:16px;padding:24px}\
h1{font-size:24px;line-height:1.2;margin:0 0 8px}p{margin:0 0 16px;color:var(--muted)}label{display:block;font-weight:600;margin-bottom:4px}\
input{width:100%;min-height:44px;padding:8px 12px;font:inherit;border:1px solid var(--border);border-radius:8px;background:var(--surface);color:var(--text)}\
input:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}\
button{margin-top:16px;width:100%;min-height:44px;border:0;border-radius:8px;background:var(--accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}\
.error{color:var(--danger);margin:4px 0 0}.ok{color:var(--text)}\
.choice{display:flex;gap:8px;align-items:center;font-weight:400;margin:8px 0}.choice input{width:auto;min-height:0}";

/// A kind of public page: its stylesheet (the shared one plus its own) and its optional script,
/// with the policy that allows exactly those, hashed once.
#[derive(Debug)]
pub struct PublicPage {
    style: String,
    style_hash: String,
    script: Option<&'static str>,
    csp: HeaderValue,
}

impl PublicPage {
    /// Pages with [`STYLE`] plus `extra_style`, running `script` when given.
    pub fn new(extra_style: &str, script: Option<&'static str>) -> Self {
        let style = format!("{STYLE}{extra_style}");
        let csp = match script {
            Some(s) => super::security::public_page_csp_with_script(&style, s),
            None => super::security::public_page_csp(&style, ""),
        };
        let style_hash = super::security::csp_hash(&style);
        PublicPage {
            style,
            style_hash,
            script,
            csp,
        }
    }

    /// [`PublicPage::render`] for a page whose form may be redirected to `origin` (a payment
    /// page).
    pub fn render_posting_to(
        &self,
        status: StatusCode,
        title: &str,
        body: &str,
        origin: &str,
    ) -> Response {
        let mut page = self.render(status, title, body);
        let script = self.script.map(super::security::csp_hash);
        let policy =
            super::security::public_policy(&self.style_hash, script.as_deref(), "", origin);
        page.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
        page
    }

    /// The page titled `title` around `body` (HTML), with `status`; never cached (it holds a
    /// visitor's own state).
    pub fn render(&self, status: StatusCode, title: &str, body: &str) -> Response {
        let script = self
            .script
            .map(|s| format!("<script>{s}</script>"))
            .unwrap_or_default();
        let html = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
             <meta name=\"robots\" content=\"noindex\"><title>{}</title><style>{}</style></head>\
             <body><main><div class=\"card\">{body}</div></main>{script}</body></html>",
            escape(title),
            self.style
        );
        (
            status,
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ),
                (header::CONTENT_SECURITY_POLICY, self.csp.clone()),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            html,
        )
            .into_response()
    }
}

/// A page with one button that posts back to its own address (confirming, unsubscribing and
/// cancelling never happen on a GET: mail scanners follow links).
pub fn one_button(title: &str, text: &str, button: &str) -> String {
    format!(
        "<h1>{}</h1><p>{}</p><form method=\"post\"><button type=\"submit\">{}</button></form>",
        escape(title),
        escape(text),
        escape(button)
    )
}

/// A page that only says something.
pub fn message(title: &str, text: &str) -> String {
    format!(
        "<h1>{}</h1><p class=\"ok\">{}</p>",
        escape(title),
        escape(text)
    )
}
