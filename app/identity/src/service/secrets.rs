//! Random tokens, their stored hashes, and keyed MACs: the primitives of every credential.

use aes_gcm::aead::Aead;
use aes_gcm::{Aes256Gcm, Nonce};
use app_core::error::AppError;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 256 random bits, URL-safe: refresh tokens, email links, session ids.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored instead of a token: its SHA-256. Tokens carry 256 bits of entropy, so an
/// unsalted fast hash is enough (a leaked database does not yield usable tokens).
pub fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// HMAC-SHA256 of `message` under a key derived from the app secret for `purpose`, so one
/// secret serves several uses without their outputs being interchangeable.
pub fn mac(secret: &str, purpose: &str, message: &str) -> String {
    let mut m =
        Hmac::<Sha256>::new_from_slice(&derive_key(secret, purpose)).expect("any key length");
    m.update(message.as_bytes());
    URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())
}

/// Checks a MAC from [`mac`] in constant time.
pub fn verify_mac(secret: &str, purpose: &str, message: &str, tag: &str) -> bool {
    let Ok(tag) = URL_SAFE_NO_PAD.decode(tag) else {
        return false;
    };
    let mut m =
        Hmac::<Sha256>::new_from_slice(&derive_key(secret, purpose)).expect("any key length");
    m.update(message.as_bytes());
    m.verify_slice(&tag).is_ok()
}

/// A per-purpose key: HMAC(secret, purpose).
pub fn derive_key(secret: &str, purpose: &str) -> Vec<u8> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    m.update(purpose.as_bytes());
    m.finalize().into_bytes().to_vec()
}

fn cipher(secret: &str, purpose: &str) -> Aes256Gcm {
    <Aes256Gcm as aes_gcm::KeyInit>::new_from_slice(&derive_key(secret, purpose))
        .expect("32-byte key")
}

/// `plain` encrypted (AES-256-GCM, a fresh nonce each time) under a key derived from the app
/// secret for `purpose`: secrets kept at rest (TOTP keys, calendar tokens).
pub fn seal(secret: &str, purpose: &str, plain: &[u8]) -> Result<String, AppError> {
    let mut nonce = [0u8; 12];
    rand::rng().fill_bytes(&mut nonce);
    let ct = cipher(secret, purpose)
        .encrypt(Nonce::from_slice(&nonce), plain)
        .map_err(|_| AppError::Internal)?;
    Ok(STANDARD.encode([nonce.as_slice(), &ct].concat()))
}

/// What [`seal`] sealed for `purpose`; `Internal` when it does not open (a changed app secret).
pub fn open(secret: &str, purpose: &str, sealed: &str) -> Result<Vec<u8>, AppError> {
    let raw = STANDARD.decode(sealed).map_err(|_| AppError::Internal)?;
    if raw.len() < 12 {
        return Err(AppError::Internal);
    }
    let (nonce, ct) = raw.split_at(12);
    cipher(secret, purpose)
        .decrypt(Nonce::from_slice(nonce), ct)
        .map_err(|_| {
            tracing::error!(
                purpose,
                "a sealed secret could not be opened (APP_SECRET changed?)"
            );
            AppError::Internal
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hashes_stable() {
        let a = random_token();
        assert_ne!(a, random_token());
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn macs_bind_purpose_and_message() {
        let tag = mac("s3cret", "device", "user-1");
        assert!(verify_mac("s3cret", "device", "user-1", &tag));
        assert!(!verify_mac("s3cret", "device", "user-2", &tag));
        assert!(!verify_mac("s3cret", "other", "user-1", &tag));
        assert!(!verify_mac("other", "device", "user-1", &tag));
    }
}
