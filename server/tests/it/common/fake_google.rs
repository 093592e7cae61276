//! A local OpenID provider speaking Google's protocol: discovery document, JWKS, an authorize
//! endpoint that signs in whoever the test names, and a token endpoint that checks PKCE and
//! returns an RS256 ID token signed with this test's own RSA key.

use super::client::{Answer, Client};
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const CLIENT_ID: &str = "mewayz-test-client";
pub const CLIENT_SECRET: &str = "mewayz-test-secret";

/// Who the fake signs in next, and how it behaves.
#[derive(Clone, Debug)]
pub struct Person {
    pub sub: String,
    pub email: String,
    pub email_verified: bool,
    pub name: String,
}

struct Grant {
    person: Person,
    nonce: String,
    challenge: String,
}

#[derive(Clone)]
pub(super) struct Fake {
    issuer: String,
    key_der: Arc<Vec<u8>>,
    n: String,
    e: String,
    grants: Arc<Mutex<HashMap<String, Grant>>>,
    /// Signs ID tokens with this audience (to test that a wrong one is refused).
    audience: Arc<Mutex<String>>,
    /// Tokens, busy times and events of the Calendar API.
    pub(super) calendar: Arc<Mutex<super::fake_calendar::Calendars>>,
}

/// A running fake provider.
pub struct FakeGoogle {
    pub issuer: String,
    fake: Fake,
}

impl FakeGoogle {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let issuer = format!("http://{}", listener.local_addr().unwrap());
        let key = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).unwrap();
        let fake = Fake {
            issuer: issuer.clone(),
            key_der: Arc::new(key.to_pkcs1_der().unwrap().as_bytes().to_vec()),
            n: URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()),
            e: URL_SAFE_NO_PAD.encode(key.e().to_bytes_be()),
            grants: Arc::default(),
            audience: Arc::new(Mutex::new(CLIENT_ID.to_owned())),
            calendar: Arc::default(),
        };
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .merge(super::fake_calendar::routes())
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        FakeGoogle { issuer, fake }
    }

    /// The configuration the app needs to use this provider.
    pub fn env(&self) -> [(&'static str, String); 4] {
        [
            ("GOOGLE_ISSUER_URL", self.issuer.clone()),
            ("GOOGLE_API_BASE", self.issuer.clone()),
            ("GOOGLE_CLIENT_ID", CLIENT_ID.to_owned()),
            ("GOOGLE_CLIENT_SECRET", CLIENT_SECRET.to_owned()),
        ]
    }

    /// Plays the person at Google: consents to the authorize URL the app redirected to and
    /// returns the callback path (with code and state) the browser would be sent back to.
    pub fn consent(&self, authorize_url: &str, person: &Person) -> String {
        let query = authorize_url.split_once('?').unwrap().1;
        let params: HashMap<String, String> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), decode(v)))
            .collect();
        assert_eq!(params["client_id"], CLIENT_ID);
        assert_eq!(params["response_type"], "code");
        assert_eq!(params["code_challenge_method"], "S256");
        assert!(params["scope"].contains("openid") && params["scope"].contains("email"));
        let code = format!("code-{}", self.fake.grants.lock().unwrap().len());
        self.fake.grants.lock().unwrap().insert(
            code.clone(),
            Grant {
                person: person.clone(),
                nonce: params.get("nonce").cloned().unwrap_or_default(),
                challenge: params["code_challenge"].clone(),
            },
        );
        let redirect = &params["redirect_uri"];
        let path = redirect.split_once("://").unwrap().1;
        let path = &path[path.find('/').unwrap()..];
        format!("{path}?code={code}&state={}", params["state"])
    }

    /// Makes `email`'s calendar busy over these (RFC 3339) ranges.
    pub fn set_busy(&self, email: &str, ranges: &[(&str, &str)]) {
        let ranges = ranges
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        self.fake
            .calendar
            .lock()
            .unwrap()
            .busy
            .insert(email.to_owned(), ranges);
    }

    /// The events written to `email`'s calendar.
    pub fn events(&self, email: &str) -> Vec<serde_json::Value> {
        self.fake
            .calendar
            .lock()
            .unwrap()
            .events
            .get(email)
            .cloned()
            .unwrap_or_default()
    }

    /// Makes the next ID tokens name another audience.
    pub fn sign_for_audience(&self, aud: &str) {
        *self.fake.audience.lock().unwrap() = aud.to_owned();
    }
}

/// An app that signs in with `fake`.
pub async fn app_with(fake: &FakeGoogle) -> super::TestApp {
    let env = fake.env();
    let extra: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    super::TestApp::start_with(&super::mongodb_uri(), &extra).await
}

/// A Google user with a fresh address, verified by Google or not.
pub fn person(tag: &str, verified: bool) -> Person {
    let email = format!("{}@example.com", super::fresh_db_name(tag).to_lowercase());
    Person {
        sub: format!("google-{email}"),
        email,
        email_verified: verified,
        name: "Gigi Google".into(),
    }
}

/// Runs the browser's side of the flow from `/auth/google?next=/app/more`; returns the
/// callback's answer.
pub async fn sign_in(fake: &FakeGoogle, c: &mut Client, who: &Person) -> Answer {
    let start = c.get("/auth/google?next=/app/more").await;
    assert_eq!(start.status, StatusCode::SEE_OTHER, "{}", start.body);
    let to_google = start.location().unwrap().to_owned();
    assert!(to_google.starts_with(&fake.issuer), "{to_google}");
    let back = fake.consent(&to_google, who);
    c.get(&back).await
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

async fn discovery(State(f): State<Fake>) -> Json<serde_json::Value> {
    Json(json!({
        "issuer": f.issuer,
        "authorization_endpoint": format!("{}/authorize", f.issuer),
        "token_endpoint": format!("{}/token", f.issuer),
        "jwks_uri": format!("{}/jwks", f.issuer),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "claims_supported": ["sub", "email", "email_verified", "name"],
        "code_challenge_methods_supported": ["S256"]
    }))
}

async fn jwks(State(f): State<Fake>) -> Json<serde_json::Value> {
    Json(
        json!({ "keys": [{ "kty": "RSA", "use": "sig", "alg": "RS256", "kid": "test-key", "n": f.n, "e": f.e }] }),
    )
}

#[derive(Deserialize)]
struct AuthorizeQuery {
    redirect_uri: String,
}

async fn authorize(Query(q): Query<AuthorizeQuery>) -> Response {
    // Real people consent in a browser; tests call `consent` instead.
    Redirect::to(&format!("{}?error=access_denied", q.redirect_uri)).into_response()
}

#[derive(Deserialize)]
struct TokenForm {
    grant_type: String,
    #[serde(default)]
    code: String,
    code_verifier: Option<String>,
    refresh_token: Option<String>,
}

async fn token(
    State(f): State<Fake>,
    headers: axum::http::HeaderMap,
    Form(form): Form<TokenForm>,
) -> Response {
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"))
    );
    let authorized =
        headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(basic.as_str());
    let bad = |what: &str| {
        (
            axum::http::StatusCode::BAD_REQUEST,
            Json(json!({ "error": "invalid_grant", "error_description": what })),
        )
            .into_response()
    };
    if !authorized {
        return (
            axum::http::StatusCode::UNAUTHORIZED,
            Json(json!({ "error": "invalid_client" })),
        )
            .into_response();
    }
    if form.grant_type == "refresh_token" {
        let refresh = form.refresh_token.unwrap_or_default();
        return match f.calendar.lock().unwrap().refresh(&refresh) {
            Some(access) => {
                Json(json!({ "access_token": access, "token_type": "Bearer", "expires_in": 3600 }))
                    .into_response()
            }
            None => bad("unknown refresh token"),
        };
    }
    if form.grant_type != "authorization_code" {
        return bad("grant type");
    }
    let Some(grant) = f.grants.lock().unwrap().remove(&form.code) else {
        return bad("unknown or used code");
    };
    let verifier = form.code_verifier.unwrap_or_default();
    if URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) != grant.challenge {
        return bad("PKCE verifier does not match");
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let claims = json!({
        "iss": f.issuer, "aud": *f.audience.lock().unwrap(), "sub": grant.person.sub,
        "iat": now, "exp": now + 600, "nonce": grant.nonce,
        "email": grant.person.email, "email_verified": grant.person.email_verified, "name": grant.person.name,
    });
    let header = jsonwebtoken::Header {
        kid: Some("test-key".into()),
        ..jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256)
    };
    let id_token = jsonwebtoken::encode(
        &header,
        &claims,
        &jsonwebtoken::EncodingKey::from_rsa_der(&f.key_der),
    )
    .unwrap();
    let (access, refresh) = f.calendar.lock().unwrap().grant(&grant.person.email);
    Json(json!({ "access_token": access, "refresh_token": refresh, "token_type": "Bearer", "expires_in": 3600, "id_token": id_token })).into_response()
}
