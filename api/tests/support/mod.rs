//! Starts the real API on an ephemeral port, on a database of the test's own (`database.rs`),
//! and speaks plain HTTP/1.1 to it.

#![allow(dead_code, unused_imports)]

mod database;
mod disk;
mod process;

pub use database::{postgres_db, sqlite_db, sqlite_db_in, test_db, TestDb};
pub use disk::{SmallDisk, Unwritable};
pub use process::Running;

use std::net::IpAddr;
use std::sync::Arc;

use nato_georgia_api::clock::ManualClock;
use nato_georgia_api::config::Config;
use nato_georgia_api::db::Database;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const START: i64 = 1_764_320_000;
pub const STRONG: &str = "Vq7#t!mZ2@pL9w-Kutaisi";
pub const STRONGER: &str = "Rioni-River-88!Batumi";

pub struct Server {
    pub address: std::net::SocketAddr,
    pub clock: Arc<ManualClock>,
    pub database: Database,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    pub async fn start(database: Database) -> Self {
        Self::start_with(Config::development(database), Arc::new(ManualClock::new(START))).await
    }

    pub async fn start_with(config: Config, clock: Arc<ManualClock>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let database = config.database.clone();
        let task = tokio::spawn(nato_georgia_api::serve(listener, config, clock.clone(), async {
            let _ = stopped.await;
        }));
        Self { address, clock, database, stop: Some(stop), task: Some(task) }
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.task.take().unwrap().await.unwrap().unwrap();
    }

    pub async fn send(&self, method: &str, path: &str, body: Option<&str>, headers: &[(&str, &str)]) -> Response {
        request(self.address, method, path, body, headers).await
    }

    pub async fn post(&self, path: &str, json: Value) -> Response {
        self.send("POST", path, Some(&json.to_string()), &[("content-type", "application/json")]).await
    }

    pub async fn outbox(&self) -> Vec<Value> {
        outbox_at(self.address).await
    }

    /// The 6-digit code in the latest mail to `to`.
    pub async fn latest_code(&self, to: &str) -> String {
        latest_code_at(self.address, to).await
    }

    /// The 6-digit codes mailed to `to`, oldest first.
    pub async fn codes(&self, to: &str) -> Vec<String> {
        codes_at(self.address, to).await
    }

    /// Every mail to `to`, oldest first.
    pub async fn mails(&self, to: &str) -> Vec<Value> {
        self.outbox().await.into_iter().filter(|m| m["to"] == to).collect()
    }
}

/// The development outbox of the API at `address`.
pub async fn outbox_at(address: std::net::SocketAddr) -> Vec<Value> {
    let response = request(address, "GET", "/api/dev/outbox", None, &[]).await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str::<Vec<Value>>(&response.body).unwrap()
}

/// The 6-digit code in the latest mail to `to` in the outbox of the API at `address`.
pub async fn latest_code_at(address: std::net::SocketAddr, to: &str) -> String {
    codes_at(address, to).await.pop().expect("a code")
}

async fn codes_at(address: std::net::SocketAddr, to: &str) -> Vec<String> {
    outbox_at(address)
        .await
        .iter()
        .filter(|mail| mail["to"] == to)
        .filter_map(|mail| {
            let body = mail["body"].as_str().unwrap();
            body.split_whitespace().find(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit())).map(str::to_owned)
        })
        .collect()
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn decode_chunked(mut raw: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = raw.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        raw = &rest[size + 2..];
    }
    out
}

pub async fn request(
    address: std::net::SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> Response {
    request_from(None, address, method, path, body, headers).await
}

/// Connects from `source` (any 127.x.y.z works on Linux loopback), as a client elsewhere would.
pub async fn connect_from(source: Option<IpAddr>, address: std::net::SocketAddr) -> TcpStream {
    match source {
        None => TcpStream::connect(address).await.unwrap(),
        Some(source) => {
            let socket = tokio::net::TcpSocket::new_v4().unwrap();
            socket.bind(std::net::SocketAddr::new(source, 0)).unwrap();
            socket.connect(address).await.unwrap()
        }
    }
}

pub async fn request_from(
    source: Option<IpAddr>,
    address: std::net::SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> Response {
    let mut stream = connect_from(source, address).await;
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    let body = body.unwrap_or("");
    text.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(text.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    parse_response(&raw)
}

pub fn parse_response(raw: &[u8]) -> Response {
    let raw = String::from_utf8_lossy(raw).into_owned();
    let (head, rest) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let mut lines = head.lines();
    let status = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let chunked = headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked { decode_chunked(rest) } else { rest.to_owned() };
    Response { status, headers, body }
}

/// One browser: it keeps the cookies the API sets and sends them back, and may connect from
/// its own address or name one in `X-Forwarded-For` (as a proxy in front would).
pub struct Browser {
    address: std::net::SocketAddr,
    source: Option<IpAddr>,
    forwarded_for: Option<String>,
    cookies: std::sync::Mutex<Vec<(String, String)>>,
}

impl Browser {
    pub fn new(server: &Server) -> Self {
        Self::at(server.address)
    }

    /// A browser speaking to the API at `address`.
    pub fn at(address: std::net::SocketAddr) -> Self {
        Self { address, source: None, forwarded_for: None, cookies: Default::default() }
    }

    /// A browser connecting from `ip` to the API at `address`.
    pub fn at_from(address: std::net::SocketAddr, ip: &str) -> Self {
        Self { source: Some(ip.parse().unwrap()), ..Self::at(address) }
    }

    /// The same browser, with its cookies, speaking to the API at `address` instead.
    pub fn moved_to(&self, address: std::net::SocketAddr) -> Self {
        let cookies = self.cookies.lock().unwrap().clone();
        Self { address, source: self.source, forwarded_for: self.forwarded_for.clone(), cookies: cookies.into() }
    }

    /// A browser connecting from `ip`, like `127.0.0.7`.
    pub fn from_ip(server: &Server, ip: &str) -> Self {
        Self { source: Some(ip.parse().unwrap()), ..Self::new(server) }
    }

    /// A browser behind a proxy that sends `X-Forwarded-For: <value>`.
    pub fn forwarded_for(server: &Server, value: &str) -> Self {
        Self { forwarded_for: Some(value.to_owned()), ..Self::new(server) }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    pub async fn post(&self, path: &str, json: Value) -> Response {
        self.send("POST", path, Some(&json.to_string())).await
    }

    pub async fn send(&self, method: &str, path: &str, body: Option<&str>) -> Response {
        let cookie =
            self.cookies.lock().unwrap().iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("; ");
        let mut headers = vec![("content-type", "application/json")];
        if !cookie.is_empty() {
            headers.push(("cookie", &cookie));
        }
        if let Some(forwarded) = &self.forwarded_for {
            headers.push(("x-forwarded-for", forwarded));
        }
        let response = request_from(self.source, self.address, method, path, body, &headers).await;
        let mut cookies = self.cookies.lock().unwrap();
        for (_, set) in response.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie")) {
            let (name, value) = set.split(';').next().unwrap().split_once('=').unwrap();
            cookies.retain(|(n, _)| n != name);
            if !value.is_empty() {
                cookies.push((name.to_owned(), value.to_owned()));
            }
        }
        response
    }
}

/// Registers and confirms an account in `browser`.
pub async fn account(server: &Server, browser: &Browser, email: &str, password: &str) {
    let created = browser.post("/api/accounts", serde_json::json!({ "email": email, "password": password })).await;
    assert_eq!(created.status, 202, "{}", created.body);
    let code = server.latest_code(email).await;
    let verified = browser.post("/api/accounts/verify", serde_json::json!({ "email": email, "code": code })).await;
    assert_eq!(verified.status, 204, "{}", verified.body);
}

/// A minimal SMTP server that keeps the text of every message it accepts. It can be told to
/// refuse for now (a transient `451` to each recipient, as a server that is down for a while
/// answers) and to be slow (a wait before it accepts a message); it records every recipient it
/// was asked to take, accepted or not.
pub struct SmtpSink {
    pub port: u16,
    pub messages: Arc<std::sync::Mutex<Vec<String>>>,
    /// Every recipient asked for, in order.
    pub tries: Arc<std::sync::Mutex<Vec<String>>>,
    refusing: Arc<std::sync::atomic::AtomicBool>,
    slowness_ms: Arc<std::sync::atomic::AtomicU64>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        use std::sync::atomic::Ordering;
        use tokio::io::AsyncBufReadExt;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let sink = Self {
            port,
            messages: Default::default(),
            tries: Default::default(),
            refusing: Default::default(),
            slowness_ms: Default::default(),
        };
        let (store, tries, refusing, slowness) =
            (sink.messages.clone(), sink.tries.clone(), sink.refusing.clone(), sink.slowness_ms.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (store, tries, refusing, slowness) =
                    (store.clone(), tries.clone(), refusing.clone(), slowness.clone());
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = tokio::io::BufReader::new(read).lines();
                    write.write_all(b"220 sink ready\r\n").await.unwrap();
                    let mut in_data = false;
                    let mut message = String::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        if in_data {
                            if line == "." {
                                in_data = false;
                                let wait = slowness.load(Ordering::SeqCst);
                                tokio::time::sleep(std::time::Duration::from_millis(wait)).await;
                                store.lock().unwrap().push(std::mem::take(&mut message));
                                let _ = write.write_all(b"250 OK queued\r\n").await;
                            } else {
                                message.push_str(&line);
                                message.push('\n');
                            }
                            continue;
                        }
                        let reply: &[u8] = match line.get(..4).map(str::to_ascii_uppercase).as_deref() {
                            Some("RCPT") => {
                                let to = line.split(['<', '>']).nth(1).unwrap_or_default().to_owned();
                                tries.lock().unwrap().push(to);
                                if refusing.load(Ordering::SeqCst) {
                                    b"451 4.3.0 try again later\r\n"
                                } else {
                                    b"250 OK\r\n"
                                }
                            }
                            Some("DATA") => {
                                in_data = true;
                                b"354 go ahead\r\n"
                            }
                            Some("QUIT") => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                break;
                            }
                            _ => b"250 OK\r\n",
                        };
                        if write.write_all(reply).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        sink
    }

    /// Refuses every recipient from now on (`true`), or takes them again.
    pub fn refuse(&self, refusing: bool) {
        self.refusing.store(refusing, std::sync::atomic::Ordering::SeqCst);
    }

    /// Waits this long before accepting each message.
    pub fn slow_down(&self, wait: std::time::Duration) {
        self.slowness_ms.store(wait.as_millis() as u64, std::sync::atomic::Ordering::SeqCst);
    }

    /// How many times `to` was asked for.
    pub fn tries_of(&self, to: &str) -> usize {
        self.tries.lock().unwrap().iter().filter(|tried| *tried == to).count()
    }

    /// How many accepted messages went to `to`.
    pub fn delivered_to(&self, to: &str) -> usize {
        let header = format!("To: {to}");
        self.messages.lock().unwrap().iter().filter(|message| message.lines().any(|line| line == header)).count()
    }

    /// Waits up to 10 s for a message containing `text`.
    pub async fn wait_for(&self, text: &str) -> String {
        for _ in 0..100 {
            if let Some(found) = self.messages.lock().unwrap().iter().find(|m| m.contains(text)) {
                return found.clone();
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("no message containing {text:?} arrived");
    }
}
