//! The real binary as a process of its own: started on a free port with the test's database
//! and settings, its log kept in a file, and killed when the test ends.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::TestDb;

pub struct Running {
    pub child: Child,
    pub address: std::net::SocketAddr,
    log: tempfile::NamedTempFile,
}

impl Running {
    /// Starts the binary on `db` with `settings` (development mode unless they say otherwise),
    /// allowed at most `open_files` files; returns once it answers.
    pub async fn start(db: &TestDb, settings: &[(&str, &str)], open_files: Option<u64>) -> Self {
        let mut running = Self::spawn(db, settings, open_files);
        running.wait_until_listening().await;
        running
    }

    /// Starts the binary without waiting for it.
    pub fn spawn(db: &TestDb, settings: &[(&str, &str)], open_files: Option<u64>) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let address: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let log = tempfile::NamedTempFile::new().unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_nato-georgia-api"));
        command
            .env("NATO_API_DEV", "1")
            .env("NATO_API_ADDRESS", address.to_string())
            .env("NATO_API_DATABASE", db.setting())
            .env("RUST_LOG", "warn")
            .envs(settings.iter().copied())
            .stdout(Stdio::from(log.reopen().unwrap()));
        if let Some(files) = open_files {
            let limit = libc::rlimit { rlim_cur: files, rlim_max: files };
            // SAFETY: setrlimit is async-signal-safe and only reads the struct it is given.
            unsafe {
                command.pre_exec(move || {
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        Self { child: command.spawn().unwrap(), address, log }
    }

    /// What it has logged so far (warnings and errors, unless `RUST_LOG` says otherwise).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap()
    }

    /// Waits until it answers a request (it listens before it has migrated the database).
    pub async fn wait_until_listening(&mut self) {
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(self.address).await.is_ok() {
                let answer = super::request(self.address, "GET", "/api/health", None, &[]).await;
                assert_eq!(answer.status, 200, "{}", answer.body);
                return;
            }
            assert!(self.child.try_wait().unwrap().is_none(), "the API stopped at start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the API did not listen on {}", self.address);
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `kill -9`: no chance to finish anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.kill();
    }
}
