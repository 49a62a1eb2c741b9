//! `nato-georgia-api copy-database`, the way from SQLite to PostgreSQL: every account, session,
//! subscription and waiting mail arrives, and what was already sent — a session cookie, a
//! newsletter link — keeps working, since the hashing key moves too; and back again. A database
//! with data is never written over, and none is copied into itself.

mod support;

use std::process::Command;

use serde_json::json;
use support::{account, postgres_db, request, sqlite_db, Browser, Server, STRONG};

fn copy_database(from: &str, to: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nato-georgia-api")).args(["copy-database", from, to]).output().unwrap()
}

#[tokio::test]
async fn moving_from_sqlite_to_postgres_keeps_accounts_sessions_links_and_mail() {
    let sqlite = sqlite_db();
    let server = Server::start(sqlite.database()).await;
    let browser = Browser::new(&server);
    account(&server, &browser, "moving@example.org", STRONG).await;
    let signed_in = browser.post("/api/sessions", json!({ "email": "moving@example.org", "password": STRONG })).await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let session = format!("nato_georgia_session={}", browser.cookie("nato_georgia_session").unwrap());
    let subscribed =
        server.post("/api/newsletter/subscriptions", json!({ "email": "reader@example.org", "consent": true })).await;
    assert_eq!(subscribed.status, 202);
    let mail = server.mails("reader@example.org").await.pop().unwrap();
    let body = mail["body"].as_str().unwrap();
    let start = body.find("/api/newsletter/confirmations/").unwrap();
    let link = body[start..].split_whitespace().next().unwrap().to_owned();
    let mails = server.outbox().await.len();
    server.stop().await;

    let postgres = postgres_db();
    let copied = copy_database(&sqlite.setting(), &postgres.setting());
    let printed = String::from_utf8_lossy(&copied.stdout);
    assert!(copied.status.success(), "{printed}{}", String::from_utf8_lossy(&copied.stderr));
    assert!(printed.contains("accounts: 1 rows") && printed.contains("sessions: 1 rows"), "{printed}");

    let moved = Server::start(postgres.database()).await;
    let current = request(moved.address, "GET", "/api/session", None, &[("cookie", &session)]).await;
    assert_eq!(current.status, 200, "the session made on SQLite works on PostgreSQL: {}", current.body);
    let again = moved.post("/api/sessions", json!({ "email": "moving@example.org", "password": STRONG })).await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(moved.send("GET", &link, None, &[]).await.status, 200, "the link sent before the move confirms");
    let outbox = moved.outbox().await;
    assert_eq!(outbox.len(), mails, "every mail arrived");
    assert_eq!(outbox.last().unwrap()["to"], "reader@example.org", "in their order");
    moved.stop().await;

    let refused = copy_database(&sqlite.setting(), &postgres.setting());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is not empty"), "{:?}", refused);

    // And back, into a new SQLite file.
    let back = sqlite_db();
    assert!(copy_database(&postgres.setting(), &back.setting()).status.success());
    let returned = Server::start(back.database()).await;
    assert_eq!(request(returned.address, "GET", "/api/session", None, &[("cookie", &session)]).await.status, 200);
    returned.stop().await;
}

#[tokio::test]
async fn a_missing_source_is_named_and_nothing_is_created() {
    let target = sqlite_db();
    let missing = target.setting().replace("api.sqlite3", "missing.sqlite3");
    let refused = copy_database(&missing, &target.setting());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("does not exist"), "{:?}", refused);
    assert!(!std::path::Path::new(&missing).exists());
}

#[tokio::test]
async fn a_database_is_never_copied_into_itself() {
    let db = sqlite_db();
    let server = Server::start(db.database()).await;
    server.stop().await;
    let refused = copy_database(&db.setting(), &db.setting());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("the same database"), "{:?}", refused);
}
