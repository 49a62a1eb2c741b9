//! Emailed 6-digit codes, stored only as keyed hashes: valid 15 minutes, at most 5 wrong tries
//! each and 30 wrong tries a day per address and purpose, whatever the code (a new code never
//! resets that), and at most one new code a minute and ten a day per address and purpose.
//! An account's code belongs to one registration attempt and confirms only that attempt.

use rusqlite::{params, Connection, OptionalExtension};

use crate::budgets::{CODE_MAILS, WRONG_CODES};
use crate::error::ApiError;
use crate::secrets::{hashing_key, keyed_hash, same, six_digit_code};

pub const VALID_SECONDS: i64 = 15 * 60;
pub const RESEND_SECONDS: i64 = 60;
pub const MAX_WRONG_TRIES: i64 = 5;

pub const WRONG: &str = "The code is not right. Check the email, or ask for a new code.";
pub const EXPIRED: &str = "The code has expired. Ask for a new code.";
pub const TOO_MANY_TRIES: &str = "Too many wrong codes. Ask for a new code.";
pub const TOO_MANY_TODAY: &str = "Too many wrong codes for this email address today. Try again tomorrow.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyAccount,
    ResetPassword,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyAccount => "verify-account",
            Purpose::ResetPassword => "reset-password",
        }
    }
}

/// Which code: an address, a purpose, and for an account the registration attempt (the keyed
/// hash of its cookie); a password reset has one code per address, with an empty attempt.
#[derive(Debug, Clone, Copy)]
pub struct CodeFor<'a> {
    pub email: &'a str,
    pub purpose: Purpose,
    pub attempt: &'a str,
}

impl CodeFor<'_> {
    fn hash(&self, connection: &Connection, code: &str) -> Result<String, ApiError> {
        Ok(keyed_hash(&hashing_key(connection)?, &[self.purpose.as_str(), self.email, self.attempt, code]))
    }
}

/// 429 when a code for this address and purpose was sent less than a minute ago, or ten were
/// sent today; checked before the expensive work of a request.
pub fn may_send(connection: &Connection, email: &str, purpose: Purpose, now: i64) -> Result<(), ApiError> {
    let last_sent: Option<i64> = connection.query_row(
        "SELECT MAX(sent_at) FROM codes WHERE email = ?1 AND purpose = ?2",
        params![email, purpose.as_str()],
        |row| row.get(0),
    )?;
    let wait = last_sent.map_or(0, |sent_at| sent_at + RESEND_SECONDS - now);
    if wait > 0 {
        return Err(ApiError::TooManyRequests(wait as u64));
    }
    match CODE_MAILS.spent(connection, &[purpose.as_str(), email], now)? {
        Some(wait) => Err(ApiError::TooManyRequests(wait as u64)),
        None => Ok(()),
    }
}

/// Makes a new code, replacing the one `key` had; refused as [`may_send`] says.
pub fn issue(connection: &Connection, key: &CodeFor, now: i64) -> Result<String, ApiError> {
    may_send(connection, key.email, key.purpose, now)?;
    CODE_MAILS.spend(connection, &[key.purpose.as_str(), key.email], now)?;
    let code = six_digit_code()?;
    connection.execute(
        "INSERT INTO codes (email, purpose, attempt, code_hash, sent_at, expires_at, wrong_tries) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)
         ON CONFLICT (email, purpose, attempt) DO UPDATE SET code_hash = ?4, sent_at = ?5, expires_at = ?6, wrong_tries = 0",
        params![key.email, key.purpose.as_str(), key.attempt, key.hash(connection, &code)?, now, now + VALID_SECONDS],
    )?;
    Ok(code)
}

/// Checks a code, counting a wrong one against the code and the address's daily budget; an
/// absent code is checked all the same (and is wrong). `consume` removes it once accepted.
pub fn check(connection: &Connection, key: &CodeFor, code: &str, now: i64, consume: bool) -> Result<(), ApiError> {
    let scope = [key.purpose.as_str(), key.email];
    if WRONG_CODES.spent(connection, &scope, now)?.is_some() {
        return Err(ApiError::field("code", TOO_MANY_TODAY));
    }
    let row: Option<(String, i64, i64)> = connection
        .query_row(
            "SELECT code_hash, expires_at, wrong_tries FROM codes WHERE email = ?1 AND purpose = ?2 AND attempt = ?3",
            params![key.email, key.purpose.as_str(), key.attempt],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let given = key.hash(connection, code)?;
    let (stored, expires_at, wrong_tries) = row.unwrap_or_default();
    if wrong_tries >= MAX_WRONG_TRIES {
        return Err(ApiError::field("code", TOO_MANY_TRIES));
    }
    if !stored.is_empty() && now >= expires_at {
        return Err(ApiError::field("code", EXPIRED));
    }
    if stored.is_empty() || !same(&given, &stored) {
        connection.execute(
            "UPDATE codes SET wrong_tries = wrong_tries + 1 WHERE email = ?1 AND purpose = ?2 AND attempt = ?3",
            params![key.email, key.purpose.as_str(), key.attempt],
        )?;
        WRONG_CODES.spend(connection, &scope, now)?;
        let message = if wrong_tries + 1 >= MAX_WRONG_TRIES && !stored.is_empty() { TOO_MANY_TRIES } else { WRONG };
        return Err(ApiError::field("code", message));
    }
    if consume {
        connection.execute(
            "DELETE FROM codes WHERE email = ?1 AND purpose = ?2 AND attempt = ?3",
            params![key.email, key.purpose.as_str(), key.attempt],
        )?;
    }
    Ok(())
}
