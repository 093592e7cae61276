//! The page that sells a service's package: name and address, then Stripe's payment page.

use super::public::{not_found, service, unavailable};
use super::public_form::{field, messages};
use super::public_html::PAGE;
use super::store::ServiceDoc;
use app_core::error::AppError;
use app_core::text::escape_html as escape;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use http::StatusCode;
use platform::request::client_ip;
use platform::AppState;
use serde::Deserialize;
use workspaces::service::store::Workspace;

/// The package form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct PackageForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
}

fn page(
    state: &AppState,
    (ws, s): (&Workspace, &ServiceDoc),
    f: &PackageForm,
    errors: &[(String, String)],
    status: StatusCode,
) -> Response {
    let c = &s.settings;
    let html = format!(
        "<p class=\"meta\"><a href=\"/@{}/book/{}\">{}</a></p><h1>{} sessions of {}</h1><p class=\"ok\"><strong>{}</strong></p>\
         <p>After paying you get a link by email to book your sessions one by one.</p><form method=\"post\">{}{}\
         <button type=\"submit\">Pay</button></form>",
        escape(&ws.handle),
        escape(&c.slug),
        escape(&c.name),
        c.package_sessions,
        escape(&c.name),
        escape(&app_core::money::money(c.package_price_cents, &ws.currency)),
        field(("", "name"), "Your name", "text", &f.name, (true, errors)),
        field(("", "email"), "Email", "email", &f.email, (true, errors))
    );
    let origin = billing::service::one_off::checkout_origin(state);
    PAGE.render_posting_to(status, &c.name, &html, &origin)
}

async fn offered(
    state: &AppState,
    handle: &str,
    slug: &str,
) -> Result<(Workspace, ServiceDoc), Response> {
    let (ws, s) = service(state, handle, slug).await?;
    if s.settings.package_sessions == 0 || billing::service::payments::of(state).is_none() {
        return Err(not_found());
    }
    Ok((ws, s))
}

/// `GET /@{handle}/book/{service}/package`.
pub async fn form(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
) -> Response {
    match offered(&state, &handle, &slug).await {
        Ok((ws, s)) => page(
            &state,
            (&ws, &s),
            &PackageForm::default(),
            &[],
            StatusCode::OK,
        ),
        Err(r) => r,
    }
}

/// `POST /@{handle}/book/{service}/package`: a few a minute per client and service.
pub async fn buy(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
    parts: Parts,
    Form(f): Form<PackageForm>,
) -> Response {
    let (ws, s) = match offered(&state, &handle, &slug).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    if let Err(e) = state
        .limits
        .signups
        .check(&format!("package {ip} {}", s.id))
        .await
    {
        return unavailable(e);
    }
    let back = format!(
        "{}/@{}/book/{}/package",
        state.config.base_url, ws.handle, s.settings.slug
    );
    match super::packages::buy(&state, (&s, &ws.currency), (&f.name, &f.email), back).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e @ AppError::Validation { .. }) => {
            let errors = messages(e);
            page(
                &state,
                (&ws, &s),
                &f,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => unavailable(e),
    }
}
