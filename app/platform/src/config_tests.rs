//! Configuration parsing: strict release rules, development defaults, named errors.

use super::*;
use std::collections::HashMap;

fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k| map.get(k).cloned()
}

#[test]
fn strict_mode_names_every_missing_secret() {
    let err = Config::from_lookup(vars(&[]), true).unwrap_err();
    assert_eq!(
        err.missing,
        vec!["MONGODB_URI", "APP_SECRET", "APP_BASE_URL"]
    );
    let msg = err.to_string();
    assert!(
        msg.contains("APP_SECRET") && msg.contains("MONGODB_URI"),
        "{msg}"
    );
}

#[test]
fn strict_mode_refuses_the_development_secret_and_short_ones() {
    let base = [
        ("MONGODB_URI", "mongodb://db:27017"),
        ("APP_BASE_URL", "https://mewayz.example"),
    ];
    let mut with_dev = base.to_vec();
    with_dev.push(("APP_SECRET", DEV_SECRET));
    assert!(Config::from_lookup(vars(&with_dev), true).is_err());
    let mut short = base.to_vec();
    short.push(("APP_SECRET", "too-short"));
    let err = Config::from_lookup(vars(&short), true).unwrap_err();
    assert_eq!(err.invalid[0].0, "APP_SECRET");
}

#[test]
fn strict_mode_accepts_a_complete_environment() {
    let cfg = Config::from_lookup(
        vars(&[
            ("MONGODB_URI", "mongodb+srv://cluster.example/"),
            ("APP_SECRET", "0123456789abcdef0123456789abcdef"),
            ("APP_BASE_URL", "https://mewayz.example/"),
        ]),
        true,
    )
    .unwrap();
    assert_eq!(cfg.env, AppEnv::Production);
    assert_eq!(cfg.log_format, LogFormat::Json);
    assert_eq!(cfg.base_url, "https://mewayz.example");
    assert!(cfg.secure_cookies());
    assert!(!format!("{cfg:?}").contains("0123456789abcdef"));
}

#[test]
fn development_mode_works_with_nothing_set() {
    let cfg = Config::from_lookup(vars(&[]), false).unwrap();
    assert_eq!(cfg.env, AppEnv::Development);
    assert_eq!(cfg.mongodb_db, "mewayz");
    assert!(!cfg.secure_cookies());
}

#[test]
fn stripe_needs_both_secrets_and_defaults_to_stripes_api() {
    let cfg = Config::from_lookup(
        vars(&[
            ("STRIPE_SECRET_KEY", "sk_test_1"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_1"),
        ]),
        false,
    )
    .unwrap();
    let stripe = cfg.stripe.unwrap();
    assert_eq!(stripe.api_base, "https://api.stripe.com/");
    assert!(!format!("{stripe:?}").contains("sk_test_1"));
    let half = Config::from_lookup(vars(&[("STRIPE_SECRET_KEY", "sk_test_1")]), false);
    assert_eq!(half.unwrap_err().invalid[0].0, "STRIPE_SECRET_KEY");
    assert!(Config::from_lookup(vars(&[]), false)
        .unwrap()
        .stripe
        .is_none());
}

#[test]
fn bad_values_are_reported_by_name() {
    let err = Config::from_lookup(
        vars(&[
            ("APP_ENV", "staging"),
            ("SHUTDOWN_GRACE_SECS", "soon"),
            ("MONGODB_URI", "postgres://x"),
            ("EMAIL_RATE_PER_SECOND", "0"),
        ]),
        false,
    )
    .unwrap_err();
    let names: Vec<_> = err.invalid.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        vec![
            "APP_ENV",
            "MONGODB_URI",
            "SHUTDOWN_GRACE_SECS",
            "EMAIL_RATE_PER_SECOND"
        ]
    );
}

#[test]
fn proxies_are_counted_in_hops_and_the_old_switch_says_so() {
    let cfg = Config::from_lookup(vars(&[("TRUSTED_PROXY_HOPS", "2")]), false).unwrap();
    assert_eq!(cfg.trusted_proxy_hops, 2);
    assert_eq!(
        Config::from_lookup(vars(&[]), false)
            .unwrap()
            .trusted_proxy_hops,
        0
    );
    let old = Config::from_lookup(vars(&[("TRUST_PROXY", "true")]), false).unwrap_err();
    assert!(old.invalid[0].1.contains("TRUSTED_PROXY_HOPS"));
    let bad = Config::from_lookup(vars(&[("TRUSTED_PROXY_HOPS", "-1")]), false).unwrap_err();
    assert_eq!(bad.invalid[0].0, "TRUSTED_PROXY_HOPS");
}

#[test]
fn the_base_url_gives_the_origin_browsers_send() {
    let cfg =
        Config::from_lookup(vars(&[("APP_BASE_URL", "https://App.Example:443/")]), false).unwrap();
    assert_eq!(cfg.base_origin, "https://app.example");
    let cfg = Config::from_lookup(vars(&[]), false).unwrap();
    assert_eq!(cfg.base_origin, "http://127.0.0.1:3000");
}

#[test]
fn campaign_servers_carry_their_caps_and_hide_their_passwords() {
    let urls =
        "smtps://u:secret@smtp.one.example:465#per_hour=1000&per_day=20000, smtp://127.0.0.1:2525";
    let cfg = Config::from_lookup(vars(&[("CAMPAIGN_SMTP_URLS", urls)]), false).unwrap();
    let servers: Vec<_> = cfg
        .email
        .campaign_smtp
        .iter()
        .map(|s| (s.name.as_str(), s.per_hour, s.per_day))
        .collect();
    assert_eq!(
        servers,
        [
            ("smtp.one.example:465", Some(1000), Some(20000)),
            ("127.0.0.1:2525", None, None)
        ]
    );
    assert_eq!(
        cfg.email.campaign_smtp[0].url.expose(),
        "smtps://u:secret@smtp.one.example:465"
    );
    let wrong = [(
        "CAMPAIGN_SMTP_URLS",
        "http://x#per_hour=1,smtp://y#per_week=2",
    )];
    let err = Config::from_lookup(vars(&wrong), false).unwrap_err();
    assert_eq!(err.invalid.len(), 2, "{:?}", err.invalid);
}
