//! Passwords, session ids, API tokens and sign-in throttling.
//!
//! Passwords are hashed with argon2id. Session ids and API tokens are 256-bit
//! random values; the store keeps only their SHA-256, so reading the database
//! opens no session. Sign-in failures are counted in the store (so several
//! servers share the count) under a hash of the address, never the address.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;
use time::{Duration, OffsetDateTime};

use ombud_core::user::{Email, User};
use ombud_store::Store;

/// How long a session lasts without signing in again.
pub const SESSION_LIFETIME: Duration = Duration::hours(8);
/// The window in which failed sign-ins are counted.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// Failed attempts allowed per e-mail address in the window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed attempts allowed per client address in the window.
pub const MAX_FAILURES_PER_CLIENT: i64 = 30;

/// 32 random bytes as URL-safe base64 (43 characters).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the store keeps of a session id or token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new API token, recognisable by its prefix in logs and secret scanners.
pub fn new_api_token() -> String {
    format!("ombud_{}", random_token())
}

/// Hashes a password with argon2id and a random salt (PHC string format).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing with default parameters succeeds")
        .to_string()
}

/// Checks a password against a stored PHC string.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Verified against when the account does not exist, so that an unknown
/// address takes as long to refuse as a wrong password.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("no account has this password"));

fn throttle_key(kind: &str, value: &str) -> String {
    token_hash(&format!("{kind}:{value}"))
}

/// Why signing in did not succeed. Both failures show the same message.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginError {
    /// Unknown address, wrong password or inactive account: never told apart.
    Invalid,
    /// Too many failures for this address or client; try again later.
    Throttled,
}

/// Checks the credentials, counting failures per address and per client.
pub async fn authenticate(
    store: &dyn Store,
    email: &str,
    password: &str,
    client: &str,
) -> Result<User, LoginError> {
    let now = OffsetDateTime::now_utc();
    let since = now - THROTTLE_WINDOW;
    let normalised = email.trim().to_lowercase();
    let account_key = throttle_key("account", &normalised);
    let client_key = throttle_key("client", client);
    let count = |key: String| async move {
        store
            .count_login_failures(&key, since)
            .await
            .unwrap_or(i64::MAX)
    };
    if count(account_key.clone()).await >= MAX_FAILURES_PER_ACCOUNT
        || count(client_key.clone()).await >= MAX_FAILURES_PER_CLIENT
    {
        return Err(LoginError::Throttled);
    }
    let found = match Email::parse(&normalised) {
        Ok(e) => store.user_credentials(&e).await.ok().flatten(),
        Err(_) => None,
    };
    let ok = match &found {
        Some((user, hash)) => verify_password(password, hash) && user.active,
        None => {
            verify_password(password, &DUMMY_HASH);
            false
        }
    };
    if ok {
        let _ = store.clear_login_failures(&account_key).await;
        Ok(found.expect("checked above").0)
    } else {
        let _ = store.record_login_failure(&account_key, now).await;
        let _ = store.record_login_failure(&client_key, now).await;
        Err(LoginError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let h = hash_password("korrekt häst batteri");
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password("korrekt häst batteri", &h));
        assert!(!verify_password("korrekt hast batteri", &h));
        assert!(!verify_password("x", "not a phc string"));
        assert_ne!(h, hash_password("korrekt häst batteri"), "salted");
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), token_hash(&b));
        assert!(new_api_token().starts_with("ombud_"));
    }
}
