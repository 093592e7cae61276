//! Access to a person's Google data beyond sign-in (their calendar): the consent page's
//! address with the scopes asked for, the code exchanged for tokens (a refresh token kept for
//! later), fresh access tokens, and authorised calls to Google's APIs.

use super::google::Google;
use app_core::error::AppError;
use serde::Deserialize;

/// What Google's token endpoint answers.
#[derive(Debug, Clone, Deserialize)]
pub struct Tokens {
    /// Short-lived bearer token.
    pub access_token: String,
    /// Long-lived token for new access tokens (first consent only).
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// Seconds the access token lasts.
    #[serde(default)]
    pub expires_in: i64,
}

fn unavailable(e: impl std::fmt::Display) -> AppError {
    tracing::warn!(error = %e, "Google API call failed");
    AppError::Unavailable {
        service: "Google".into(),
    }
}

impl Google {
    /// The consent page for `scopes`, coming back to `redirect` with `state`; PKCE with
    /// `challenge` (S256); offline access, so a refresh token comes back.
    pub async fn consent_url(
        &self,
        scopes: &[&str],
        redirect: &str,
        state: &str,
        challenge: &str,
    ) -> Result<String, AppError> {
        let m = self.metadata().await?;
        let mut url = openidconnect::url::Url::parse(m.authorization_endpoint().as_str())
            .map_err(|_| AppError::Internal)?;
        url.query_pairs_mut()
            .append_pair("client_id", &self.config.client_id)
            .append_pair("redirect_uri", redirect)
            .append_pair("response_type", "code")
            .append_pair("scope", &scopes.join(" "))
            .append_pair("access_type", "offline")
            .append_pair("prompt", "consent")
            .append_pair("state", state)
            .append_pair("code_challenge", challenge)
            .append_pair("code_challenge_method", "S256");
        Ok(url.into())
    }

    async fn token(&self, form: &[(&str, &str)]) -> Result<Tokens, AppError> {
        let m = self.metadata().await?;
        let endpoint = m
            .token_endpoint()
            .ok_or(AppError::Internal)?
            .as_str()
            .to_owned();
        let res = self
            .http
            .post(endpoint)
            .basic_auth(
                &self.config.client_id,
                Some(self.config.client_secret.expose()),
            )
            .form(form)
            .send()
            .await
            .map_err(unavailable)?;
        if !res.status().is_success() {
            return Err(unavailable(format!(
                "token endpoint answered {}",
                res.status()
            )));
        }
        let text = res.text().await.map_err(unavailable)?;
        serde_json::from_str(&text).map_err(unavailable)
    }

    /// The tokens a consent's `code` stands for.
    pub async fn exchange(
        &self,
        code: &str,
        verifier: &str,
        redirect: &str,
    ) -> Result<Tokens, AppError> {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("code_verifier", verifier),
            ("redirect_uri", redirect),
        ];
        self.token(&form).await
    }

    /// A fresh access token from `refresh_token`.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Tokens, AppError> {
        self.token(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
        ])
        .await
    }

    /// `method` on Google's API at `path` (after the API base) with `access_token`, sending
    /// `body` as JSON when given; the JSON answer (null for an empty one).
    pub async fn call(
        &self,
        method: http::Method,
        path: &str,
        access_token: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<serde_json::Value, AppError> {
        let url = format!("{}{path}", self.config.api_base);
        let mut req = self.http.request(method, url).bearer_auth(access_token);
        if let Some(b) = body {
            req = req
                .header(http::header::CONTENT_TYPE, "application/json")
                .body(b.to_string());
        }
        let res = req.send().await.map_err(unavailable)?;
        let status = res.status();
        if status == http::StatusCode::NOT_FOUND || status == http::StatusCode::GONE {
            return Err(AppError::NotFound {
                what: "Google item".into(),
            });
        }
        if !status.is_success() {
            return Err(unavailable(format!("{path} answered {status}")));
        }
        let text = res.text().await.map_err(unavailable)?;
        if text.trim().is_empty() {
            return Ok(serde_json::Value::Null);
        }
        serde_json::from_str(&text).map_err(unavailable)
    }
}
