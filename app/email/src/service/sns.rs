//! Amazon SNS messages, trusted only once their signature holds: SignatureVersion 2
//! (SHA256withRSA) over the canonical fields, checked with the certificate the message names,
//! fetched only from Amazon's SNS hosts (or the one prefix the configuration allows, in tests),
//! and only for the topics the configuration lists.

use app_core::error::AppError;
use base64::Engine;
use platform::config::EmailConfig;
use serde::Deserialize;

/// An SNS message as posted to an HTTP subscription.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SnsMessage {
    /// `Notification`, `SubscriptionConfirmation` or `UnsubscribeConfirmation`.
    #[serde(rename = "Type")]
    pub kind: String,
    /// Id.
    pub message_id: String,
    /// The topic it came through.
    pub topic_arn: String,
    /// The payload: for SES, its notification as JSON text.
    pub message: String,
    /// When SNS sent it.
    pub timestamp: String,
    /// Notifications only, when the publisher set one.
    #[serde(default)]
    pub subject: Option<String>,
    /// Confirmations only.
    #[serde(default, rename = "SubscribeURL")]
    pub subscribe_url: Option<String>,
    /// Confirmations only.
    #[serde(default)]
    pub token: Option<String>,
    /// `1` (SHA1, refused) or `2`.
    pub signature_version: String,
    /// Base64.
    pub signature: String,
    /// Where the signing certificate is.
    #[serde(rename = "SigningCertURL")]
    pub signing_cert_url: String,
}

impl SnsMessage {
    /// The text SNS signs: chosen fields as `name\nvalue\n`, in name order.
    pub fn canonical(&self) -> String {
        let mut fields: Vec<(&str, &str)> =
            vec![("Message", &self.message), ("MessageId", &self.message_id)];
        if self.kind == "Notification" {
            if let Some(subject) = &self.subject {
                fields.push(("Subject", subject));
            }
            fields.push(("Timestamp", &self.timestamp));
        } else {
            fields.push(("SubscribeURL", self.subscribe_url.as_deref().unwrap_or("")));
            fields.push(("Timestamp", &self.timestamp));
            fields.push(("Token", self.token.as_deref().unwrap_or("")));
        }
        fields.push(("TopicArn", &self.topic_arn));
        fields.push(("Type", &self.kind));
        fields.iter().map(|(k, v)| format!("{k}\n{v}\n")).collect()
    }
}

/// Whether `url` is on Amazon's SNS hosts (`https://sns.<region>.amazonaws.com/…`), or under the
/// configured prefix.
pub fn trusted_url(config: &EmailConfig, url: &str) -> bool {
    if let Some(prefix) = &config.sns_cert_prefix {
        return url.starts_with(prefix.as_str());
    }
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.starts_with("sns.")
        && host.ends_with(".amazonaws.com")
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

fn refused(why: &str) -> AppError {
    tracing::warn!(why, "SNS message refused");
    AppError::Forbidden
}

/// Checks `m` came from a configured topic through SNS, fetching its signing certificate.
pub async fn verify(config: &EmailConfig, m: &SnsMessage) -> Result<(), AppError> {
    if !config.sns_topics.contains(&m.topic_arn) {
        return Err(refused("unknown topic"));
    }
    if m.signature_version != "2" {
        return Err(refused("only SignatureVersion 2 is accepted"));
    }
    if !trusted_url(config, &m.signing_cert_url) || !m.signing_cert_url.ends_with(".pem") {
        return Err(refused("certificate from elsewhere"));
    }
    let pem = fetch(&m.signing_cert_url).await?;
    check_signature(&pem, m.canonical().as_bytes(), &m.signature)
}

/// Checks `signature` (base64) over `msg` against the certificate in `pem`.
pub fn check_signature(pem: &[u8], msg: &[u8], signature: &str) -> Result<(), AppError> {
    use pki_types::pem::PemObject;
    let der =
        pki_types::CertificateDer::from_pem_slice(pem).map_err(|_| refused("bad certificate"))?;
    let cert = webpki::EndEntityCert::try_from(&der).map_err(|_| refused("bad certificate"))?;
    let sig = base64::engine::general_purpose::STANDARD
        .decode(signature.trim())
        .map_err(|_| refused("bad signature encoding"))?;
    cert.verify_signature(webpki::ring::RSA_PKCS1_2048_8192_SHA256, msg, &sig)
        .map_err(|_| refused("signature does not hold"))
}

/// GETs `url` (a certificate, or a subscription's confirmation).
pub async fn fetch(url: &str) -> Result<Vec<u8>, AppError> {
    // The HTTP client's TLS has no provider of its own; an error means one is installed.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let unavailable = |e: reqwest_media::Error| {
        tracing::warn!(error = %e, url, "SNS fetch failed");
        AppError::Unavailable {
            service: "Amazon SNS".into(),
        }
    };
    let client = reqwest_media::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(unavailable)?;
    let res = client.get(url).send().await.map_err(unavailable)?;
    let res = res.error_for_status().map_err(unavailable)?;
    Ok(res.bytes().await.map_err(unavailable)?.to_vec())
}
