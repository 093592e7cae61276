//! Short-lived access tokens (RFC 8725): HS256 only, explicitly typed, with issuer, audience,
//! session and expiry all checked.

use super::secrets::derive_key;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// How long an access token lives; the refresh token renews it.
pub const ACCESS_TTL_SECS: i64 = 15 * 60;
/// The explicit type of our access tokens (RFC 9068), so no other JWT can pass for one.
pub const TYP: &str = "at+jwt";
/// The audience: this application.
pub const AUDIENCE: &str = "mewayz-app";

/// What an access token asserts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    /// Issuer: the app's base URL.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// The user id.
    pub sub: String,
    /// The session id; revoking the session revokes the token.
    pub sid: String,
    /// Issued at, Unix seconds.
    pub iat: i64,
    /// Expires at, Unix seconds.
    pub exp: i64,
}

fn key(secret: &str) -> Vec<u8> {
    derive_key(secret, "access-token")
}

/// Signs an access token for `user_id` in session `sid`, issued at `now`.
pub fn issue(secret: &str, issuer: &str, user_id: &str, sid: &str, now: i64) -> String {
    let claims = AccessClaims {
        iss: issuer.to_owned(),
        aud: AUDIENCE.to_owned(),
        sub: user_id.to_owned(),
        sid: sid.to_owned(),
        iat: now,
        exp: now + ACCESS_TTL_SECS,
    };
    let header = Header {
        typ: Some(TYP.to_owned()),
        ..Header::new(Algorithm::HS256)
    };
    encode(&header, &claims, &EncodingKey::from_secret(&key(secret)))
        .expect("HS256 signing cannot fail")
}

/// The claims of `token` if it is one of ours and unexpired at `now`; `None` otherwise.
pub fn verify(secret: &str, issuer: &str, token: &str, now: i64) -> Option<AccessClaims> {
    let mut v = Validation::new(Algorithm::HS256);
    v.algorithms = vec![Algorithm::HS256];
    v.set_issuer(&[issuer]);
    v.set_audience(&[AUDIENCE]);
    v.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    // Expiry is checked below against the app's clock, with no leeway.
    v.validate_exp = false;
    let data = decode::<AccessClaims>(token, &DecodingKey::from_secret(&key(secret)), &v).ok()?;
    if data.header.typ.as_deref() != Some(TYP)
        || data.claims.exp <= now
        || data.claims.sid.is_empty()
    {
        return None;
    }
    Some(data.claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";
    const ISS: &str = "https://mewayz.example";

    fn forge(header: &str, claims: &serde_json::Value, sig: &str) -> String {
        format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(claims.to_string()),
            sig
        )
    }

    fn claims(now: i64) -> serde_json::Value {
        serde_json::json!({"iss": ISS, "aud": AUDIENCE, "sub": "u1", "sid": "s1", "iat": now, "exp": now + 900})
    }

    #[test]
    fn a_fresh_token_verifies() {
        let t = issue(SECRET, ISS, "u1", "s1", 1_000);
        let c = verify(SECRET, ISS, &t, 1_001).unwrap();
        assert_eq!((c.sub.as_str(), c.sid.as_str()), ("u1", "s1"));
    }

    #[test]
    fn expired_tokens_are_refused() {
        let t = issue(SECRET, ISS, "u1", "s1", 1_000);
        assert!(verify(SECRET, ISS, &t, 1_000 + ACCESS_TTL_SECS).is_none());
    }

    #[test]
    fn alg_none_is_refused() {
        let t = forge(r#"{"alg":"none","typ":"at+jwt"}"#, &claims(1_000), "");
        assert!(verify(SECRET, ISS, &t, 1_001).is_none());
    }

    #[test]
    fn a_swapped_algorithm_is_refused() {
        let header = Header {
            typ: Some(TYP.into()),
            ..Header::new(Algorithm::HS512)
        };
        let t = encode(
            &header,
            &claims(1_000),
            &EncodingKey::from_secret(&key(SECRET)),
        )
        .unwrap();
        assert!(verify(SECRET, ISS, &t, 1_001).is_none());
    }

    #[test]
    fn wrong_audience_issuer_or_type_is_refused() {
        let sign = |typ: Option<&str>, c: &serde_json::Value| {
            let header = Header {
                typ: typ.map(str::to_owned),
                ..Header::new(Algorithm::HS256)
            };
            encode(&header, c, &EncodingKey::from_secret(&key(SECRET))).unwrap()
        };
        let mut wrong_aud = claims(1_000);
        wrong_aud["aud"] = "another-app".into();
        assert!(verify(SECRET, ISS, &sign(Some(TYP), &wrong_aud), 1_001).is_none());
        let mut wrong_iss = claims(1_000);
        wrong_iss["iss"] = "https://evil.example".into();
        assert!(verify(SECRET, ISS, &sign(Some(TYP), &wrong_iss), 1_001).is_none());
        assert!(verify(SECRET, ISS, &sign(Some("JWT"), &claims(1_000)), 1_001).is_none());
        assert!(verify(SECRET, ISS, &sign(Some(TYP), &claims(1_000)), 1_001).is_some());
    }

    #[test]
    fn a_tampered_payload_or_another_key_is_refused() {
        let t = issue(SECRET, ISS, "u1", "s1", 1_000);
        let mut parts: Vec<String> = t.split('.').map(str::to_owned).collect();
        let mut c = claims(1_000);
        c["sub"] = "admin".into();
        parts[1] = URL_SAFE_NO_PAD.encode(c.to_string());
        assert!(verify(SECRET, ISS, &parts.join("."), 1_001).is_none());
        assert!(verify("another-secret-another-secret-xx", ISS, &t, 1_001).is_none());
    }
}
