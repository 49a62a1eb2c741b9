//! The server's settings, from environment variables with development defaults.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    /// `NATO_API_ADDRESS`, default `127.0.0.1:3000`.
    pub address: String,
    /// `NATO_API_DATABASE`, default `./data/nato-georgia.sqlite3`.
    pub database: PathBuf,
    /// `NATO_API_DEV=1`: mail goes to the dev outbox (console and `GET /api/dev/outbox`).
    pub development: bool,
    /// Outside development: where mail is delivered.
    pub smtp: Option<SmtpConfig>,
    /// `NATO_API_PUBLIC_URL`: the site's address, for links in mail; default `http://127.0.0.1:8080`.
    pub public_url: String,
    /// `NATO_API_SECURE_COOKIES=1` marks the session cookie Secure (always, when behind https);
    /// without it, the cookie is Secure when the request came over https (`X-Forwarded-Proto`).
    pub secure_cookies: bool,
    /// `NATO_API_IP_LIMIT`: requests per minute per IP on sign-in and code endpoints (default 60).
    pub ip_limit_per_minute: u32,
}

/// SMTP delivery: `NATO_API_SMTP_URL` like `smtps://user:password@mail.example.org:465` or
/// `smtp://mail.example.org:587?tls=required`, and `NATO_API_MAIL_FROM`.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub url: String,
    pub from: String,
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|value| matches!(value.as_str(), "1" | "true" | "yes"))
}

impl Config {
    /// The settings for development and tests: a database at `database`, dev outbox on.
    pub fn development(database: PathBuf) -> Self {
        Self {
            address: "127.0.0.1:3000".into(),
            database,
            development: true,
            smtp: None,
            public_url: "http://127.0.0.1:8080".into(),
            secure_cookies: false,
            ip_limit_per_minute: 60,
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
        let mut config = Self::development(
            std::env::var_os("NATO_API_DATABASE").map_or_else(|| PathBuf::from("data/nato-georgia.sqlite3"), PathBuf::from),
        );
        if let Ok(address) = std::env::var("NATO_API_ADDRESS") {
            config.address = address;
        }
        if let Ok(url) = std::env::var("NATO_API_PUBLIC_URL") {
            config.public_url = url.trim_end_matches('/').to_owned();
        }
        config.development = development;
        config.smtp = smtp;
        config.secure_cookies = flag("NATO_API_SECURE_COOKIES");
        if let Ok(limit) = std::env::var("NATO_API_IP_LIMIT") {
            config.ip_limit_per_minute = limit.parse().map_err(|_| format!("NATO_API_IP_LIMIT={limit} is not a number"))?;
        }
        Ok(config)
    }
}
