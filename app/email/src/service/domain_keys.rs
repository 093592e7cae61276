//! DKIM keys of sending domains: made here (RSA 2048, what every mailbox provider checks), kept
//! sealed in the database under a key derived from `APP_SECRET` (ChaCha20-Poly1305), opened
//! only to sign.

use app_core::error::AppError;
use base64::Engine;
use identity::service::secrets::derive_key;
use platform::AppState;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};
use rsa::pkcs8::EncodePublicKey;

/// A new key pair: the private key as PKCS#1 PEM (what lettre signs with) and the public key
/// as the base64 SubjectPublicKeyInfo DER a DKIM record's `p=` holds.
pub async fn generate() -> Result<(String, String), AppError> {
    tokio::task::spawn_blocking(|| {
        let key = rsa::RsaPrivateKey::new(&mut rand08::rngs::OsRng, 2048).map_err(|e| {
            tracing::error!(error = %e, "DKIM key generation failed");
            AppError::Internal
        })?;
        let private = key
            .to_pkcs1_pem(LineEnding::LF)
            .map_err(|_| AppError::Internal)?
            .to_string();
        let public = key
            .to_public_key()
            .to_public_key_der()
            .map_err(|_| AppError::Internal)?;
        Ok((
            private,
            base64::engine::general_purpose::STANDARD.encode(public.as_bytes()),
        ))
    })
    .await
    .map_err(|_| AppError::Internal)?
}

fn key(state: &AppState) -> LessSafeKey {
    let bytes = derive_key(state.config.app_secret.expose(), "email.dkim_key");
    LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &bytes[..32]).expect("32-byte key"))
}

/// `pem` sealed for storage: base64 of nonce and ciphertext.
pub fn seal(state: &AppState, pem: &str) -> Result<String, AppError> {
    let mut nonce = [0u8; NONCE_LEN];
    SystemRandom::new()
        .fill(&mut nonce)
        .map_err(|_| AppError::Internal)?;
    let mut data = pem.as_bytes().to_vec();
    key(state)
        .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::empty(), &mut data)
        .map_err(|_| AppError::Internal)?;
    let mut out = nonce.to_vec();
    out.extend(data);
    Ok(base64::engine::general_purpose::STANDARD.encode(out))
}

/// The PEM [`seal`] sealed; fails when `APP_SECRET` changed since.
pub fn open(state: &AppState, sealed: &str) -> Result<String, AppError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .map_err(|_| AppError::Internal)?;
    if bytes.len() < NONCE_LEN {
        return Err(AppError::Internal);
    }
    let (nonce, rest) = bytes.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| AppError::Internal)?;
    let mut data = rest.to_vec();
    let plain = key(state)
        .open_in_place(nonce, Aad::empty(), &mut data)
        .map_err(|_| {
            tracing::error!("a DKIM key could not be opened: was APP_SECRET changed?");
            AppError::Internal
        })?;
    String::from_utf8(plain.to_vec()).map_err(|_| AppError::Internal)
}
