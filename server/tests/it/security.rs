//! Attacks found by a security review, each performed against the real router and named after
//! what it tries. Every test here failed on the code before its fix.

mod admin_and_invitations;
mod client_ip;
mod csrf;
mod csv_injection;
mod device_cookie;
mod google_prehijack;
mod mfa_race;
mod open_redirect;
mod small_holes;
mod write_amplification;
