//! Mail through what a deployment meets, against the real server (on SQLite, or PostgreSQL with
//! `NATO_API_TEST_DATABASE=postgres`) and a real SMTP exchange with a test server: a mail server
//! down for an hour of the server's clock, then back — every message still worth sending is
//! delivered once, after a few dozen tries at most, and a code that expired meanwhile is not sent
//! but logged; and a stop while a message is on its way, which finishes and marks it.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use nato_georgia_api::clock::ManualClock;
use nato_georgia_api::config::{Config, SmtpConfig};
use serde_json::json;
use support::{test_db, Server, SmtpSink, TestDb, START, STRONG};

/// Everything the server logs in this test binary, captured once for all its tests.
fn logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        struct Into(Arc<Mutex<Vec<u8>>>);
        impl Write for Into {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt().with_ansi(false).with_writer(move || Into(writer.clone())).finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
        buffer
    })
    .clone()
}

/// The server as deployed: mail over SMTP to `sink`, delivered messages deleted.
async fn start(db: &TestDb, sink: &SmtpSink) -> Server {
    let mut config = Config::development(db.database());
    config.development = false;
    config.smtp = Some(SmtpConfig { url: format!("smtp://127.0.0.1:{}", sink.port), from: "site@example.org".into() });
    config.mail_poll = Duration::from_millis(20);
    config.ip_limit_per_minute = 100_000;
    Server::start_with(config, Arc::new(ManualClock::new(START))).await
}

/// Waits up to 20 s for `done`.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what} did not happen");
}

#[tokio::test]
async fn an_hour_long_outage_delivers_every_useful_message_once_afterwards() {
    let logs = logs();
    let (db, sink) = (test_db(), SmtpSink::start().await);
    sink.refuse(true);
    let server = start(&db, &sink).await;
    let readers: Vec<String> = (0..10).map(|i| format!("reader{i}@example.org")).collect();
    for reader in &readers {
        let subscribed =
            server.post("/api/newsletter/subscriptions", json!({ "email": reader, "consent": true })).await;
        assert_eq!(subscribed.status, 202, "{}", subscribed.body);
    }
    // Two codes: useful for 15 minutes.
    for address in ["late0@example.org", "late1@example.org"] {
        let created = server.post("/api/accounts", json!({ "email": address, "password": STRONG })).await;
        assert_eq!(created.status, 202, "{}", created.body);
    }

    // An hour of the server's clock, half a minute at a time.
    until("a first try", || sink.tries_of(&readers[0]) > 0).await;
    for _ in 0..120 {
        server.clock.advance(30);
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
    assert!(sink.messages.lock().unwrap().is_empty());
    for reader in &readers {
        let tries = sink.tries_of(reader);
        assert!((5..=25).contains(&tries), "{reader} was tried {tries} times in the hour");
    }

    sink.refuse(false);
    server.clock.advance(6 * 60);
    until("every newsletter link delivered", || readers.iter().all(|reader| sink.delivered_to(reader) > 0)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    for reader in &readers {
        assert_eq!(sink.delivered_to(reader), 1, "{reader} got its link once");
    }
    for late in ["late0@example.org", "late1@example.org"] {
        assert_eq!(sink.delivered_to(late), 0, "an expired code is not sent");
    }
    let logged = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
    assert!(logged.contains("mail no longer useful (its code or link expired) was not sent"), "{logged}");
    assert_eq!(db.numbers("SELECT COUNT(*) FROM outbox").await, [0], "nothing left waiting");
    server.stop().await;
}

#[tokio::test]
async fn a_stop_lets_the_message_on_its_way_finish_and_be_marked() {
    let (db, sink) = (test_db(), SmtpSink::start().await);
    sink.slow_down(Duration::from_millis(1500));
    let server = start(&db, &sink).await;
    let readers = ["first@example.org", "second@example.org", "third@example.org"];
    for reader in readers {
        let subscribed =
            server.post("/api/newsletter/subscriptions", json!({ "email": reader, "consent": true })).await;
        assert_eq!(subscribed.status, 202, "{}", subscribed.body);
    }
    until("a message on its way", || !sink.tries.lock().unwrap().is_empty()).await;
    server.stop().await;
    let delivered = sink.messages.lock().unwrap().len();
    assert_eq!(delivered, 1, "the message on its way was finished, no other started");
    assert_eq!(db.numbers("SELECT COUNT(*) FROM outbox").await, [2], "and marked: it is not waiting any more");

    sink.slow_down(Duration::ZERO);
    let server = start(&db, &sink).await;
    until("the rest delivered", || sink.messages.lock().unwrap().len() == 3).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for reader in readers {
        assert_eq!(sink.delivered_to(reader), 1, "{reader}");
    }
    server.stop().await;
}
