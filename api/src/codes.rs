//! Emailed 6-digit codes, stored only as keyed hashes: valid 15 minutes, at most 5 wrong tries
//! each and 30 wrong tries a day per address and purpose, whatever the code (a new code never
//! resets that), and at most one new code a minute and ten a day per address and purpose.
//! An account's code belongs to one registration attempt and confirms only that attempt.

use crate::budgets::{CODE_MAILS, WRONG_CODES};
use crate::db::Connection;
use crate::error::ApiError;
use crate::secrets::{keyed_hash, same, six_digit_code};

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
    fn hash(&self, key: &[u8], code: &str) -> String {
        keyed_hash(key, &[self.purpose.as_str(), self.email, self.attempt, code])
    }
}

/// 429 when a code for this address and purpose was sent less than a minute ago, or ten were
/// sent today; checked before the expensive work of a request.
pub async fn may_send(connection: &mut Connection, email: &str, purpose: Purpose, now: i64) -> Result<(), ApiError> {
    let last_sent: Option<i64> = sqlx::query_scalar("SELECT MAX(sent_at) FROM codes WHERE email = $1 AND purpose = $2")
        .bind(email)
        .bind(purpose.as_str())
        .fetch_one(&mut *connection)
        .await?;
    let wait = last_sent.map_or(0, |sent_at| sent_at + RESEND_SECONDS - now);
    if wait > 0 {
        return Err(ApiError::TooManyRequests(wait as u64));
    }
    match CODE_MAILS.spent(connection, &[purpose.as_str(), email], now).await? {
        Some(wait) => Err(ApiError::TooManyRequests(wait as u64)),
        None => Ok(()),
    }
}

/// Makes a new code, replacing the one `code_for` had; refused as [`may_send`] says. Run it
/// in a transaction locked for the address ([`crate::db::Db::begin_for`]).
pub async fn issue(
    connection: &mut Connection,
    key: &[u8],
    code_for: &CodeFor<'_>,
    now: i64,
) -> Result<String, ApiError> {
    may_send(connection, code_for.email, code_for.purpose, now).await?;
    CODE_MAILS.spend(connection, &[code_for.purpose.as_str(), code_for.email], now).await?;
    let code = six_digit_code()?;
    sqlx::query(
        "INSERT INTO codes (email, purpose, attempt, code_hash, sent_at, expires_at, wrong_tries) VALUES ($1, $2, $3, $4, $5, $6, 0)
         ON CONFLICT (email, purpose, attempt) DO UPDATE SET code_hash = $4, sent_at = $5, expires_at = $6, wrong_tries = 0",
    )
    .bind(code_for.email)
    .bind(code_for.purpose.as_str())
    .bind(code_for.attempt)
    .bind(code_for.hash(key, &code))
    .bind(now)
    .bind(now + VALID_SECONDS)
    .execute(connection)
    .await?;
    Ok(code)
}

/// Checks a code, counting a wrong one against the code and the address's daily budget; an
/// absent code is checked all the same (and is wrong). `consume` removes it once accepted.
/// Run it in a transaction locked for the address, committed whatever the answer, so that
/// guesses sent at once are counted one after another and a wrong one stays counted.
pub async fn check(
    connection: &mut Connection,
    key: &[u8],
    code_for: &CodeFor<'_>,
    code: &str,
    now: i64,
    consume: bool,
) -> Result<(), ApiError> {
    let scope = [code_for.purpose.as_str(), code_for.email];
    if WRONG_CODES.spent(connection, &scope, now).await?.is_some() {
        return Err(ApiError::field("code", TOO_MANY_TODAY));
    }
    let row: Option<(String, i64, i64)> = sqlx::query_as(
        "SELECT code_hash, expires_at, wrong_tries FROM codes WHERE email = $1 AND purpose = $2 AND attempt = $3",
    )
    .bind(code_for.email)
    .bind(code_for.purpose.as_str())
    .bind(code_for.attempt)
    .fetch_optional(&mut *connection)
    .await?;
    let given = code_for.hash(key, code);
    let (stored, expires_at, wrong_tries) = row.unwrap_or_default();
    if wrong_tries >= MAX_WRONG_TRIES {
        return Err(ApiError::field("code", TOO_MANY_TRIES));
    }
    if !stored.is_empty() && now >= expires_at {
        return Err(ApiError::field("code", EXPIRED));
    }
    if stored.is_empty() || !same(&given, &stored) {
        sqlx::query(
            "UPDATE codes SET wrong_tries = wrong_tries + 1 WHERE email = $1 AND purpose = $2 AND attempt = $3",
        )
        .bind(code_for.email)
        .bind(code_for.purpose.as_str())
        .bind(code_for.attempt)
        .execute(&mut *connection)
        .await?;
        WRONG_CODES.spend(connection, &scope, now).await?;
        let message = if wrong_tries + 1 >= MAX_WRONG_TRIES && !stored.is_empty() { TOO_MANY_TRIES } else { WRONG };
        return Err(ApiError::field("code", message));
    }
    if consume {
        sqlx::query("DELETE FROM codes WHERE email = $1 AND purpose = $2 AND attempt = $3")
            .bind(code_for.email)
            .bind(code_for.purpose.as_str())
            .bind(code_for.attempt)
            .execute(connection)
            .await?;
    }
    Ok(())
}
