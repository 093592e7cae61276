//! Which SMTP server a batch of campaign or sequence mail goes through: the campaign servers
//! (`CAMPAIGN_SMTP_URLS`) in turn, each within its provider's hourly and daily caps, or
//! `SMTP_URL` without caps when none is configured.

use app_core::error::AppError;
use platform::mailer::CampaignServer;
use platform::send_caps::{self, Window};
use platform::AppState;

/// Places reserved on one server for a batch.
#[derive(Debug, Clone)]
pub struct Route {
    /// The campaign server's number; `None` for `SMTP_URL`.
    pub server: Option<usize>,
    /// How many messages may go through it now.
    pub granted: u32,
    name: String,
    caps: Vec<(Window, u32)>,
}

fn caps(s: &CampaignServer) -> Vec<(Window, u32)> {
    [(Window::Hour, s.per_hour), (Window::Day, s.per_day)]
        .into_iter()
        .filter_map(|(w, cap)| Some((w, cap?)))
        .collect()
}

/// A server with room for up to `n` messages, trying them from number `turn` on so batches
/// take turns; `None` when every server is at a cap.
pub async fn pick(state: &AppState, n: u32, turn: usize) -> Result<Option<Route>, AppError> {
    let servers = state.mailer.campaign_servers();
    if servers.is_empty() {
        return Ok(Some(Route {
            server: None,
            granted: n,
            name: String::new(),
            caps: Vec::new(),
        }));
    }
    for k in 0..servers.len() {
        let i = (turn + k) % servers.len();
        let caps = caps(&servers[i]);
        let name = servers[i].name.clone();
        let granted = match caps.is_empty() {
            true => n,
            false => send_caps::reserve(&state.db, &state.clock, &name, &caps, n).await?,
        };
        if granted > 0 {
            return Ok(Some(Route {
                server: Some(i),
                granted,
                name,
                caps,
            }));
        }
    }
    Ok(None)
}

/// Gives back `n` of the places `route` reserved, for messages that were not sent.
pub async fn give_back(state: &AppState, route: &Route, n: u32) -> Result<(), AppError> {
    if route.caps.is_empty() || n == 0 {
        return Ok(());
    }
    send_caps::release(&state.db, &route.name, &route.caps, n).await
}

/// Why campaign mail waits, as its page says.
pub const AT_CAPS: &str =
    "Every SMTP server has reached its provider's hourly or daily cap; sending goes on as they free up.";
