//! Trusted devices: a browser that signed in to an account keeps logging in while guessing from
//! elsewhere has paused the account, so nobody can lock the owner out. The mark is a signed
//! cookie naming the account, when it was issued and the account's device epoch. It expires after
//! [`DEVICE_TTL`] and is void once the epoch moves ([`super::auth::sign_out_everywhere`]: new
//! password, log out everywhere), so a copied cookie does not outlive the owner's response to a
//! theft.

use super::cookies;
use super::secrets::{mac, verify_mac};
use super::users::User;
use platform::AppState;
use std::time::Duration;

/// How long a browser stays trusted.
pub const DEVICE_TTL: Duration = Duration::from_secs(90 * 24 * 3600);

/// `Set-Cookie` marking this browser as trusted for `user`.
pub fn cookie(state: &AppState, user: &User) -> String {
    let body = format!("{}.{}.{}", user.id, state.clock.unix(), user.device_epoch);
    let tag = mac(state.config.app_secret.expose(), "device", &body);
    cookies::device(&format!("{body}.{tag}"), state.config.secure_cookies())
}

/// Whether `value` (the cookie) marks a browser trusted for `user` now.
pub fn is_trusted(state: &AppState, value: &str, user: &User) -> bool {
    let Some((body, tag)) = value.rsplit_once('.') else {
        return false;
    };
    if !verify_mac(state.config.app_secret.expose(), "device", body, tag) {
        return false;
    }
    let mut parts = body.split('.');
    let (Some(id), Some(issued), Some(epoch), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let fresh = issued
        .parse::<i64>()
        .is_ok_and(|at| state.clock.unix() - at < DEVICE_TTL.as_secs() as i64);
    id == user.id && fresh && epoch.parse::<i64>() == Ok(user.device_epoch)
}
