//! `nato-georgia-api`: the reference API server. Configured by environment variables (see
//! `docs/api.md`); stops gracefully on Ctrl-C or SIGTERM. `nato-georgia-api copy-database FROM
//! TO` copies one database into another instead (docs/api.md "Running more than one instance"),
//! and `nato-georgia-api backup PATH` backs up the SQLite database (docs/api.md "Backups").

use std::process::ExitCode;

/// Blocking threads send mail over SMTP, one message at a time: a few suffice, and a burst of
/// requests does not start hundreds.
const BLOCKING_THREADS: usize = 16;

fn main() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread().enable_all().max_blocking_threads(BLOCKING_THREADS).build() {
        Ok(runtime) => match std::env::args().skip(1).collect::<Vec<_>>().as_slice() {
            [] => runtime.block_on(serve()),
            [command, from, to] if command == "copy-database" => runtime.block_on(copy_database(from, to)),
            [command, to] if command == "backup" => runtime.block_on(backup(to)),
            _ => {
                eprintln!("usage: nato-georgia-api                         serve (settings: docs/api.md)\n       nato-georgia-api copy-database FROM TO   copy every row of FROM into the empty TO\n                                                  (each a SQLite file or a postgres:// URL)\n       nato-georgia-api backup PATH             copy NATO_API_DATABASE (SQLite) into the new file PATH,\n                                                  while the API serves");
                ExitCode::from(2)
            }
        },
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

async fn copy_database(from: &str, to: &str) -> ExitCode {
    use nato_georgia_api::db::{copy, Database};
    let (from, to) = (Database::parse(from), Database::parse(to));
    match copy(&from, &to).await {
        Ok(tables) => {
            for (table, rows) in tables {
                println!("{table}: {rows} rows");
            }
            println!("copied {from} into {to}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("nato-georgia-api copy-database: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn backup(to: &str) -> ExitCode {
    let database = nato_georgia_api::config::database_from_env();
    match nato_georgia_api::db::backup(&database, std::path::Path::new(to)).await {
        Ok(bytes) => {
            println!("backed up {database} into {to} ({bytes} bytes; keep it secret: docs/api.md \"Backups\")");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("nato-georgia-api backup: {message}");
            ExitCode::FAILURE
        }
    }
}
