//! Budgets per email address, kept in the database so that a restart or a second request at
//! the same moment does not reset them: how many code mails, wrong codes, newsletter mails and
//! failed sign-ins an address may have in a window.
//!
//! A window opens at the first count and lasts its length; the next opens at the first count
//! after it. So windows never overlap, and in any span of N windows' length at most N + 1
//! windows' worth is spent (docs/api.md works this out for codes). Expired windows are
//! deleted by the janitor.

use crate::db::Connection;
use crate::error::ApiError;

pub const HOUR: i64 = 60 * 60;
pub const DAY: i64 = 24 * HOUR;

pub struct Budget {
    /// What is counted; with the scope, the row's name.
    pub name: &'static str,
    pub max: i64,
    pub window: i64,
}

/// Code mails per address and purpose (with at most one a minute).
pub const CODE_MAILS: Budget = Budget { name: "code-mails", max: 10, window: DAY };
/// Wrong codes per address and purpose, whatever the code: a new code does not reset it.
pub const WRONG_CODES: Budget = Budget { name: "wrong-codes", max: 30, window: DAY };
/// Newsletter confirmation mails per address (with at most one every ten minutes).
pub const NEWSLETTER_MAILS: Budget = Budget { name: "newsletter-mails", max: 5, window: DAY };
/// Failed sign-ins per address from every client together; beyond it, only a browser that
/// signed in to the account before may try (its device cookie).
pub const SIGN_IN_FAILURES: Budget = Budget { name: "sign-in-failures", max: 100, window: HOUR };

impl Budget {
    fn key(&self, scope: &[&str]) -> String {
        let mut key = self.name.to_owned();
        for part in scope {
            key.push(':');
            key.push_str(part);
        }
        key
    }

    /// `Some(seconds)` until the budget has room again, when it is spent; `None` when it has room.
    pub async fn spent(&self, connection: &mut Connection, scope: &[&str], now: i64) -> Result<Option<i64>, ApiError> {
        let row: Option<(i64, i64)> = sqlx::query_as("SELECT spent, expires_at FROM budgets WHERE name = $1")
            .bind(self.key(scope))
            .fetch_optional(connection)
            .await?;
        let wait =
            row.filter(|(spent, expires_at)| *spent >= self.max && *expires_at > now).map(|(_, until)| until - now);
        if wait.is_some() {
            crate::metrics::metrics().refused(self.name);
        }
        Ok(wait)
    }

    /// Spends one; the amount spent in the current window, this one included.
    pub async fn spend(&self, connection: &mut Connection, scope: &[&str], now: i64) -> Result<i64, ApiError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO budgets (name, expires_at, spent) VALUES ($1, $2 + $3, 1)
             ON CONFLICT (name) DO UPDATE SET
                 spent = CASE WHEN budgets.expires_at <= $2 THEN 1 ELSE budgets.spent + 1 END,
                 expires_at = CASE WHEN budgets.expires_at <= $2 THEN $2 + $3 ELSE budgets.expires_at END
             RETURNING spent",
        )
        .bind(self.key(scope))
        .bind(now)
        .bind(self.window)
        .fetch_one(connection)
        .await?)
    }

    /// Starts afresh: after a password reset, the sign-ins that failed before it no longer count.
    pub async fn forget(&self, connection: &mut Connection, scope: &[&str]) -> Result<(), ApiError> {
        sqlx::query("DELETE FROM budgets WHERE name = $1").bind(self.key(scope)).execute(connection).await?;
        Ok(())
    }
}
