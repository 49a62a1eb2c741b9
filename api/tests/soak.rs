//! A long run of steady mixed traffic against the real binary, mail delivered over SMTP:
//! subscriptions and their confirmations, registrations and their codes, sign-ins and sign-outs,
//! wrong passwords, password resets and wrong codes, from twenty visitors, each a round about
//! every second (≈ 40 requests a second, a third of them password hashes: what this 2-core
//! machine sustains). After a warm-up (the
//! first fifth), resident memory may grow at most 10 %, open files stay flat, the rows in the
//! database stop growing (what expires is swept), and the slowest answers (p99) of the last
//! tenth of the run are within 1.5 × those of the second tenth (or 25 ms, when both are faster).
//!
//! `make test` runs it for 60 seconds; `make soak` for 10 minutes, on a release build, printing
//! the figures (`NATO_API_SOAK_SECONDS`).

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;
use support::{test_db, Browser, Running, SmtpSink, TestDb, STRONG};

const VISITORS: usize = 20;

fn seconds() -> u64 {
    std::env::var("NATO_API_SOAK_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60)
}

/// A figure of the process from /proc: `VmRSS` in KiB, or the open files.
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|line| line.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn open_files(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap().count()
}

/// Every row in the tables that grow with traffic.
async fn rows(db: &TestDb) -> i64 {
    let mut total = 0;
    for table in [
        "subscriptions",
        "newsletter_links",
        "accounts",
        "registrations",
        "codes",
        "sessions",
        "budgets",
        "rate_limits",
        "outbox",
    ] {
        total += db.numbers(&format!("SELECT COUNT(*) FROM {table}")).await[0];
    }
    total
}

/// The 6-digit code or the confirmation link in the latest mail to `to`.
fn latest(sink: &SmtpSink, to: &str, pick: impl Fn(&str) -> Option<String>) -> Option<String> {
    let header = format!("To: {to}");
    let messages = sink.messages.lock().unwrap();
    messages.iter().rev().filter(|message| message.lines().any(|line| line == header)).find_map(|message| pick(message))
}

fn code(message: &str) -> Option<String> {
    message
        .split_whitespace()
        .find(|word| word.len() == 6 && word.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_owned)
}

fn link(message: &str) -> Option<String> {
    let start = message.find("/api/newsletter/confirmations/")?;
    Some(message[start..].split_whitespace().next()?.to_owned())
}

/// One visitor's round, timing every request into `latencies` (seconds since `start`, ms).
async fn round(
    visitor: usize,
    turn: usize,
    browser: &Browser,
    sink: &SmtpSink,
    latencies: &Mutex<Vec<(f64, f64)>>,
    start: Instant,
) {
    let email = format!("visitor{visitor}@example.org");
    let timed = |started: Instant| {
        latencies.lock().unwrap().push((start.elapsed().as_secs_f64(), started.elapsed().as_secs_f64() * 1000.0))
    };
    macro_rules! send {
        ($method:expr, $path:expr, $body:expr) => {{
            let started = Instant::now();
            let answer = browser.send($method, $path, $body).await;
            timed(started);
            answer
        }};
    }
    let credentials = json!({ "email": email, "password": STRONG }).to_string();
    match turn % 6 {
        0 => {
            send!(
                "POST",
                "/api/newsletter/subscriptions",
                Some(&json!({ "email": email, "consent": true }).to_string())
            );
            if let Some(link) = latest(sink, &email, link) {
                send!("GET", &link, None);
            }
        }
        1 if turn < 6 => {
            send!("POST", "/api/accounts", Some(&credentials));
            tokio::time::sleep(Duration::from_millis(300)).await;
            if let Some(code) = latest(sink, &email, code) {
                send!("POST", "/api/accounts/verify", Some(&json!({ "email": email, "code": code }).to_string()));
            }
        }
        1 | 2 => {
            send!("POST", "/api/sessions", Some(&credentials));
            send!("GET", "/api/session", None);
            send!("DELETE", "/api/sessions", None);
        }
        3 => {
            send!(
                "POST",
                "/api/sessions",
                Some(&json!({ "email": email, "password": "Wrong-Password-42!" }).to_string())
            );
        }
        4 => {
            send!("POST", "/api/password-resets", Some(&json!({ "email": email }).to_string()));
        }
        _ => {
            send!(
                "POST",
                "/api/password-resets/verify",
                Some(&json!({ "email": email, "code": "000000" }).to_string())
            );
        }
    }
}

/// The 99th percentile of the latencies (ms) measured between `from` and `to` seconds.
fn p99(latencies: &[(f64, f64)], from: f64, to: f64) -> f64 {
    let mut window: Vec<f64> = latencies.iter().filter(|(at, _)| (from..to).contains(at)).map(|(_, ms)| *ms).collect();
    window.sort_by(f64::total_cmp);
    window.get(window.len() * 99 / 100).copied().unwrap_or(0.0)
}

#[tokio::test]
async fn steady_mixed_traffic_keeps_memory_files_latency_and_the_database_level() {
    let (db, sink) = (test_db(), SmtpSink::start().await);
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let settings = [
        ("NATO_API_DEV", "0"),
        ("NATO_API_SMTP_URL", smtp.as_str()),
        ("NATO_API_MAIL_FROM", "site@example.org"),
        ("NATO_API_IP_LIMIT", "1000"),
    ];
    let server = Running::start(&db, &settings, None).await;
    let (pid, total) = (server.pid(), Duration::from_secs(seconds()));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let (start, sink) = (Instant::now(), Arc::new(sink));
    let visitors: Vec<_> = (0..VISITORS)
        .map(|visitor| {
            let (latencies, sink) = (latencies.clone(), sink.clone());
            let browser = Browser::at_from(server.address, &format!("127.0.9.{}", visitor + 1));
            tokio::spawn(async move {
                let mut turn = 0;
                while start.elapsed() < total {
                    round(visitor, turn, &browser, &sink, &latencies, start).await;
                    turn += 1;
                    tokio::time::sleep(Duration::from_millis(900)).await;
                }
            })
        })
        .collect();

    let warm_up = total / 5;
    tokio::time::sleep(warm_up).await;
    let (memory_then, files_then, rows_then) = (resident_kib(pid), open_files(pid), rows(&db).await);
    for visitor in visitors {
        visitor.await.unwrap();
    }
    // The last mails go out; what has expired is swept within a minute.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (memory_now, files_now, rows_now) = (resident_kib(pid), open_files(pid), rows(&db).await);
    sink.messages.lock().unwrap().clear();

    let latencies = latencies.lock().unwrap();
    let tenth = total.as_secs_f64() / 10.0;
    let (second, last) = (p99(&latencies, tenth, 2.0 * tenth), p99(&latencies, 9.0 * tenth, 10.0 * tenth));
    println!(
        "soak {} s, {} requests ({:.1}/s): resident memory {} → {} KiB after warm-up ({:+.1} %), open files {files_then} → {files_now}, rows {rows_then} → {rows_now}, p99 {second:.1} ms (second tenth) → {last:.1} ms (last tenth)",
        total.as_secs(),
        latencies.len(),
        latencies.len() as f64 / total.as_secs_f64(),
        memory_then,
        memory_now,
        (memory_now as f64 / memory_then as f64 - 1.0) * 100.0,
    );
    assert!(memory_now as f64 <= memory_then as f64 * 1.10, "resident memory grew {memory_then} → {memory_now} KiB");
    assert!(files_now <= files_then + 5, "open files grew {files_then} → {files_now}");
    assert!(
        rows_now as f64 <= rows_then as f64 * 1.10 + 20.0,
        "the database keeps growing: {rows_then} → {rows_now} rows"
    );
    assert!(last <= 1.5 * second.max(25.0), "p99 {second:.1} ms → {last:.1} ms");
}
