//! Argon2id password hashing, off the async runtime and bounded so a burst of log-ins cannot
//! starve every other request of CPU and memory.

use app_core::error::AppError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// How many hashes may run at once; each takes ~19 MiB and most of a core for a moment.
const CONCURRENT_HASHES: usize = 4;

const COMMON: &str = include_str!("common_passwords.txt");

/// Hashes and verifies passwords with the argon2 crate's defaults (Argon2id, m=19 MiB, t=2, p=1).
#[derive(Clone, Debug)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// Verified when the account does not exist, so both answers take the same time.
    dummy_hash: Arc<str>,
}

/// The hasher the identity module keeps in the state.
pub fn of(state: &platform::AppState) -> &PasswordHasher {
    state
        .service::<PasswordHasher>()
        .expect("the identity module registers its password hasher")
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl PasswordHasher {
    /// A hasher allowing a few concurrent hashes.
    pub fn new() -> Self {
        let salt = SaltString::generate(&mut OsRng);
        let dummy = Argon2::default()
            .hash_password(b"not-a-real-password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default();
        PasswordHasher {
            permits: Arc::new(Semaphore::new(CONCURRENT_HASHES)),
            dummy_hash: dummy.into(),
        }
    }

    /// The PHC string of `password` with a fresh salt.
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        self.blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| {
                    tracing::error!(error = %e, "password hashing failed");
                    AppError::Internal
                })
        })
        .await
    }

    /// Whether `password` matches `hash`; with no hash, spends the same effort and says no.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, AppError> {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.dummy_hash.to_string());
        self.blocking(move || {
            let parsed = PasswordHash::new(&hash).map_err(|e| {
                tracing::error!(error = %e, "stored password hash is malformed");
                AppError::Internal
            })?;
            Ok(known
                && Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok())
        })
        .await
    }

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|_| AppError::Internal)?
    }
}

/// Whether `password` is on the list of commonly used passwords shipped with the app (the
/// 10-character-and-longer entries of zxcvbn's 30,000 most common passwords; shorter ones fail
/// the length rule anyway).
pub fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    COMMON.lines().any(|line| line == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_are_recognised_in_any_case() {
        assert!(is_common("qwertyuiop"));
        assert!(is_common("Password123"));
        assert!(!is_common("correct horse battery staple"));
    }

    #[tokio::test]
    async fn hashes_verify_and_wrong_passwords_do_not() {
        let h = PasswordHasher::new();
        let hash = h.hash("a long passphrase".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(h
            .verify("a long passphrase".into(), Some(hash.clone()))
            .await
            .unwrap());
        assert!(!h
            .verify("a wrong passphrase".into(), Some(hash))
            .await
            .unwrap());
        assert!(!h.verify("anything at all".into(), None).await.unwrap());
    }
}
