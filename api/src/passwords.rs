//! Argon2id password hashing with OWASP's parameters (19 MiB, 2 passes, 1 lane). Passwords are
//! never logged or stored in clear.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::ApiError;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP's Argon2id parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::encode_b64(&crate::secrets::random_bytes::<16>()?)
        .map_err(|e| ApiError::Internal(format!("salt: {e}")))?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
}

pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash to compare against when there is no account, so both cases take as long.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("no account has this password").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn verifies_only_the_right_password() {
        let stored = super::hash("Vq7#t!mZ2@pL9w").unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(super::verify("Vq7#t!mZ2@pL9w", &stored));
        assert!(!super::verify("Vq7#t!mZ2@pL9W", &stored));
    }
}
