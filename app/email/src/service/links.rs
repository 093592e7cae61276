//! The addresses in subscribers' emails: confirm and unsubscribe, each naming the subscription
//! and signed with the app secret, so nobody can confirm or remove an address they only guess.

use identity::service::secrets::{mac, verify_mac};
use platform::AppState;

/// What a link does; part of the signature, so one link cannot be used as the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Confirms a pending signup.
    Confirm,
    /// Takes the address off the list.
    Unsubscribe,
    /// Opens the address's preference page.
    Preferences,
}

impl Purpose {
    fn key(self) -> &'static str {
        match self {
            Purpose::Confirm => "email.confirm",
            Purpose::Unsubscribe => "email.unsubscribe",
            Purpose::Preferences => "email.preferences",
        }
    }

    fn path(self) -> &'static str {
        match self {
            Purpose::Confirm => "subscribe/confirm",
            Purpose::Unsubscribe => "unsubscribe",
            Purpose::Preferences => "email/preferences",
        }
    }
}

/// The signature of subscription `id`'s link for `purpose`.
fn sign(state: &AppState, purpose: Purpose, id: &str) -> String {
    mac(state.config.app_secret.expose(), purpose.key(), id)
}

/// The absolute address of subscription `id`'s link for `purpose`.
pub fn url(state: &AppState, purpose: Purpose, id: &str) -> String {
    format!(
        "{}/{}/{id}/{}",
        state.config.base_url,
        purpose.path(),
        sign(state, purpose, id)
    )
}

/// Whether `tag` is the signature of subscription `id`'s link for `purpose`.
pub fn verify(state: &AppState, purpose: Purpose, id: &str, tag: &str) -> bool {
    verify_mac(state.config.app_secret.expose(), purpose.key(), id, tag)
}

const TRACK: &str = "email.track";

/// The token naming subscription `sub` in campaign `campaign`'s open pixel and click links:
/// `<sub>.<signature>`, so nobody can count opens or clicks for someone else.
pub fn track_token(state: &AppState, campaign: &str, sub: &str) -> String {
    let tag = mac(
        state.config.app_secret.expose(),
        TRACK,
        &format!("{campaign}:{sub}"),
    );
    format!("{sub}.{tag}")
}

/// The subscription a tracking `token` of `campaign` names, when its signature holds.
pub fn tracked_subscription<'a>(
    state: &AppState,
    campaign: &str,
    token: &'a str,
) -> Option<&'a str> {
    let (sub, tag) = token.split_once('.')?;
    verify_mac(
        state.config.app_secret.expose(),
        TRACK,
        &format!("{campaign}:{sub}"),
        tag,
    )
    .then_some(sub)
}
