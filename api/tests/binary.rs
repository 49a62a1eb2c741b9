//! The real binary under load it must survive, with its process's own limits:
//!
//! - a burst of valid registrations cannot exhaust its memory: 300 at once from 10 client
//!   addresses keep its peak resident memory under 256 MB. Before, 60 took it to 1 GB (one
//!   19 MiB Argon2 hash each, all at once). What does not fit in the hashing queue is answered
//!   503 with `Retry-After`;
//! - half-sent requests cannot starve it of files: with 256 open files allowed, 300 of them
//!   held open still leave a real request answered. Before, it timed out and the log said
//!   "Too many open files";
//! - a setting it cannot honour stops it at start, saying which: a mail lease under 2 s (the
//!   SMTP timeout is half of it).

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{connect_from, request_from, test_db, Running, STRONG};
use tokio::io::AsyncWriteExt;

/// Peak resident memory of a process, in MiB (Linux's VmHWM).
fn peak_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|line| line.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() / 1024
}

#[tokio::test]
async fn three_hundred_concurrent_registrations_stay_under_256_mb() {
    let db = test_db();
    let server = Running::start(&db, &[], None).await;
    let (address, started) = (server.address, peak_mib(server.pid()));

    let burst = (0..300).map(|i| {
        tokio::spawn(async move {
            let source = format!("127.0.6.{}", i % 10 + 1).parse().ok();
            let body = json!({ "email": format!("reader{i}@example.org"), "password": STRONG }).to_string();
            let answer = request_from(
                source,
                address,
                "POST",
                "/api/accounts",
                Some(&body),
                &[("content-type", "application/json")],
            )
            .await;
            (answer.status, answer.header("retry-after").map(str::to_owned))
        })
    });
    let mut answers = Vec::new();
    for request in burst.collect::<Vec<_>>() {
        answers.push(request.await.unwrap());
    }
    let peak = peak_mib(server.pid());
    let accepted = answers.iter().filter(|(status, _)| *status == 202).count();
    let busy: Vec<_> = answers.iter().filter(|(status, _)| *status == 503).collect();
    assert_eq!(accepted + busy.len(), 300, "every answer is 202 or 503: {answers:?}");
    assert!(accepted > 0);
    assert!(busy.iter().all(|(_, retry)| retry.is_some()), "a 503 says when to try again");
    assert!(peak < 256, "peak resident memory {peak} MiB (at start {started} MiB), {accepted} accepted");
    println!("peak {peak} MiB (at start {started} MiB); {accepted} accepted, {} told to retry", busy.len());
}

#[tokio::test]
async fn half_sent_requests_cannot_starve_it_of_open_files() {
    let db = test_db();
    let server = Running::start(&db, &[("NATO_API_HEADER_TIMEOUT", "2")], Some(256)).await;
    let address = server.address;
    let mut held = Vec::new();
    for i in 0..300 {
        let source = format!("127.0.8.{}", i % 10 + 1).parse().ok();
        let mut stream = connect_from(source, address).await;
        stream.write_all(b"POST /api/sessions HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        held.push(stream);
    }
    let started = Instant::now();
    let answer =
        tokio::time::timeout(Duration::from_secs(15), request_from(None, address, "GET", "/api/session", None, &[]))
            .await
            .expect("a real request is answered");
    assert_eq!(answer.status, 401, "{}", answer.body);
    println!("answered after {:?} behind 300 half-sent requests", started.elapsed());
}

#[tokio::test]
async fn a_mail_lease_shorter_than_two_seconds_is_refused_at_start() {
    let db = test_db();
    let mut started = std::process::Command::new(env!("CARGO_BIN_EXE_nato-georgia-api"))
        .env("NATO_API_DEV", "1")
        .env("NATO_API_ADDRESS", "127.0.0.1:0")
        .env("NATO_API_DATABASE", db.setting())
        .env("NATO_API_MAIL_LEASE", "1")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut status = None;
    for _ in 0..100 {
        status = started.try_wait().unwrap();
        if status.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = started.kill();
    assert!(status.is_some_and(|status| !status.success()), "it stops at once: {status:?}");
    let mut said = String::new();
    std::io::Read::read_to_string(&mut started.stdout.take().unwrap(), &mut said).unwrap();
    assert!(said.contains("NATO_API_MAIL_LEASE must be at least 2 seconds"), "{said}");
}
