//! The settings of the services the app talks to: uploads storage, payments, Google sign-in.

use super::{ConfigError, Secret};

/// Uploaded files' storage.
#[derive(Debug, Clone)]
pub struct MediaConfig {
    /// `MEDIA_DIR`: the folder used when no S3 bucket is set (default `.data/media`). Replicas
    /// share uploads only through S3 or a shared volume.
    pub dir: String,
    /// `MEDIA_S3_*`: an S3-compatible bucket; `None` unless `MEDIA_S3_BUCKET` is set.
    pub s3: Option<S3Config>,
    /// `MEDIA_CDN_URL`: a CDN in front of the store; `/media/<key>` then redirects to it.
    pub cdn_url: Option<String>,
}

/// An S3-compatible bucket (AWS, R2, MinIO…).
#[derive(Debug, Clone)]
pub struct S3Config {
    /// `MEDIA_S3_BUCKET`.
    pub bucket: String,
    /// `MEDIA_S3_REGION` (default `us-east-1`).
    pub region: String,
    /// `MEDIA_S3_ENDPOINT`: for stores other than AWS, like `https://<account>.r2.cloudflarestorage.com`.
    pub endpoint: Option<String>,
    /// `MEDIA_S3_ACCESS_KEY_ID`.
    pub access_key_id: String,
    /// `MEDIA_S3_SECRET_ACCESS_KEY`.
    pub secret_access_key: Secret,
}

/// The Stripe account the app bills through.
#[derive(Debug, Clone)]
pub struct StripeConfig {
    /// Secret API key (`sk_live_…` / `sk_test_…`).
    pub secret_key: Secret,
    /// Signing secret of the `/webhooks/stripe` endpoint (`whsec_…`).
    pub webhook_secret: Secret,
    /// Publishable key, for pages that load Stripe.js.
    pub publishable_key: String,
    /// API origin ending in `/`: Stripe's own by default, a local fake in tests.
    pub api_base: String,
}

/// The OpenID Connect client registration for "Continue with Google".
#[derive(Debug, Clone)]
pub struct GoogleConfig {
    /// The issuer; Google's by default, a local fake in tests.
    pub issuer_url: String,
    /// OAuth client id.
    pub client_id: String,
    /// OAuth client secret.
    pub client_secret: Secret,
    /// `GOOGLE_API_BASE`: Google's APIs (Calendar); a local fake in tests.
    pub api_base: String,
}

/// `MEDIA_*`: a bucket when its three settings are set, else the folder; mistakes go in `err`.
pub(super) fn media(get: &impl Fn(&str) -> Option<String>, err: &mut ConfigError) -> MediaConfig {
    let is_http = |u: &str| u.starts_with("http://") || u.starts_with("https://");
    let s3 = match (
        get("MEDIA_S3_BUCKET"),
        get("MEDIA_S3_ACCESS_KEY_ID"),
        get("MEDIA_S3_SECRET_ACCESS_KEY"),
    ) {
        (Some(bucket), Some(access_key_id), Some(secret)) => Some(S3Config {
            bucket,
            region: get("MEDIA_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
            endpoint: get("MEDIA_S3_ENDPOINT"),
            access_key_id,
            secret_access_key: Secret(secret),
        }),
        (None, None, None) => None,
        _ => {
            err.invalid.push((
                "MEDIA_S3_BUCKET",
                "MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY must be set together".into(),
            ));
            None
        }
    };
    let cdn_url = get("MEDIA_CDN_URL").map(|u| u.trim_end_matches('/').to_owned());
    if cdn_url.as_deref().is_some_and(|u| !is_http(u)) {
        err.invalid.push((
            "MEDIA_CDN_URL",
            "must start with http:// or https://".into(),
        ));
    }
    MediaConfig {
        dir: get("MEDIA_DIR").unwrap_or_else(|| ".data/media".into()),
        s3,
        cdn_url,
    }
}

/// Where sites' custom domains point, shown to owners as the records to publish; custom
/// domains are off until `SITES_CNAME_TARGET` is set.
#[derive(Debug, Clone, Default)]
pub struct SitesConfig {
    /// `SITES_CNAME_TARGET`: the host names point at (`sites.mewayz.com`, the proxy that
    /// issues their certificates).
    pub cname_target: Option<String>,
    /// `SITES_IPV4`: the proxy's address, for apex domains that cannot have a CNAME.
    pub ipv4: Option<std::net::Ipv4Addr>,
}

/// `SITES_CNAME_TARGET`, `SITES_IPV4`; mistakes go in `err`.
pub(super) fn sites(get: &impl Fn(&str) -> Option<String>, err: &mut ConfigError) -> SitesConfig {
    let ipv4 = get("SITES_IPV4").and_then(|v| match v.parse() {
        Ok(ip) => Some(ip),
        Err(_) => {
            err.invalid.push((
                "SITES_IPV4",
                "must be an IPv4 address like 203.0.113.7".into(),
            ));
            None
        }
    });
    SitesConfig {
        cname_target: get("SITES_CNAME_TARGET")
            .map(|t| t.trim_end_matches('.').to_ascii_lowercase()),
        ipv4,
    }
}

/// Email marketing's outside world: bounce and complaint notifications, and the DNS checks of
/// sending domains.
#[derive(Debug, Clone, Default)]
pub struct EmailConfig {
    /// `EMAIL_WEBHOOK_TOKEN`: the password of `/webhooks/email/postmark` (HTTP Basic, any user
    /// name, as Postmark's webhook settings put it in the address); unset turns the endpoint off.
    pub token: Option<Secret>,
    /// `SNS_TOPIC_ARNS`: the Amazon SNS topics (comma-separated) whose SES notifications
    /// `/webhooks/email/ses` accepts; empty turns the endpoint off.
    pub sns_topics: Vec<String>,
    /// `SNS_CERT_URL_PREFIX`: the only place signing certificates may come from; unset means
    /// Amazon's own (`https://sns.<region>.amazonaws.com/`). A local fake in tests.
    pub sns_cert_prefix: Option<String>,
    /// `EMAIL_SPF_INCLUDE`: the SPF include of the SMTP provider (`amazonses.com`,
    /// `spf.mtasv.net`), which a sending domain's SPF record must name; unset asks only for an
    /// SPF record.
    pub spf_include: Option<String>,
    /// `DNS_RESOLVER`: the name server (`ip:port`) sending domains are checked against; unset
    /// uses the system's. A local fake in tests.
    pub dns_resolver: Option<std::net::SocketAddr>,
    /// `EMAIL_RATE_PER_SECOND`: the most campaign messages a send hands the SMTP server each
    /// second (default 1,000), below the provider's own cap.
    pub rate_per_second: u32,
    /// `CAMPAIGN_SMTP_URLS`: the SMTP servers campaigns and sequences go out through, in turn,
    /// comma-separated, each with its provider's caps after `#`
    /// (`smtps://u:p@smtp.example.com#per_hour=1000&per_day=20000`); empty sends them through
    /// `SMTP_URL` without caps.
    pub campaign_smtp: Vec<SmtpServer>,
}

/// One SMTP server for campaigns, with the caps its provider sets.
#[derive(Debug, Clone)]
pub struct SmtpServer {
    /// Its URL, as lettre reads it (without the caps).
    pub url: Secret,
    /// `host:port`, to name it in logs and on screens without its credentials.
    pub name: String,
    /// The most messages in any hour, if capped.
    pub per_hour: Option<u32>,
    /// The most messages in any day, if capped.
    pub per_day: Option<u32>,
}

/// `CAMPAIGN_SMTP_URLS` read into servers; a mistake names the entry.
fn smtp_servers(v: &str, err: &mut ConfigError) -> Vec<SmtpServer> {
    let mut out = Vec::new();
    for entry in v.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (url, caps) = entry.split_once('#').unwrap_or((entry, ""));
        let host = url
            .split_once("://")
            .map(|(_, rest)| rest.rsplit_once('@').map_or(rest, |(_, h)| h))
            .map(|h| h.split(['/', '?']).next().unwrap_or(h));
        let Some(host) = host.filter(|_| url.starts_with("smtp://") || url.starts_with("smtps://"))
        else {
            let why = "each entry must start with smtp:// or smtps://".into();
            err.invalid.push(("CAMPAIGN_SMTP_URLS", why));
            continue;
        };
        let mut server = SmtpServer {
            url: Secret(url.to_owned()),
            name: host.to_owned(),
            per_hour: None,
            per_day: None,
        };
        for cap in caps.split('&').filter(|c| !c.is_empty()) {
            let slot = match cap.split_once('=') {
                Some(("per_hour", n)) => n.parse().ok().map(|n| (&mut server.per_hour, n)),
                Some(("per_day", n)) => n.parse().ok().map(|n| (&mut server.per_day, n)),
                _ => None,
            };
            match slot {
                Some((slot, n)) if n > 0 => *slot = Some(n),
                _ => err.invalid.push((
                    "CAMPAIGN_SMTP_URLS",
                    format!("{host}: caps are per_hour=N and per_day=N, N from 1"),
                )),
            }
        }
        out.push(server);
    }
    out
}

/// `EMAIL_WEBHOOK_TOKEN`, `SNS_TOPIC_ARNS`, `SNS_CERT_URL_PREFIX`, `EMAIL_SPF_INCLUDE`,
/// `DNS_RESOLVER`, `EMAIL_RATE_PER_SECOND`, `CAMPAIGN_SMTP_URLS`; mistakes go in `err`.
pub(super) fn email(get: &impl Fn(&str) -> Option<String>, err: &mut ConfigError) -> EmailConfig {
    let dns_resolver = get("DNS_RESOLVER").and_then(|v| match v.parse() {
        Ok(addr) => Some(addr),
        Err(_) => {
            err.invalid.push((
                "DNS_RESOLVER",
                "must be an address like 127.0.0.1:53".into(),
            ));
            None
        }
    });
    let rate_per_second = match get("EMAIL_RATE_PER_SECOND").map(|v| v.parse::<u32>()) {
        None => 1000,
        Some(Ok(n)) if (1..=100_000).contains(&n) => n,
        Some(_) => {
            err.invalid.push((
                "EMAIL_RATE_PER_SECOND",
                "must be a whole number from 1 to 100000".into(),
            ));
            1000
        }
    };
    let campaign_smtp = get("CAMPAIGN_SMTP_URLS")
        .map(|v| smtp_servers(&v, err))
        .unwrap_or_default();
    EmailConfig {
        campaign_smtp,
        rate_per_second,
        spf_include: get("EMAIL_SPF_INCLUDE"),
        dns_resolver,
        token: get("EMAIL_WEBHOOK_TOKEN").map(Secret),
        sns_topics: get("SNS_TOPIC_ARNS")
            .map(|v| {
                v.split(',')
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        sns_cert_prefix: get("SNS_CERT_URL_PREFIX"),
    }
}
