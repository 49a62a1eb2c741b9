//! What a deployment meets besides attackers (issue 25), each against the real binary: a disk
//! that fills up, a database that goes away and comes back, a backup taken while it serves.

mod support;

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use support::{
    latest_code_at, postgres_db, request, sqlite_db, sqlite_db_in, Browser, Running, SmallDisk, TestDb, Unwritable,
    STRONG,
};

/// Registers, confirms and signs in `email` at the API at `address`, in `browser`.
async fn signed_in(address: std::net::SocketAddr, browser: &Browser, email: &str) {
    let credentials = json!({ "email": email, "password": STRONG });
    assert_eq!(browser.post("/api/accounts", credentials.clone()).await.status, 202);
    let code = latest_code_at(address, email).await;
    assert_eq!(browser.post("/api/accounts/verify", json!({ "email": email, "code": code })).await.status, 204);
    assert_eq!(browser.post("/api/sessions", credentials).await.status, 200);
}

fn backup(database: &str, to: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nato-georgia-api"))
        .arg("backup")
        .arg(to)
        .env("NATO_API_DATABASE", database)
        .output()
        .unwrap()
}

/// SQLite on a file system with 256 KB left, then none, then space again: while it is full,
/// writes are answered 503 with `Retry-After` and a log line that says so, never 500; reads go
/// on; every subscription answered 202 — before, during and after — is stored with its mail,
/// and nothing is half-written. Before, one failed commit left the connection in a transaction
/// that was never committed: every later 202 was lost (199 of 202).
#[tokio::test]
async fn a_full_disk_refuses_writes_and_loses_no_acknowledged_one() {
    let disk = SmallDisk::mount(8);
    let db = sqlite_db_in(disk.path());
    let server = Running::start(&db, &[("NATO_API_IP_LIMIT", "100000")], None).await;
    let reader = Browser::at(server.address);
    signed_in(server.address, &reader, "reader@example.org").await;

    let subscribe = |name: String| {
        let address = server.address;
        async move {
            let answer = Browser::at(address)
                .post("/api/newsletter/subscriptions", json!({ "email": name, "consent": true }))
                .await;
            (name, answer)
        }
    };
    let mut acknowledged = BTreeSet::new();
    for i in 0..20 {
        let (name, answer) = subscribe(format!("before{i}@example.org")).await;
        assert_eq!(answer.status, 202, "{}", answer.body);
        acknowledged.insert(name);
    }

    disk.fill_leaving(256 * 1024);
    let mut refused = 0;
    for i in 0..200 {
        let (name, answer) = subscribe(format!("during{i}@example.org")).await;
        match answer.status {
            202 => {
                acknowledged.insert(name);
            }
            503 => {
                refused += 1;
                assert!(answer.header("retry-after").is_some(), "a 503 says when to try again");
            }
            other => panic!("{other}: {}", answer.body),
        }
    }
    assert_eq!(reader.send("GET", "/api/session", None).await.status, 200, "reading goes on");
    assert!(server.log().contains("the database's disk is full"), "{}", server.log());

    disk.free();
    for i in 0..20 {
        let (name, answer) = subscribe(format!("after{i}@example.org")).await;
        assert_eq!(answer.status, 202, "it recovers by itself: {}", answer.body);
        acknowledged.insert(name);
    }
    drop(server); // kill -9: nothing gets a chance to finish

    assert_eq!(db.column::<String>("PRAGMA integrity_check").await, ["ok"]);
    let stored: BTreeSet<String> = db.column("SELECT email FROM subscriptions").await.into_iter().collect();
    let missing: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(missing.is_empty(), "{} of {} acknowledged were lost: {missing:?}", missing.len(), acknowledged.len());
    let mailed: Vec<String> =
        db.column("SELECT recipient FROM outbox WHERE subject = 'Confirm your newsletter subscription'").await;
    assert_eq!(mailed.iter().cloned().collect::<BTreeSet<_>>(), stored, "each stored subscription has its mail");
    assert_eq!(mailed.len(), stored.len(), "and only one");
    assert!(refused > 150, "the disk filled up: {refused} refused");
    println!("{} acknowledged and stored, {refused} refused while the disk was full", acknowledged.len());
}

/// `nato-georgia-api backup PATH` while the API serves and writes: the copy is whole and
/// consistent, readable by its owner only, never written over an existing file; restored, its
/// accounts sign in and the sessions made before still hold (the hashing key is in it).
#[tokio::test]
async fn a_backup_taken_while_serving_restores_accounts_and_sessions() {
    let db = sqlite_db();
    let server = Running::start(&db, &[("NATO_API_IP_LIMIT", "100000")], None).await;
    let reader = Browser::at(server.address);
    signed_in(server.address, &reader, "reader@example.org").await;
    let address = server.address;
    let writing = tokio::spawn(async move {
        for i in 0.. {
            Browser::at(address)
                .post("/api/newsletter/subscriptions", json!({ "email": format!("w{i}@example.org"), "consent": true }))
                .await;
        }
    });

    let folder = tempfile::tempdir().unwrap();
    let copy = folder.path().join("backup.sqlite3");
    let made = backup(&db.setting(), &copy);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600, "only its owner reads it");
    let again = backup(&db.setting(), &copy);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists: a backup never writes over a file"));
    writing.abort();
    drop(server);

    let restored = TestDb::sqlite_at(&copy);
    assert_eq!(restored.column::<String>("PRAGMA integrity_check").await, ["ok"]);
    let server = Running::start(&restored, &[], None).await;
    let moved = reader.moved_to(server.address);
    assert_eq!(moved.send("GET", "/api/session", None).await.status, 200, "the session made before still holds");
    let again = Browser::at(server.address);
    let signed = again.post("/api/sessions", json!({ "email": "reader@example.org", "password": STRONG })).await;
    assert_eq!(signed.status, 200, "{}", signed.body);
}

#[test]
fn a_postgres_database_is_left_to_pg_dump() {
    let folder = tempfile::tempdir().unwrap();
    let refused = backup("postgres://api@localhost/georgia", &folder.path().join("backup.sql"));
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("back it up with pg_dump"));
}

#[test]
fn a_database_that_is_not_there_is_said_so_and_leaves_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let (missing, copy) = (folder.path().join("typo.sqlite3"), folder.path().join("backup.sqlite3"));
    let refused = backup(missing.to_str().unwrap(), &copy);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains(&format!("there is no database at {}", missing.display())), "{said}");
    assert!(!missing.exists(), "no empty database is made in its place");
    assert!(!copy.exists());
}

/// Steady traffic: a subscription every 100 ms, each remembered with its answer and how long it
/// took, until `stop` is set.
fn steady_traffic(
    address: std::net::SocketAddr,
    stop: Arc<AtomicBool>,
) -> tokio::task::JoinHandle<Vec<(String, u16, bool, Duration)>> {
    tokio::spawn(async move {
        let mut sent = Vec::new();
        for i in 0.. {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            let email = format!("steady{i}@example.org");
            let body = json!({ "email": email, "consent": true }).to_string();
            sent.push(tokio::spawn(async move {
                let started = Instant::now();
                let answer = request(
                    address,
                    "POST",
                    "/api/newsletter/subscriptions",
                    Some(&body),
                    &[("content-type", "application/json")],
                )
                .await;
                (email, answer.status, answer.header("retry-after").is_some(), started.elapsed())
            }));
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut answers = Vec::new();
        for request in sent {
            answers.push(request.await.unwrap());
        }
        answers
    })
}

/// Every answer was a 202 or a 503 with `Retry-After`, within the request time limit, and every
/// 202 is stored.
async fn nothing_acknowledged_was_lost(db: &TestDb, answers: &[(String, u16, bool, Duration)], limit: Duration) {
    for (email, status, retry_after, took) in answers {
        assert!(*status == 202 || (*status == 503 && *retry_after), "{email}: {status} (Retry-After: {retry_after})");
        assert!(*took <= limit + Duration::from_secs(1), "{email} waited {took:?}");
    }
    let stored: BTreeSet<String> = db.column("SELECT email FROM subscriptions").await.into_iter().collect();
    let lost: Vec<_> = answers.iter().filter(|(email, status, ..)| *status == 202 && !stored.contains(email)).collect();
    assert!(lost.is_empty(), "acknowledged and lost: {lost:?}");
}

/// PostgreSQL stopped for a minute under steady traffic, then started: while it is down, every
/// request is answered 503 with `Retry-After` within the request time limit and the health
/// check says 503; within 5 s of its return everything works again without a restart of the
/// API, the mail goes out again, and no acknowledged write is lost.
#[tokio::test]
async fn postgres_gone_for_a_minute_and_back() {
    let mut db = postgres_db();
    let limit = Duration::from_secs(15);
    let server =
        Running::start(&db, &[("NATO_API_IP_LIMIT", "100000"), ("NATO_API_REQUEST_TIMEOUT", "15")], None).await;
    let stop = Arc::new(AtomicBool::new(false));
    let traffic = steady_traffic(server.address, stop.clone());
    tokio::time::sleep(Duration::from_secs(2)).await;

    db.stop_postgres_for_now();
    tokio::time::sleep(Duration::from_secs(5)).await;
    let health = request(server.address, "GET", "/api/health", None, &[]).await;
    assert_eq!(health.status, 503, "the health check says so");
    tokio::time::sleep(Duration::from_secs(55)).await;

    db.start_postgres_again();
    let back = Instant::now();
    loop {
        let answer = request(
            server.address,
            "POST",
            "/api/newsletter/subscriptions",
            Some(r#"{"email":"back@example.org","consent":true}"#),
            &[("content-type", "application/json")],
        )
        .await;
        if answer.status == 202 {
            break;
        }
        assert!(back.elapsed() < Duration::from_secs(5), "not back within 5 s: {} {}", answer.status, answer.body);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(request(server.address, "GET", "/api/health", None, &[]).await.status, 200);
    stop.store(true, Ordering::SeqCst);
    let answers = traffic.await.unwrap();
    assert!(answers.iter().any(|(_, status, ..)| *status == 503), "the outage was felt");
    nothing_acknowledged_was_lost(&db, &answers, limit).await;
    // The mail task went on: every message written since is delivered (the dev outbox marks it).
    for _ in 0..100 {
        if db.numbers("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").await == [0] {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("mail is not going out again");
}

/// SQLite whose files refuse every write for ten seconds under steady traffic: writes are
/// refused with 503 and `Retry-After`, and it recovers by itself; no acknowledged write is lost.
#[tokio::test]
async fn sqlite_briefly_unwritable() {
    let db = sqlite_db();
    let server = Running::start(&db, &[("NATO_API_IP_LIMIT", "100000")], None).await;
    let stop = Arc::new(AtomicBool::new(false));
    let traffic = steady_traffic(server.address, stop.clone());
    tokio::time::sleep(Duration::from_secs(2)).await;

    let file = db.sqlite_path();
    let suffixed =
        |suffix: &str| file.with_file_name(format!("{}{suffix}", file.file_name().unwrap().to_string_lossy()));
    // Not its shared-memory index: SQLite writes that through a mapping, where a refusal is a
    // bus error, not the failing write a disk gives.
    let unwritable = Unwritable::files(&[file.clone(), suffixed("-wal")]);
    tokio::time::sleep(Duration::from_secs(10)).await;
    drop(unwritable);
    let back = Instant::now();
    let browser = Browser::at(server.address);
    loop {
        let answer = browser
            .post("/api/newsletter/subscriptions", json!({ "email": "back@example.org", "consent": true }))
            .await;
        if answer.status == 202 {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(5),
            "not back within 5 s: {} {}\n{}",
            answer.status,
            answer.body,
            server.log().lines().rev().take(12).collect::<Vec<_>>().join("\n")
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.store(true, Ordering::SeqCst);
    let answers = traffic.await.unwrap();
    assert!(answers.iter().any(|(_, status, ..)| *status == 503), "the outage was felt");
    drop(server);
    nothing_acknowledged_was_lost(&db, &answers, Duration::from_secs(30)).await;
    assert_eq!(db.column::<String>("PRAGMA integrity_check").await, ["ok"]);
}
