//! The server's settings, from environment variables with development defaults.

use std::time::Duration;

use crate::client_ip::TrustedProxies;
use crate::db::Database;

#[derive(Debug, Clone)]
pub struct Config {
    /// `NATO_API_ADDRESS`, default `127.0.0.1:3000`.
    pub address: String,
    /// `NATO_API_DATABASE`: a SQLite file (default `./data/nato-georgia.sqlite3`) or a
    /// `postgres://` URL.
    pub database: Database,
    /// `NATO_API_DATABASE_POOL`: connections to PostgreSQL per instance (default 10); SQLite
    /// always has one.
    pub pool_size: u32,
    /// `NATO_API_MAIL_LEASE`: seconds an instance holds a message it is delivering before
    /// another may take it over (default 60); a message must be sent within half of it.
    pub mail_lease: Duration,
    /// How often the delivery task looks for mail to send (half a second; tests shorten it).
    pub mail_poll: Duration,
    /// `NATO_API_DEV=1`: mail goes to the dev outbox (console and `GET /api/dev/outbox`).
    pub development: bool,
    /// Outside development: where mail is delivered.
    pub smtp: Option<SmtpConfig>,
    /// `NATO_API_PUBLIC_URL`: the site's address, for links in mail; default `http://127.0.0.1:8080`.
    pub public_url: String,
    /// `NATO_API_SECURE_COOKIES=1` marks the cookies Secure (always, when behind https);
    /// without it, they are Secure when the request came over https (`X-Forwarded-Proto`).
    pub secure_cookies: bool,
    /// `NATO_API_IP_LIMIT`: requests per minute per client address on every endpoint that
    /// takes an email address (default 60).
    pub ip_limit_per_minute: u32,
    /// `NATO_API_TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: TrustedProxies,
    pub connections: ConnectionLimits,
    pub timeouts: Timeouts,
    pub hashing: HashingLimits,
    /// `NATO_API_METRICS_ADDRESS`: where the metrics are served (`127.0.0.1:9090`); off when unset.
    /// Never the public address.
    pub metrics_address: Option<String>,
}

/// How many connections are served at once.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// `NATO_API_MAX_CONNECTIONS` (default 512; never more than the open-files limit allows).
    pub total: usize,
    /// `NATO_API_MAX_CONNECTIONS_PER_IP` (default 32); trusted proxies are exempt.
    pub per_ip: usize,
}

/// How long a client may take.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// `NATO_API_HEADER_TIMEOUT`: seconds to send the request line and headers (default 10).
    pub header: Duration,
    /// `NATO_API_BODY_TIMEOUT`: seconds to send the body (default 10).
    pub body: Duration,
    /// `NATO_API_REQUEST_TIMEOUT`: seconds for a whole request, answer included (default 30).
    pub request: Duration,
}

/// How many password hashes run at once, and how many may wait.
#[derive(Debug, Clone, Copy)]
pub struct HashingLimits {
    /// `NATO_API_HASH_WORKERS`: default, the number of cores.
    pub workers: usize,
    /// `NATO_API_HASH_QUEUE`: default, 8 per worker.
    pub queue: usize,
}

/// SMTP delivery: `NATO_API_SMTP_URL` like `smtps://user:password@mail.example.org:465` or
/// `smtp://mail.example.org:587?tls=required`, and `NATO_API_MAIL_FROM`.
#[derive(Clone)]
pub struct SmtpConfig {
    pub url: String,
    pub from: String,
}

/// Shows the URL without its credentials, so that printing the settings never prints them.
impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (scheme, rest) = self.url.split_once("://").unwrap_or(("", &self.url));
        let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
        f.debug_struct("SmtpConfig").field("url", &format!("{scheme}://…@{host}")).field("from", &self.from).finish()
    }
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|value| matches!(value.as_str(), "1" | "true" | "yes"))
}

/// A positive whole number from the environment, or `default` when it is not set.
fn number(name: &str, default: usize) -> Result<usize, String> {
    match std::env::var(name) {
        Ok(value) => match value.trim().parse() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("{name}={value} is not a positive whole number")),
        },
        Err(_) => Ok(default),
    }
}

fn seconds(name: &str, default: u64) -> Result<Duration, String> {
    number(name, default as usize).map(|n| Duration::from_secs(n as u64))
}

impl HashingLimits {
    /// One worker per core, eight waiting per worker.
    pub fn from_cores() -> Self {
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        Self { workers, queue: 8 * workers }
    }
}

/// `NATO_API_DATABASE`, or the default SQLite file.
pub fn database_from_env() -> Database {
    Database::parse(&std::env::var("NATO_API_DATABASE").unwrap_or_else(|_| "data/nato-georgia.sqlite3".into()))
}

impl Config {
    /// The settings for development and tests: the database at `database`, dev outbox on.
    pub fn development(database: impl Into<Database>) -> Self {
        Self {
            address: "127.0.0.1:3000".into(),
            database: database.into(),
            pool_size: 10,
            mail_lease: Duration::from_secs(60),
            mail_poll: Duration::from_millis(500),
            development: true,
            smtp: None,
            public_url: "http://127.0.0.1:8080".into(),
            secure_cookies: false,
            ip_limit_per_minute: 60,
            trusted_proxies: TrustedProxies::default(),
            connections: ConnectionLimits { total: 512, per_ip: 32 },
            timeouts: Timeouts {
                header: Duration::from_secs(10),
                body: Duration::from_secs(10),
                request: Duration::from_secs(30),
            },
            hashing: HashingLimits::from_cores(),
            metrics_address: None,
        }
    }

    pub fn from_env() -> Result<Self, String> {
        let development = flag("NATO_API_DEV");
        let smtp = match (std::env::var("NATO_API_SMTP_URL"), std::env::var("NATO_API_MAIL_FROM")) {
            (Ok(url), Ok(from)) => Some(SmtpConfig { url, from }),
            (Ok(_), Err(_)) => return Err("NATO_API_SMTP_URL is set but NATO_API_MAIL_FROM is not".into()),
            _ => None,
        };
        if !development && smtp.is_none() {
            return Err("set NATO_API_SMTP_URL and NATO_API_MAIL_FROM to deliver mail, or NATO_API_DEV=1 for the development outbox".into());
        }
        let mut config = Self::development(database_from_env());
        config.pool_size = number("NATO_API_DATABASE_POOL", config.pool_size as usize)? as u32;
        config.mail_lease = seconds("NATO_API_MAIL_LEASE", 60)?;
        if config.mail_lease < Duration::from_secs(2) {
            return Err("NATO_API_MAIL_LEASE must be at least 2 seconds".into());
        }
        if let Ok(address) = std::env::var("NATO_API_ADDRESS") {
            config.address = address;
        }
        if let Ok(url) = std::env::var("NATO_API_PUBLIC_URL") {
            config.public_url = url.trim_end_matches('/').to_owned();
        }
        config.development = development;
        config.smtp = smtp;
        config.secure_cookies = flag("NATO_API_SECURE_COOKIES");
        config.ip_limit_per_minute = number("NATO_API_IP_LIMIT", 60)? as u32;
        if let Ok(list) = std::env::var("NATO_API_TRUSTED_PROXIES") {
            config.trusted_proxies = list.parse().map_err(|e| format!("NATO_API_TRUSTED_PROXIES: {e}"))?;
        }
        config.connections = ConnectionLimits {
            total: number("NATO_API_MAX_CONNECTIONS", config.connections.total)?,
            per_ip: number("NATO_API_MAX_CONNECTIONS_PER_IP", config.connections.per_ip)?,
        };
        config.timeouts = Timeouts {
            header: seconds("NATO_API_HEADER_TIMEOUT", 10)?,
            body: seconds("NATO_API_BODY_TIMEOUT", 10)?,
            request: seconds("NATO_API_REQUEST_TIMEOUT", 30)?,
        };
        let workers = number("NATO_API_HASH_WORKERS", config.hashing.workers)?;
        config.hashing = HashingLimits { workers, queue: number("NATO_API_HASH_QUEUE", 8 * workers)? };
        config.metrics_address = std::env::var("NATO_API_METRICS_ADDRESS").ok().filter(|address| !address.is_empty());
        if config.metrics_address.as_deref() == Some(config.address.as_str()) {
            return Err(
                "NATO_API_METRICS_ADDRESS must not be NATO_API_ADDRESS: the metrics are not for the public".into()
            );
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::SmtpConfig;

    #[test]
    fn printing_the_smtp_settings_never_prints_the_password() {
        let smtp = SmtpConfig { url: "smtps://user:s3cret@mail.example.org:465".into(), from: "a@example.org".into() };
        let shown = format!("{smtp:?}");
        assert!(
            !shown.contains("s3cret") && !shown.contains("user") && shown.contains("mail.example.org:465"),
            "{shown}"
        );
    }
}
