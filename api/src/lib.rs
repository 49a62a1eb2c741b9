//! The reference API behind the site's forms. It enforces the browser's own checks (the shared
//! `nato-georgia-checks` crate), keeps its data in SQLite or PostgreSQL, and sends mail through
//! an outbox.
//! docs/api.md's "Security" section says what it holds against abuse, and where.

pub mod answers;
pub mod budgets;
pub mod client_ip;
pub mod clock;
pub mod codes;
pub mod config;
pub mod cookies;
pub mod db;
pub mod error;
pub mod hashing;
pub mod janitor;
pub mod json;
pub mod mail;
pub mod metrics;
pub mod rate_limit;
pub mod routes;
pub mod secrets;
pub mod server;
pub mod state;

use std::sync::Arc;

use tokio::net::TcpListener;

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::state::AppState;

/// Serves the API on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    config: Config,
    clock: Arc<dyn Clock>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let delivery = match &config.smtp {
        Some(smtp) => mail::Delivery::smtp(smtp).map_err(std::io::Error::other)?,
        None => mail::Delivery::Console,
    };
    let state = AppState::open(config.clone(), clock.clone()).await.map_err(std::io::Error::other)?;
    let metrics = match &config.metrics_address {
        Some(address) => Some(metrics::spawn(TcpListener::bind(address).await?, state.0.db.clone(), clock.clone())),
        None => None,
    };
    let every_minute = std::time::Duration::from_secs(60);
    let mail = mail::spawn_delivery(
        state.0.db.clone(),
        delivery,
        clock.clone(),
        config.mail_poll,
        config.mail_lease,
        config.development,
    );
    let janitor = janitor::spawn(state.0.db.clone(), clock, every_minute);
    let server = server::Server {
        router: routes::router(state),
        limits: config.connections,
        timeouts: config.timeouts,
        trusted_proxies: config.trusted_proxies,
    };
    let served = server.run(listener, shutdown).await;
    janitor.abort();
    if let Some(metrics) = metrics {
        metrics.abort();
    }
    // The message on its way is sent and marked before the process ends.
    mail.stop(config.mail_lease / 2).await;
    served
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Binds the configured address and serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> std::io::Result<()> {
    let listener = TcpListener::bind(&config.address).await?;
    tracing::info!(address = %listener.local_addr()?, database = %config.database, development = config.development, smtp = config.smtp.is_some(), metrics = ?config.metrics_address, "API listening");
    serve(listener, config, Arc::new(SystemClock), shutdown_signal()).await
}
