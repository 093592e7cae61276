//! The waitlist form under a service's times, and its post.

use super::public::{service, unavailable};
use super::public_form::{field, messages};
use super::public_html::PAGE;
use super::waitlist;
use app_core::error::AppError;
use app_core::text::escape_html as escape;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use http::request::Parts;
use http::StatusCode;
use mongodb::bson::doc;
use platform::public_page::message;
use platform::request::client_ip;
use platform::AppState;
use serde::Deserialize;

/// The form that joins the waitlist of the service at `path` for a day in zone `tz`.
pub fn form(path: &str, tz: &str, typed: &WaitlistForm, errors: &[(String, String)]) -> String {
    format!(
        "<section aria-labelledby=\"waitlist\"><h2 id=\"waitlist\">Is the day you want full?</h2>\
         <p>Leave your name: if a time opens up that day, we hold it for you and email you.</p>\
         <form method=\"post\" action=\"{}/waitlist\"><input type=\"hidden\" name=\"tz\" value=\"{}\">{}{}{}\
         <button type=\"submit\">Join the waitlist</button></form></section>",
        escape(path),
        escape(tz),
        field(("waitlist-", "date"), "Day", "date", &typed.date, (true, errors)),
        field(("waitlist-", "name"), "Your name", "text", &typed.name, (true, errors)),
        field(("waitlist-", "email"), "Email", "email", &typed.email, (true, errors))
    )
}

/// The waitlist form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct WaitlistForm {
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// The zone the day is in.
    #[serde(default)]
    pub tz: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Address.
    #[serde(default)]
    pub email: String,
}

/// `POST /@{handle}/book/{service}/waitlist`: a few a minute per client and service.
pub async fn join(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
    parts: Parts,
    Form(f): Form<WaitlistForm>,
) -> Response {
    let (ws, s) = match service(&state, &handle, &slug).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    if let Err(e) = state
        .limits
        .signups
        .check(&format!("waitlist {ip} {}", s.id))
        .await
    {
        return unavailable(e);
    }
    let tz = super::public::zone_or(&f.tz, &ws.time_zone).0;
    let path = format!("/@{}/book/{}", ws.handle, s.settings.slug);
    match waitlist::join(&state, &s, (&f.date, &tz), (&f.name, &f.email)).await {
        Ok(()) => PAGE.render(
            StatusCode::OK,
            "On the waitlist",
            &message(
                "You're on the waitlist",
                &format!(
                    "If a time of {} opens up on {}, we will hold it for you and email you.",
                    s.settings.name, f.date
                ),
            ),
        ),
        Err(e @ AppError::Validation { .. }) => {
            let errors = messages(e);
            let html = format!(
                "<h1>{}</h1>{}",
                escape(&s.settings.name),
                form(&path, &tz, &f, &errors)
            );
            PAGE.render(StatusCode::UNPROCESSABLE_ENTITY, &s.settings.name, &html)
        }
        Err(e) => unavailable(e),
    }
}
