//! `nato-georgia-api`: the reference API server. Configured by environment variables (see
//! `docs/api.md`); stops gracefully on Ctrl-C or SIGTERM.

use std::process::ExitCode;

/// Blocking threads send mail over SMTP, one message at a time: a few suffice, and a burst of
/// requests does not start hundreds.
const BLOCKING_THREADS: usize = 16;

fn main() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread().enable_all().max_blocking_threads(BLOCKING_THREADS).build() {
        Ok(runtime) => runtime.block_on(serve()),
        Err(error) => {
            eprintln!("cannot start the async runtime: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let config = match nato_georgia_api::config::Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            tracing::error!("configuration: {message}");
            return ExitCode::FAILURE;
        }
    };
    match nato_georgia_api::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("the server stopped: {error}");
            ExitCode::FAILURE
        }
    }
}
