//! `make bench-api`: what docs/api.md's "Security" section reports, measured against the API's
//! release build on loopback — for every endpoint that takes an email address, the median time
//! for a known and an unknown address; the server's peak resident memory under 300 concurrent
//! registrations from 10 client addresses — each on SQLite and on PostgreSQL (a throwaway
//! cluster); and how long a half-sent request is held.

#[path = "../tests/support/mod.rs"]
mod support;

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{connect_from, postgres_db, request_from, sqlite_db, Running, TestDb, STRONG, STRONGER};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const SAMPLES: usize = 31;

/// The binary on a database of its own.
struct Api {
    running: Running,
    _db: TestDb,
}

impl Api {
    async fn start(db: TestDb, settings: &[(&str, &str)]) -> Self {
        Self { running: Running::start(&db, settings, None).await, _db: db }
    }

    fn address(&self) -> SocketAddr {
        self.running.address
    }

    async fn post(&self, from: IpAddr, path: &str, body: Value, cookie: Option<&str>) -> support::Response {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(cookie) = cookie {
            headers.push(("cookie", cookie));
        }
        request_from(Some(from), self.address(), "POST", path, Some(&body.to_string()), &headers).await
    }

    async fn latest_code(&self, to: &str) -> String {
        let outbox = request_from(None, self.address(), "GET", "/api/dev/outbox", None, &[]).await;
        let outbox: Vec<Value> = serde_json::from_str(&outbox.body).unwrap();
        let body = outbox.iter().rev().find(|m| m["to"] == to).unwrap()["body"].as_str().unwrap().to_owned();
        body.split_whitespace().find(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit())).unwrap().to_owned()
    }

    fn peak_mib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.running.pid())).unwrap();
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse::<u64>()
            .unwrap()
            / 1024
    }
}

/// A client address of its own for every request, so that no limit answers instead.
fn client(n: usize) -> IpAddr {
    format!("127.{}.{}.{}", 10 + n / 65_000, n / 250 % 250 + 1, n % 250 + 1).parse().unwrap()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Prepares `SAMPLES` known addresses: an account each, subscribed to the newsletter with it
/// (so no newsletter mail was sent, and none of its limits is running).
async fn known_addresses(api: &Api, clients: &mut usize) -> Vec<String> {
    let mut known = Vec::new();
    for i in 0..SAMPLES {
        let email = format!("known{i}@example.org");
        *clients += 1;
        let from = client(*clients);
        let created = api
            .post(from, "/api/accounts", json!({ "email": email, "password": STRONG, "newsletter": true }), None)
            .await;
        let cookie = created.header("set-cookie").unwrap().split(';').next().unwrap().to_owned();
        let code = api.latest_code(&email).await;
        let verified =
            api.post(from, "/api/accounts/verify", json!({ "email": email, "code": code }), Some(&cookie)).await;
        assert_eq!(verified.status, 204, "{}", verified.body);
        known.push(email);
    }
    known
}

async fn timing(api: &Api, database: &str) {
    let mut clients = 0;
    let known = known_addresses(api, &mut clients).await;
    type Endpoint = (&'static str, fn(&str) -> Value);
    let endpoints: [Endpoint; 7] = [
        ("/api/newsletter/subscriptions", |email| json!({ "email": email, "consent": true })),
        ("/api/accounts", |email| json!({ "email": email, "password": STRONGER })),
        ("/api/accounts/verify", |email| json!({ "email": email, "code": "123456" })),
        ("/api/sessions", |email| json!({ "email": email, "password": STRONGER })),
        ("/api/password-resets", |email| json!({ "email": email })),
        ("/api/password-resets/verify", |email| json!({ "email": email, "code": "123456" })),
        ("/api/password-resets/complete", |email| json!({ "email": email, "code": "123456", "password": STRONG })),
    ];
    println!("\nKnown and unknown addresses on {database}: median of {SAMPLES} requests each, interleaved");
    println!("| endpoint | status | known ms | unknown ms | difference |");
    println!("| --- | --- | --- | --- | --- |");
    let mut worst: f64 = 0.0;
    for (path, body) in endpoints {
        let (mut known_times, mut unknown_times, mut statuses) = (Vec::new(), Vec::new(), Vec::new());
        for (i, known_email) in known.iter().enumerate() {
            let unknown_email = format!("unknown{i}@example.org");
            let mut pair = [(known_email.as_str(), &mut known_times), (unknown_email.as_str(), &mut unknown_times)];
            if i % 2 == 1 {
                pair.reverse();
            }
            for (email, times) in pair {
                clients += 1;
                let started = Instant::now();
                let answer = api.post(client(clients), path, body(email), None).await;
                times.push(started.elapsed());
                statuses.push(answer.status);
            }
        }
        statuses.dedup();
        let (known_median, unknown_median) = (median(known_times), median(unknown_times));
        let difference = (unknown_median.as_secs_f64() / known_median.as_secs_f64() - 1.0) * 100.0;
        worst = worst.max(difference.abs());
        println!(
            "| `{path}` | {statuses:?} | {:.2} | {:.2} | {difference:+.0} % |",
            known_median.as_secs_f64() * 1000.0,
            unknown_median.as_secs_f64() * 1000.0
        );
    }
    println!("largest difference: {worst:.0} % (the issue asks for at most 25 %)");
}

async fn burst(db: TestDb, database: &str) {
    let api = Api::start(db, &[]).await;
    let started = api.peak_mib();
    let address = api.address();
    let requests: Vec<_> = (0..300)
        .map(|i| {
            tokio::spawn(async move {
                let from = format!("127.0.6.{}", i % 10 + 1).parse().ok();
                let body = json!({ "email": format!("burst{i}@example.org"), "password": STRONG }).to_string();
                request_from(
                    from,
                    address,
                    "POST",
                    "/api/accounts",
                    Some(&body),
                    &[("content-type", "application/json")],
                )
                .await
                .status
            })
        })
        .collect();
    let begun = Instant::now();
    let mut statuses = Vec::new();
    for request in requests {
        statuses.push(request.await.unwrap());
    }
    let took = begun.elapsed();
    let accepted = statuses.iter().filter(|s| **s == 202).count();
    let busy = statuses.iter().filter(|s| **s == 503).count();
    println!("\n300 concurrent registrations from 10 client addresses on {database} (default settings)");
    println!("peak resident memory: {} MiB (at start {started} MiB; limit 256 MiB)", api.peak_mib());
    println!(
        "answers: {accepted} × 202, {busy} × 503 with Retry-After, {} other; all in {:.2} s",
        300 - accepted - busy,
        took.as_secs_f64()
    );
}

async fn half_sent() {
    let api = Api::start(sqlite_db(), &[]).await;
    println!("\nHalf-sent requests (default settings: 10 s for the head, 10 s for the body)");
    let cases = [
        ("head", "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-"),
        ("body", "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\""),
    ];
    for (what, text) in cases {
        let mut stream = connect_from(None, api.address()).await;
        let started = Instant::now();
        stream.write_all(text.as_bytes()).await.unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer).await;
        let status = String::from_utf8_lossy(&answer).split_whitespace().nth(1).unwrap_or("none").to_owned();
        println!("half-sent {what}: held {:.2} s, then answered {status} and closed", started.elapsed().as_secs_f64());
    }
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|arg| arg == "--list") {
        return;
    }
    println!(
        "API abuse benchmark: release build, loopback, {} cores",
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    for (database, db) in [("SQLite", sqlite_db as fn() -> TestDb), ("PostgreSQL", postgres_db)] {
        timing(&Api::start(db(), &[("NATO_API_IP_LIMIT", "1000000")]).await, database).await;
        burst(db(), database).await;
    }
    half_sent().await;
}
