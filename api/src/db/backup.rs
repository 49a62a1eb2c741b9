//! `nato-georgia-api backup PATH`: a consistent copy of the SQLite database, taken while the API
//! serves. `VACUUM INTO` writes every row as of one moment (one read transaction; writers go on
//! meanwhile in the write-ahead log) into a new file, compacted. The file is created first, with
//! only its owner allowed to read it — a backup holds the password hashes and the key every code,
//! token and cookie is hashed with — and an existing file is never written over. PostgreSQL has
//! its own tools (docs/api.md "Backups").

use std::io::ErrorKind;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use sqlx::Connection as _;

use super::Database;

/// Copies `database` into `to`; answers the copy's size in bytes.
pub async fn backup(database: &Database, to: &Path) -> Result<u64, String> {
    let Database::Sqlite(path) = database else {
        return Err(format!(
            "{database} is PostgreSQL: back it up with pg_dump (docs/api.md \"Backups\"); this command copies SQLite files"
        ));
    };
    if !path.exists() {
        return Err(format!("there is no database at {}", path.display()));
    }
    let target = to.to_str().ok_or_else(|| format!("the backup path {} is not UTF-8", to.display()))?;
    std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(to).map_err(|e| match e.kind() {
        ErrorKind::AlreadyExists => format!("{} exists: a backup never writes over a file", to.display()),
        _ => format!("cannot create {}: {e}", to.display()),
    })?;
    let copied = async {
        sqlx::any::install_default_drivers();
        let source = path.to_str().ok_or_else(|| format!("the database path {} is not UTF-8", path.display()))?;
        let url = format!("sqlite://{}?mode=ro", source.replace('%', "%25").replace('?', "%3F").replace('#', "%23"));
        let mut connection =
            sqlx::AnyConnection::connect(&url).await.map_err(|e| format!("cannot open {database}: {e}"))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(&mut connection).await.map_err(|e| e.to_string())?;
        connection.close().await.map_err(|e| e.to_string())
    };
    if let Err(error) = copied.await {
        let _ = std::fs::remove_file(to);
        return Err(format!("cannot back up {database}: {error}"));
    }
    std::fs::metadata(to).map(|metadata| metadata.len()).map_err(|e| e.to_string())
}
