//! The authentication cookies: HttpOnly, SameSite=Lax, Secure when served over https.

use super::jwt::ACCESS_TTL_SECS;
use super::sessions::REFRESH_TTL;

/// The access token (JWT).
pub const ACCESS: &str = "mw_at";
/// The refresh token (opaque).
pub const REFRESH: &str = "mw_rt";
/// Marks a browser that has signed in to an account before (trusted for log-in throttling).
pub const DEVICE: &str = "mw_dev";
/// A password was right and the second step is pending.
pub const MFA: &str = "mw_mfa";

/// The value of cookie `name` in a `Cookie` header.
pub fn get<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// The value of cookie `name` on the request a server function is answering.
pub fn of_request(name: &str) -> Option<String> {
    let parts = platform::api::parts();
    let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?;
    get(header, name).map(str::to_owned)
}

fn cookie(name: &str, value: &str, max_age: u64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// `Set-Cookie` values that sign a browser in.
pub fn sign_in(access: &str, refresh: &str, secure: bool) -> [String; 2] {
    [
        cookie(ACCESS, access, ACCESS_TTL_SECS as u64, secure),
        cookie(REFRESH, refresh, REFRESH_TTL.as_secs(), secure),
    ]
}

/// `Set-Cookie` values that sign a browser out.
pub fn sign_out(secure: bool) -> [String; 2] {
    [
        cookie(ACCESS, "", 0, secure),
        cookie(REFRESH, "", 0, secure),
    ]
}

/// `Set-Cookie` that ends a pending second step.
pub fn clear_mfa(secure: bool) -> String {
    cookie(MFA, "", 0, secure)
}

/// `Set-Cookie` for the trusted-device marker (see [`super::devices`]).
pub fn device(value: &str, secure: bool) -> String {
    cookie(DEVICE, value, super::devices::DEVICE_TTL.as_secs(), secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_http_only_and_lax() {
        let [a, r] = sign_in("A", "R", true);
        assert!(a.starts_with("mw_at=A; Path=/; Max-Age=900; HttpOnly; SameSite=Lax; Secure"));
        assert!(r.contains("HttpOnly") && r.contains("SameSite=Lax"));
        let [a, _] = sign_in("A", "R", false);
        assert!(!a.contains("Secure"));
        assert_eq!(get("x=1; mw_rt=abc; mw_at=", "mw_rt"), Some("abc"));
        assert_eq!(get("x=1; mw_at=", "mw_at"), None);
    }
}
