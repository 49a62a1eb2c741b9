//! A burst of valid registrations cannot exhaust the server's memory: 300 at once from 10
//! client addresses, against the real binary, keep its peak resident memory under 256 MB.
//! Before, 60 took it to 1 GB (one 19 MiB Argon2 hash each, all at once). What does not fit
//! in the hashing queue is answered 503 with `Retry-After`.

mod support;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;
use support::{request_from, STRONG};

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Peak resident memory of a process, in MiB (Linux's VmHWM).
fn peak_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|line| line.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() / 1024
}

#[tokio::test]
async fn three_hundred_concurrent_registrations_stay_under_256_mb() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let address: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let server = Running(
        Command::new(env!("CARGO_BIN_EXE_nato-georgia-api"))
            .env("NATO_API_DEV", "1")
            .env("NATO_API_ADDRESS", address.to_string())
            .env("NATO_API_DATABASE", dir.path().join("api.sqlite3"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(address).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let started = peak_mib(server.0.id());

    let burst = (0..300).map(|i| {
        tokio::spawn(async move {
            let source = format!("127.0.6.{}", i % 10 + 1).parse().ok();
            let body = json!({ "email": format!("reader{i}@example.org"), "password": STRONG }).to_string();
            let answer = request_from(source, address, "POST", "/api/accounts", Some(&body), &[("content-type", "application/json")]).await;
            (answer.status, answer.header("retry-after").map(str::to_owned))
        })
    });
    let mut answers = Vec::new();
    for request in burst.collect::<Vec<_>>() {
        answers.push(request.await.unwrap());
    }
    let peak = peak_mib(server.0.id());
    let accepted = answers.iter().filter(|(status, _)| *status == 202).count();
    let busy: Vec<_> = answers.iter().filter(|(status, _)| *status == 503).collect();
    assert_eq!(accepted + busy.len(), 300, "every answer is 202 or 503: {answers:?}");
    assert!(accepted > 0);
    assert!(busy.iter().all(|(_, retry)| retry.is_some()), "a 503 says when to try again");
    assert!(peak < 256, "peak resident memory {peak} MiB (at start {started} MiB), {accepted} accepted");
    println!("peak {peak} MiB (at start {started} MiB); {accepted} accepted, {} told to retry", busy.len());
}
