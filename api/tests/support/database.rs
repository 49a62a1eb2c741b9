//! The database a test runs on: SQLite in a temporary directory, or, with
//! `NATO_API_TEST_DATABASE=postgres`, PostgreSQL in a throwaway cluster of its own — initdb
//! into a temporary directory, listening on a Unix socket there only, stopped (and removed)
//! when the test ends. `make test` runs the API's tests both ways.

use std::path::{Path, PathBuf};
use std::process::Command;

use nato_georgia_api::db::Database;

pub struct TestDb {
    database: Database,
    cluster: Option<Cluster>,
    _dir: tempfile::TempDir,
}

/// Which database the tests run on, from `NATO_API_TEST_DATABASE` (`sqlite`, the default, or
/// `postgres`).
pub fn postgres_wanted() -> bool {
    match std::env::var("NATO_API_TEST_DATABASE").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Err(_) => false,
        Ok(other) => panic!("NATO_API_TEST_DATABASE={other}: say sqlite or postgres"),
    }
}

/// A fresh, empty database for one test.
pub fn test_db() -> TestDb {
    if postgres_wanted() {
        postgres_db()
    } else {
        sqlite_db()
    }
}

/// A fresh SQLite file, whatever the tests run on.
pub fn sqlite_db() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    TestDb { database: Database::Sqlite(dir.path().join("data").join("api.sqlite3")), cluster: None, _dir: dir }
}

/// A fresh SQLite file in `folder` (which outlives it).
pub fn sqlite_db_in(folder: &Path) -> TestDb {
    TestDb::sqlite_at(&folder.join("api.sqlite3"))
}

impl TestDb {
    /// The SQLite file at `path`, which outlives it (a backup, say).
    pub fn sqlite_at(path: &Path) -> TestDb {
        TestDb { database: Database::Sqlite(path.to_owned()), cluster: None, _dir: tempfile::tempdir().unwrap() }
    }
}

/// A fresh PostgreSQL cluster, whatever the tests run on.
pub fn postgres_db() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let cluster = Cluster::start(dir.path());
    TestDb { database: Database::Postgres(cluster.url()), cluster: Some(cluster), _dir: dir }
}

impl TestDb {
    pub fn database(&self) -> Database {
        self.database.clone()
    }

    /// The SQLite file.
    pub fn sqlite_path(&self) -> PathBuf {
        match &self.database {
            Database::Sqlite(path) => path.clone(),
            Database::Postgres(_) => panic!("a SQLite database"),
        }
    }

    /// `NATO_API_DATABASE` for the binary: the path, or the URL.
    pub fn setting(&self) -> String {
        match &self.database {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => url.clone(),
        }
    }

    /// Stops the PostgreSQL server, as a database that goes away would.
    pub fn stop_postgres(&mut self) {
        self.cluster.take().expect("a PostgreSQL database");
    }

    /// Stops the PostgreSQL server, keeping its data, as a restart or an outage does.
    pub fn stop_postgres_for_now(&mut self) {
        self.cluster
            .as_ref()
            .expect("a PostgreSQL database")
            .run("pg_ctl", &["-D", "data", "-m", "fast", "-w", "stop"]);
    }

    /// Starts it again, on its data.
    pub fn start_postgres_again(&mut self) {
        self.cluster.as_ref().expect("a PostgreSQL database").start_server();
    }

    /// The rows of a query's one column of whole numbers, on a connection of its own.
    pub async fn numbers(&self, sql: &str) -> Vec<i64> {
        self.column(sql).await
    }

    /// The rows of a query's one column, on a connection of its own.
    pub async fn column<T>(&self, sql: &str) -> Vec<T>
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + Unpin,
    {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let url = match &self.database {
            Database::Sqlite(path) => format!("sqlite://{}", path.display()),
            Database::Postgres(url) => url.clone(),
        };
        let mut connection = sqlx::AnyConnection::connect(&url).await.unwrap();
        let rows = sqlx::query_scalar(sql).fetch_all(&mut connection).await.unwrap();
        connection.close().await.unwrap();
        rows
    }
}

/// A PostgreSQL server of the test's own.
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
}

impl Cluster {
    fn start(dir: &Path) -> Self {
        let bin = postgres_bin();
        let cluster = Self { bin, dir: dir.to_owned() };
        // initdb refuses to run as root: the cluster then belongs to `nobody`.
        if as_root() {
            assert!(Command::new("chown").arg("nobody").arg(dir).status().unwrap().success());
        }
        cluster.run("initdb", &["-D", "data", "-U", "postgres", "--auth=trust", "--no-sync", "--no-instructions"]);
        cluster.start_server();
        cluster
    }

    fn start_server(&self) {
        let options = format!(
            "-k {} -c listen_addresses= -c fsync=off -c full_page_writes=off -c shared_buffers=8MB -c max_connections=60",
            self.dir.display()
        );
        self.run("pg_ctl", &["-D", "data", "-l", "log", "-o", &options, "-w", "start"]);
    }

    fn url(&self) -> String {
        format!("postgres://postgres@localhost/postgres?host={}", self.dir.display())
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program);
        let mut command = if as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "nobody", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        let output = command.args(args).current_dir(&self.dir).output().unwrap();
        assert!(
            output.status.success(),
            "{} {args:?}: {}{}",
            program.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for Cluster {
    /// Stops the server if it runs (a test may end while it is stopped).
    fn drop(&mut self) {
        if self.dir.join("data/postmaster.pid").exists() {
            self.run("pg_ctl", &["-D", "data", "-m", "immediate", "-w", "stop"]);
        }
    }
}

fn as_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Debian's server programs (`/usr/lib/postgresql/<version>/bin`, the newest), or the folder
/// `NATO_API_TEST_PG_BIN` names.
fn postgres_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("NATO_API_TEST_PG_BIN") {
        return bin.into();
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| Some((entry.file_name().to_str()?.parse().ok()?, entry.path().join("bin"))))
        .filter(|(_, bin): &(u32, PathBuf)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, bin)| bin)
        .expect("PostgreSQL's server is not installed: run `make tools` (scripts/setup.sh)")
}
