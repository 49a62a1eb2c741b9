//! Random values and one-way hashes: codes and session tokens are stored only as keyed
//! SHA-256 hashes, with a key that lives in the database and never leaves the server.

use sha2::{Digest, Sha256};

use crate::error::ApiError;

pub fn random_bytes<const N: usize>() -> Result<[u8; N], ApiError> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(bytes)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A token for a session cookie or a confirmation link: 32 random bytes, hex.
pub fn token() -> Result<String, ApiError> {
    Ok(hex(&random_bytes::<32>()?))
}

/// A uniformly random 6-digit code from the operating system's CSPRNG.
pub fn six_digit_code() -> Result<String, ApiError> {
    loop {
        let value = u32::from_le_bytes(random_bytes::<4>()?);
        // Reject the top of the range so every code is equally likely.
        if value < u32::MAX - u32::MAX % 1_000_000 {
            return Ok(format!("{:06}", value % 1_000_000));
        }
    }
}

/// The database's hashing key, made on first use; every instance reads the same one.
pub async fn hashing_key(pool: &sqlx::AnyPool) -> Result<Vec<u8>, ApiError> {
    let made = random_bytes::<32>()?.to_vec();
    sqlx::query("INSERT INTO secrets (name, value) VALUES ('hash-key', $1) ON CONFLICT (name) DO NOTHING")
        .bind(made)
        .execute(pool)
        .await?;
    Ok(sqlx::query_scalar("SELECT value FROM secrets WHERE name = 'hash-key'").fetch_one(pool).await?)
}

/// Whether two hashes are equal, taking the same time wherever they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// Keyed hash of the parts, hex.
pub fn keyed_hash(key: &[u8], parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(key);
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex(&hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..200 {
            let code = six_digit_code().unwrap();
            assert_eq!(code.len(), 6);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn hashes_depend_on_key_and_every_part() {
        let a = keyed_hash(b"k", &["a@b", "123456"]);
        assert_ne!(a, keyed_hash(b"other", &["a@b", "123456"]));
        assert_ne!(a, keyed_hash(b"k", &["a@b1", "23456"]));
        assert_eq!(a, keyed_hash(b"k", &["a@b", "123456"]));
    }

    #[test]
    fn compares_whole_hashes() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd") && !same("abc", "ab") && !same("", "a"));
    }
}
