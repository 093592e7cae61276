//! Attacks found by a security review, each performed against the real router and named after
//! what it tries. Every test here failed on the code before its fix.

mod common;

#[path = "security/admin_and_invitations.rs"]
mod admin_and_invitations;
#[path = "security/client_ip.rs"]
mod client_ip;
#[path = "security/csrf.rs"]
mod csrf;
#[path = "security/csv_injection.rs"]
mod csv_injection;
#[path = "security/device_cookie.rs"]
mod device_cookie;
#[path = "security/google_prehijack.rs"]
mod google_prehijack;
#[path = "security/mfa_race.rs"]
mod mfa_race;
#[path = "security/open_redirect.rs"]
mod open_redirect;
#[path = "security/small_holes.rs"]
mod small_holes;
#[path = "security/write_amplification.rs"]
mod write_amplification;
