//! Two instances of the real binary on one PostgreSQL — what a deployer runs for a rolling
//! deploy or more traffic. Everything they must agree on is in the database:
//!
//! - started at the same moment on an empty database, both migrate it once;
//! - a code sent through one is accepted through the other, a session made by one works on
//!   the other, and a rate limit counts the requests to both;
//! - behind one address (a small proxy here, handing each connection to the next instance, and
//!   to the other when one is down), `kill -9` of one instance during a burst of
//!   subscriptions loses no acknowledged subscription, and each confirmation mail is delivered
//!   exactly once — those the dead instance had claimed too, by the other once its claim ran out;
//! - an instance whose database has gone fails the load balancer's health check.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use support::{postgres_db, request_from, Browser, Running, SmtpSink, STRONG};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A TCP proxy on one address: each connection goes to the next instance in turn, or to the
/// other when that one does not answer (as a load balancer's health check would).
async fn proxy(instances: Vec<SocketAddr>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let next = Arc::new(AtomicUsize::new(0));
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let (instances, next) = (instances.clone(), next.clone());
            tokio::spawn(async move {
                let first = next.fetch_add(1, Ordering::Relaxed);
                for turn in 0..instances.len() {
                    if let Ok(mut instance) = TcpStream::connect(instances[(first + turn) % instances.len()]).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut instance).await;
                        return;
                    }
                }
            });
        }
    });
    address
}

/// A subscription through `address`; its status, or `None` when the connection broke.
async fn subscribe(address: SocketAddr, email: &str) -> Option<u16> {
    let body = json!({ "email": email, "consent": true }).to_string();
    let mut stream = TcpStream::connect(address).await.ok()?;
    let request = format!(
        "POST /api/newsletter/subscriptions HTTP/1.1\r\nHost: api\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.ok()?;
    String::from_utf8_lossy(&answer).split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test]
async fn two_instances_migrate_once_and_share_codes_sessions_and_limits() {
    let db = postgres_db();
    let settings = [("NATO_API_IP_LIMIT", "8")];
    let (mut one, mut two) = (Running::spawn(&db, &settings, None), Running::spawn(&db, &settings, None));
    one.wait_until_listening().await;
    two.wait_until_listening().await;
    let versions = db.numbers("SELECT version FROM schema_migrations ORDER BY version").await;
    assert_eq!(versions, (1..=versions.len() as i64).collect::<Vec<_>>(), "every migration recorded once");
    assert!(versions.len() >= 2, "{versions:?}");

    // A code sent through one instance is accepted through the other, with the browser's cookie.
    let through_one = Browser::at(one.address);
    let created = through_one.post("/api/accounts", json!({ "email": "ana@example.org", "password": STRONG })).await;
    assert_eq!(created.status, 202, "{}", created.body);
    let through_two = through_one.moved_to(two.address);
    let code = support::latest_code_at(two.address, "ana@example.org").await;
    let verified = through_two.post("/api/accounts/verify", json!({ "email": "ana@example.org", "code": code })).await;
    assert_eq!(verified.status, 204, "{}", verified.body);

    // A session made by one works on the other, and signing out on it ends it on both.
    let signed_in = through_two.post("/api/sessions", json!({ "email": "ana@example.org", "password": STRONG })).await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let back_on_one = through_two.moved_to(one.address);
    assert_eq!(back_on_one.send("GET", "/api/session", None).await.status, 200);
    let cookie = format!("nato_georgia_session={}", back_on_one.cookie("nato_georgia_session").unwrap());
    assert_eq!(back_on_one.send("DELETE", "/api/sessions", None).await.status, 204);
    let ended = request_from(None, two.address, "GET", "/api/session", None, &[("cookie", &cookie)]).await;
    assert_eq!(ended.status, 401);

    // 8 requests a minute per client: 4 to each instance spend it, for both.
    let client = "127.0.0.9";
    for (i, instance) in [&one, &two].repeat(4).into_iter().enumerate() {
        let browser = Browser::at_from(instance.address, client);
        let answer = browser
            .post("/api/newsletter/subscriptions", json!({ "email": format!("r{i}@example.org"), "consent": true }))
            .await;
        assert_eq!(answer.status, 202, "request {i}: {}", answer.body);
    }
    for instance in [&one, &two] {
        let browser = Browser::at_from(instance.address, client);
        let answer = browser
            .post("/api/newsletter/subscriptions", json!({ "email": "late@example.org", "consent": true }))
            .await;
        assert_eq!(answer.status, 429, "{}", answer.body);
    }
}

/// Outside development, mail through the SMTP server on `port`, claimed for 6 s at a time; the
/// proxy's clients all come from one address, so the limit per client is out of the way.
fn settings(port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("NATO_API_DEV", "0".to_owned()),
        ("NATO_API_SMTP_URL", format!("smtp://127.0.0.1:{port}")),
        ("NATO_API_MAIL_FROM", "no-reply@example.org".to_owned()),
        ("NATO_API_MAIL_LEASE", "6".to_owned()),
        ("NATO_API_IP_LIMIT", "100000".to_owned()),
        ("NATO_API_MAX_CONNECTIONS_PER_IP", "500".to_owned()),
    ]
}

fn pairs<'a>(settings: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    settings.iter().map(|(name, value)| (*name, value.as_str())).collect()
}

#[tokio::test]
async fn killing_an_instance_in_a_burst_loses_no_subscription_and_each_mail_goes_once() {
    let db = postgres_db();
    let sink = SmtpSink::start().await;
    // The first instance's mail server never answers: what it claims stays claimed until it
    // gives up — or dies.
    let silent = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = silent.accept().await {
            held.push(stream);
        }
    });
    let (one_settings, two_settings) = (settings(silent_port), settings(sink.port));
    let mut one = Running::start(&db, &pairs(&one_settings), None).await;
    let two = Running::start(&db, &pairs(&two_settings), None).await;
    let address = proxy(vec![one.address, two.address]).await;

    // One subscription every 5 ms, each on a connection of its own.
    let burst = |range: std::ops::Range<usize>| async move {
        let mut requests = Vec::new();
        for i in range {
            let email = format!("reader{i}@example.org");
            requests.push(tokio::spawn(async move { (email.clone(), subscribe(address, &email).await) }));
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let mut answers = Vec::new();
        for request in requests {
            answers.push(request.await.unwrap());
        }
        answers
    };
    let mut answers = burst(0..60).await;
    // Kill the first instance while it holds a claim: a message claimed in two looks 300 ms
    // apart is its (the second delivers in milliseconds).
    let mut held_by_dead = BTreeSet::new();
    for _ in 0..50 {
        let first: BTreeSet<i64> =
            db.numbers("SELECT id FROM outbox WHERE claimed_until IS NOT NULL").await.into_iter().collect();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let second: BTreeSet<i64> =
            db.numbers("SELECT id FROM outbox WHERE claimed_until IS NOT NULL").await.into_iter().collect();
        held_by_dead = first.intersection(&second).copied().collect();
        if !held_by_dead.is_empty() {
            break;
        }
    }
    assert!(!held_by_dead.is_empty(), "the first instance claimed mail");
    let during = tokio::spawn(burst(60..180));
    tokio::time::sleep(Duration::from_millis(200)).await;
    one.kill();
    answers.extend(during.await.unwrap());
    let acknowledged: BTreeSet<String> = answers
        .iter()
        .filter(|(_, status)| matches!(status, Some(200..=299)))
        .map(|(email, _)| email.clone())
        .collect();
    let after_the_kill = (140..180).filter(|i| acknowledged.contains(&format!("reader{i}@example.org"))).count();
    assert_eq!(after_the_kill, 40, "the other instance serves everything once the first is gone");

    // Every acknowledged subscription is stored, and its mail arrives — the dead instance's
    // claims once they run out (6 s).
    let listed = acknowledged.iter().map(|email| format!("'{email}'")).collect::<Vec<_>>().join(", ");
    let stored = db.numbers(&format!("SELECT COUNT(*) FROM subscriptions WHERE email IN ({listed})")).await;
    assert_eq!(stored, vec![acknowledged.len() as i64], "every acknowledged subscription is stored");
    let mails_to = |sink: &SmtpSink| {
        let mut count = BTreeMap::<String, usize>::new();
        for message in sink.messages.lock().unwrap().iter() {
            let to = message.lines().find_map(|line| line.strip_prefix("To: ")).unwrap_or_default().to_owned();
            *count.entry(to).or_default() += 1;
        }
        count
    };
    for _ in 0..200 {
        if acknowledged.iter().all(|email| mails_to(&sink).contains_key(email)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Longer than a claim, so that a mail sent twice would have arrived twice by now.
    tokio::time::sleep(Duration::from_secs(7)).await;
    let count = mails_to(&sink);
    for email in &acknowledged {
        assert_eq!(count.get(email), Some(&1), "mails to {email}");
    }
    assert!(count.values().all(|n| *n == 1), "no mail twice: {count:?}");
    assert_eq!(db.numbers("SELECT COUNT(*) FROM outbox").await, vec![0], "nothing left to deliver");
    drop(two);
}

#[tokio::test]
async fn two_live_instances_deliver_each_mail_once() {
    let db = postgres_db();
    let sink = SmtpSink::start().await;
    let settings = settings(sink.port);
    let (one, two) =
        (Running::start(&db, &pairs(&settings), None).await, Running::start(&db, &pairs(&settings), None).await);
    let address = proxy(vec![one.address, two.address]).await;
    let requests: Vec<_> = (0..100)
        .map(|i| tokio::spawn(async move { subscribe(address, &format!("reader{i}@example.org")).await }))
        .collect();
    for request in requests {
        assert_eq!(request.await.unwrap(), Some(202));
    }
    for _ in 0..200 {
        if sink.messages.lock().unwrap().len() >= 100 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Both instances poll every 500 ms: were a message taken by both, its second copy would be here by now.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let recipients: Vec<String> = sink
        .messages
        .lock()
        .unwrap()
        .iter()
        .map(|message| message.lines().find_map(|line| line.strip_prefix("To: ")).unwrap_or_default().to_owned())
        .collect();
    let distinct: BTreeSet<&String> = recipients.iter().collect();
    assert_eq!((recipients.len(), distinct.len()), (100, 100), "each of 100 mails once");
}

#[tokio::test]
async fn an_instance_whose_database_is_gone_fails_its_health_check() {
    let mut db = postgres_db();
    let instance = Running::start(&db, &[], None).await;
    assert_eq!(request_from(None, instance.address, "GET", "/api/health", None, &[]).await.status, 200);
    db.stop_postgres();
    let answer = request_from(None, instance.address, "GET", "/api/health", None, &[]).await;
    assert_eq!(
        (answer.status, answer.json()["message"].as_str()),
        (503, Some("The server is busy. Try again in a moment."))
    );
}
