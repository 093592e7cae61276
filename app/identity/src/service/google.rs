//! "Continue with Google": OpenID Connect authorization code flow with state, nonce and PKCE
//! (openidconnect crate). The ID token's signature (JWKS), issuer, audience, expiry and nonce
//! are checked. Which account the identity signs in to is decided in [`super::google_link`].

use super::cookies;
use super::google_link::{link_or_create, GoogleIdentity};
use super::{auth, devices, mfa};
use app_core::error::AppError;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use mongodb::bson::{doc, DateTime};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope,
};
use platform::config::GoogleConfig;
use platform::request::ClientInfo;
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

/// Pending sign-ins (state, nonce, PKCE verifier), single use.
pub const OIDC_STATES: &str = "oidc_states";
/// How long a person may take at Google.
const FLOW_TTL: Duration = Duration::from_secs(10 * 60);
/// The provider's discovery document and keys are fetched again after this long.
const METADATA_TTL: Duration = Duration::from_secs(3600);
/// The cookie binding the flow to the browser that started it (no login CSRF).
const STATE_COOKIE: &str = "mw_oidc";

/// The Google client: configuration, an HTTP client that never follows redirects, and the
/// cached provider metadata.
#[derive(Debug)]
pub struct Google {
    pub(crate) config: GoogleConfig,
    pub(crate) http: openidconnect::reqwest::Client,
    metadata: RwLock<Option<(Instant, CoreProviderMetadata)>>,
}

/// The Google client, when this server has Google sign-in configured.
pub fn of(state: &AppState) -> Option<Arc<Google>> {
    state.service::<Arc<Google>>().cloned()
}

impl Google {
    /// Builds the client when Google sign-in is configured.
    pub fn from_config(config: Option<&GoogleConfig>) -> Result<Option<Arc<Self>>, String> {
        let Some(config) = config else {
            return Ok(None);
        };
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("HTTP client for Google sign-in: {e}"))?;
        Ok(Some(Arc::new(Google {
            config: config.clone(),
            http,
            metadata: RwLock::new(None),
        })))
    }

    pub(crate) async fn metadata(&self) -> Result<CoreProviderMetadata, AppError> {
        if let Some((at, m)) = self.metadata.read().await.as_ref() {
            if at.elapsed() < METADATA_TTL {
                return Ok(m.clone());
            }
        }
        let issuer =
            IssuerUrl::new(self.config.issuer_url.clone()).map_err(|_| AppError::Internal)?;
        let m = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "Google discovery failed");
                AppError::Unavailable {
                    service: "Google sign-in".into(),
                }
            })?;
        *self.metadata.write().await = Some((Instant::now(), m.clone()));
        Ok(m)
    }

    fn redirect_url(state: &AppState) -> Result<RedirectUrl, AppError> {
        RedirectUrl::new(format!("{}/auth/google/callback", state.config.base_url))
            .map_err(|_| AppError::Internal)
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Flow {
    #[serde(rename = "_id")]
    state_hash: String,
    nonce: String,
    pkce_verifier: String,
    next: String,
    expires_at: DateTime,
}

/// Query of `GET /auth/google`.
#[derive(Debug, Deserialize)]
pub struct StartQuery {
    next: Option<String>,
}

fn to_login(error: &str) -> Response {
    Redirect::to(&format!("/login?error={error}")).into_response()
}

/// `GET /auth/google`: sends the browser to Google. Each start stores a pending flow, so starts
/// count against the client's limit of sign-in attempts.
pub async fn start(
    State(state): State<AppState>,
    Query(q): Query<StartQuery>,
    parts: http::request::Parts,
) -> Response {
    let Some(google) = of(&state) else {
        return to_login("google_unavailable");
    };
    let client = ClientInfo::from_parts(&parts, state.config.trusted_proxy_hops);
    match state
        .limits
        .auth
        .check(&format!("google:{}", client.ip))
        .await
    {
        Ok(()) => {}
        Err(AppError::RateLimited { .. }) => return to_login("rate_limited"),
        Err(_) => return to_login("google_failed"),
    }
    match begin(&state, &google, q.next).await {
        Ok((url, cookie)) => {
            let mut res = Redirect::to(&url).into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            res
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not start Google sign-in");
            to_login("google_failed")
        }
    }
}

async fn begin(
    state: &AppState,
    google: &Google,
    next: Option<String>,
) -> Result<(String, String), AppError> {
    let metadata = google.metadata().await?;
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(google.config.client_id.clone()),
        Some(ClientSecret::new(
            google.config.client_secret.expose().to_owned(),
        )),
    )
    .set_redirect_uri(Google::redirect_url(state)?);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, csrf, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    let next = app_core::url::safe_redirect(&state.config.base_url, next.as_deref());
    state
        .db
        .collection::<Flow>(OIDC_STATES)
        .insert_one(Flow {
            state_hash: super::secrets::token_hash(csrf.secret()),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            next,
            expires_at: state.clock.after(FLOW_TTL),
        })
        .await?;
    let secure = if state.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{STATE_COOKIE}={}; Path=/auth/google; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
        csrf.secret(),
        FLOW_TTL.as_secs()
    );
    Ok((url.to_string(), cookie))
}

/// Query of the callback.
#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /auth/google/callback`: checks everything, then signs in (or asks for the MFA code).
pub async fn callback(
    State(state): State<AppState>,
    Query(q): Query<CallbackQuery>,
    req: Request,
) -> Response {
    let Some(google) = of(&state) else {
        return to_login("google_unavailable");
    };
    if q.error.is_some() {
        return to_login("google_cancelled");
    }
    let (parts, _) = req.into_parts();
    let client = ClientInfo::from_parts(&parts, state.config.trusted_proxy_hops);
    let cookie_header = parts
        .headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let cookie_state = cookies::get(cookie_header, STATE_COOKIE).map(str::to_owned);
    let device = cookies::get(cookie_header, cookies::DEVICE).map(str::to_owned);
    let result = finish(&state, &google, &client, q, cookie_state, device).await;
    let secure = if state.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let clear =
        format!("{STATE_COOKIE}=; Path=/auth/google; Max-Age=0; HttpOnly; SameSite=Lax{secure}");
    let (mut res, set) = match result {
        Ok((to, set)) => (Redirect::to(&to).into_response(), set),
        Err(code) => (to_login(code), Vec::new()),
    };
    for c in set.into_iter().chain([clear]) {
        if let Ok(v) = HeaderValue::from_str(&c) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

async fn finish(
    state: &AppState,
    google: &Google,
    client: &ClientInfo,
    q: CallbackQuery,
    cookie_state: Option<String>,
    device: Option<String>,
) -> Result<(String, Vec<String>), &'static str> {
    let (Some(code), Some(returned_state)) = (q.code, q.state) else {
        return Err("google_failed");
    };
    // The flow must have started in this browser, and works once.
    if cookie_state.as_deref() != Some(returned_state.as_str()) {
        tracing::warn!("Google callback without the matching state cookie");
        return Err("google_failed");
    }
    let flow = state
        .db
        .collection::<Flow>(OIDC_STATES)
        .find_one_and_delete(doc! {
            "_id": super::secrets::token_hash(&returned_state),
            "expires_at": { "$gt": state.clock.now() },
        })
        .await
        .map_err(|_| "google_failed")?
        .ok_or("google_failed")?;
    let identity = exchange(state, google, code, &flow).await.map_err(|e| {
        tracing::warn!(error = %e, "Google sign-in refused");
        "google_failed"
    })?;
    let user = match link_or_create(state, client, &identity).await {
        Ok(u) => u,
        Err(AppError::Conflict { .. }) => return Err("google_unverified"),
        Err(e) => {
            tracing::warn!(error = %e, "Google account could not be linked");
            return Err("google_failed");
        }
    };
    if user.mfa_enabled_at.is_some() {
        let trusted = device.is_some_and(|d| devices::is_trusted(state, &d, &user));
        let token = mfa::begin_challenge(state, &user.id, &flow.next, trusted)
            .await
            .map_err(|_| "google_failed")?;
        return Ok((
            "/login/code".into(),
            vec![mfa::challenge_cookie(&token, state.config.secure_cookies())],
        ));
    }
    let signed = auth::start_session(state, user, client)
        .await
        .map_err(|_| "google_failed")?;
    Ok((flow.next, signed.cookies))
}

async fn exchange(
    state: &AppState,
    google: &Google,
    code: String,
    flow: &Flow,
) -> Result<GoogleIdentity, String> {
    let metadata = google.metadata().await.map_err(|e| e.to_string())?;
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(google.config.client_id.clone()),
        Some(ClientSecret::new(
            google.config.client_secret.expose().to_owned(),
        )),
    )
    .set_redirect_uri(Google::redirect_url(state).map_err(|e| e.to_string())?);
    let token = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|e| e.to_string())?
        .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
        .request_async(&google.http)
        .await
        .map_err(|e| format!("token endpoint: {e}"))?;
    use openidconnect::TokenResponse;
    let id_token = token.id_token().ok_or("no ID token in the response")?;
    let verifier = client.id_token_verifier();
    let claims = id_token
        .claims(&verifier, &Nonce::new(flow.nonce.clone()))
        .map_err(|e| format!("ID token: {e}"))?;
    Ok(GoogleIdentity {
        sub: claims.subject().to_string(),
        email: claims.email().map(|e| e.to_string()),
        email_verified: claims.email_verified().unwrap_or(false),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.to_string()),
    })
}
