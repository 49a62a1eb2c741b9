//! Emailed 6-digit codes: valid 15 minutes, at most 5 wrong tries, a new one at most once per
//! 60 s per address and purpose, and a new code replaces the old one. Stored only as hashes.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::ApiError;
use crate::secrets::{hashing_key, keyed_hash, six_digit_code};

pub const VALID_SECONDS: i64 = 15 * 60;
pub const RESEND_SECONDS: i64 = 60;
pub const MAX_WRONG_TRIES: i64 = 5;

pub const WRONG: &str = "The code is not right. Check the email, or ask for a new code.";
pub const EXPIRED: &str = "The code has expired. Ask for a new code.";
pub const TOO_MANY_TRIES: &str = "Too many wrong codes. Ask for a new code.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyAccount,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyAccount => "verify-account",
            Purpose::ResetPassword => "reset-password",
        }
    }
}

/// Makes a new code for the address, replacing any old one; refused within 60 s of the last.
pub fn issue(connection: &Connection, email: &str, purpose: Purpose, now: i64) -> Result<String, ApiError> {
    let last_sent: Option<i64> = connection
        .query_row(
            "SELECT sent_at FROM codes WHERE email = ?1 AND purpose = ?2",
            params![email, purpose.as_str()],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(sent_at) = last_sent {
        let wait = sent_at + RESEND_SECONDS - now;
        if wait > 0 {
            return Err(ApiError::TooManyRequests(wait as u64));
        }
    }
    let code = six_digit_code()?;
    let hash = keyed_hash(&hashing_key(connection)?, &[purpose.as_str(), email, &code]);
    connection.execute(
        "INSERT INTO codes (email, purpose, code_hash, sent_at, expires_at, wrong_tries) VALUES (?1, ?2, ?3, ?4, ?5, 0)
         ON CONFLICT (email, purpose) DO UPDATE SET code_hash = ?3, sent_at = ?4, expires_at = ?5, wrong_tries = 0",
        params![email, purpose.as_str(), hash, now, now + VALID_SECONDS],
    )?;
    Ok(code)
}

/// Checks a code, counting a wrong one; `consume` removes it once accepted.
pub fn check(
    connection: &Connection,
    email: &str,
    purpose: Purpose,
    code: &str,
    now: i64,
    consume: bool,
) -> Result<(), ApiError> {
    let row: Option<(String, i64, i64)> = connection
        .query_row(
            "SELECT code_hash, expires_at, wrong_tries FROM codes WHERE email = ?1 AND purpose = ?2",
            params![email, purpose.as_str()],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let Some((stored, expires_at, wrong_tries)) = row else {
        return Err(ApiError::field("code", WRONG));
    };
    if wrong_tries >= MAX_WRONG_TRIES {
        return Err(ApiError::field("code", TOO_MANY_TRIES));
    }
    if now >= expires_at {
        return Err(ApiError::field("code", EXPIRED));
    }
    if keyed_hash(&hashing_key(connection)?, &[purpose.as_str(), email, code]) != stored {
        connection.execute(
            "UPDATE codes SET wrong_tries = wrong_tries + 1 WHERE email = ?1 AND purpose = ?2",
            params![email, purpose.as_str()],
        )?;
        let message = if wrong_tries + 1 >= MAX_WRONG_TRIES { TOO_MANY_TRIES } else { WRONG };
        return Err(ApiError::field("code", message));
    }
    if consume {
        connection.execute("DELETE FROM codes WHERE email = ?1 AND purpose = ?2", params![email, purpose.as_str()])?;
    }
    Ok(())
}
