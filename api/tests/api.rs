//! The API over HTTP: every endpoint, code expiry and tries, the resend cooldown, no account
//! enumeration, concurrent subscriptions, data kept across a restart, and malformed requests.

mod support;

use nato_georgia_api::config::Config;
use serde_json::json;
use support::{account, request, test_db, Browser, Server, STRONG, STRONGER};

async fn sign_in(server: &Server, email: &str, password: &str) -> support::Response {
    server.post("/api/sessions", json!({ "email": email, "password": password })).await
}

fn session_cookie(response: &support::Response) -> String {
    response.header("set-cookie").unwrap().split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn newsletter_double_opt_in_without_revealing_known_addresses() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    let first =
        server.post("/api/newsletter/subscriptions", json!({ "email": " Reader@Example.org ", "consent": true })).await;
    assert_eq!(first.status, 202);
    let mail = server.outbox().await.pop().unwrap();
    assert_eq!(mail["to"], "reader@example.org");
    assert!(mail["sent_at"].as_str().unwrap().ends_with('Z'));
    let link =
        mail["body"].as_str().unwrap().split_whitespace().find(|w| w.contains("/confirmations/")).unwrap().to_owned();
    let path = &link[link.find("/api/").unwrap()..];
    let confirmed = server.send("GET", path, None, &[]).await;
    assert_eq!(confirmed.status, 200);
    assert!(confirmed.body.contains("is confirmed"));
    assert_eq!(server.send("GET", path, None, &[]).await.status, 404, "a link works once");

    let again =
        server.post("/api/newsletter/subscriptions", json!({ "email": "reader@example.org", "consent": true })).await;
    let fresh =
        server.post("/api/newsletter/subscriptions", json!({ "email": "new@example.org", "consent": true })).await;
    assert_eq!((again.status, again.body.clone()), (fresh.status, fresh.body.clone()), "same answer, known or not");

    let refused = server.post("/api/newsletter/subscriptions", json!({ "email": "nope", "consent": false })).await;
    assert_eq!(refused.status, 422);
    let fields: Vec<String> =
        refused.json()["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect();
    assert_eq!(fields, ["email", "consent"]);
    assert_eq!(
        refused.json()["errors"][0]["message"],
        "Enter an email address in the correct format, like name@example.com"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_hundred_concurrent_subscriptions_lose_and_duplicate_nothing() {
    let db = test_db();
    let mut config = Config::development(db.database());
    config.ip_limit_per_minute = 1000;
    config.connections.per_ip = 200;
    let server =
        Server::start_with(config, std::sync::Arc::new(nato_georgia_api::clock::ManualClock::new(support::START)))
            .await;
    let address = server.address;
    let requests = (0..100).map(|i| {
        let email = format!("reader{}@example.org", i % 80);
        tokio::spawn(async move {
            let body = json!({ "email": email, "consent": true }).to_string();
            request(
                address,
                "POST",
                "/api/newsletter/subscriptions",
                Some(&body),
                &[("content-type", "application/json")],
            )
            .await
            .status
        })
    });
    for status in futures_join(requests).await {
        assert_eq!(status, 202);
    }
    let counted = db
        .numbers("SELECT COUNT(*) FROM subscriptions UNION ALL SELECT COUNT(DISTINCT email) FROM subscriptions")
        .await;
    let (rows, distinct) = (counted[0], counted[1]);
    assert_eq!((rows, distinct), (80, 80));
    server.stop().await;
}

async fn futures_join(handles: impl Iterator<Item = tokio::task::JoinHandle<u16>>) -> Vec<u16> {
    let mut statuses = Vec::new();
    for handle in handles.collect::<Vec<_>>() {
        statuses.push(handle.await.unwrap());
    }
    statuses
}

#[tokio::test]
async fn register_verify_sign_in_session_and_sign_out() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    let browser = Browser::new(&server);
    let weak = browser
        .post(
            "/api/accounts",
            json!({ "email": "alice.smith@example.org", "password": "Password123!", "newsletter": true }),
        )
        .await;
    assert_eq!(weak.status, 422);
    assert_eq!(weak.json()["errors"][0]["field"], "password");
    assert!(weak.json()["errors"][0]["message"].as_str().unwrap().starts_with("Password is too easy to guess."));
    let short = browser
        .post("/api/accounts", json!({ "email": "alice.smith@example.org", "password": "Ab1!", "newsletter": true }))
        .await;
    assert_eq!(short.json()["errors"][0]["message"], "Password must be at least 12 characters long");

    let created = browser
        .post("/api/accounts", json!({ "email": "alice.smith@example.org", "password": STRONG, "newsletter": true }))
        .await;
    assert_eq!(created.status, 202);
    assert_eq!(
        sign_in(&server, "alice.smith@example.org", STRONG).await.status,
        401,
        "not before the address is confirmed"
    );
    let code = server.latest_code("alice.smith@example.org").await;
    let wrong = browser
        .post(
            "/api/accounts/verify",
            json!({ "email": "alice.smith@example.org", "code": if code == "000000" { "111111" } else { "000000" } }),
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert_eq!(wrong.json()["errors"][0]["field"], "code");
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    assert_eq!(
        browser
            .post("/api/accounts/verify", json!({ "email": "alice.smith@example.org", "code": spaced }))
            .await
            .status,
        204
    );

    assert_eq!(sign_in(&server, "alice.smith@example.org", "Wrong-password-1").await.status, 401);
    let signed_in = sign_in(&server, "Alice.Smith@example.org", STRONG).await;
    assert_eq!(signed_in.status, 200);
    assert_eq!(signed_in.json()["email"], "alice.smith@example.org");
    let set_cookie = signed_in.header("set-cookie").unwrap();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax") && !set_cookie.contains("Secure"),
        "{set_cookie}"
    );
    let cookie = session_cookie(&signed_in);
    let current = server.send("GET", "/api/session", None, &[("cookie", &cookie)]).await;
    assert_eq!((current.status, current.json()["email"].clone()), (200, json!("alice.smith@example.org")));
    assert_eq!(server.send("GET", "/api/session", None, &[]).await.status, 401);
    assert_eq!(server.send("DELETE", "/api/sessions", None, &[("cookie", &cookie)]).await.status, 204);
    assert_eq!(server.send("GET", "/api/session", None, &[("cookie", &cookie)]).await.status, 401);

    let secure = server
        .send(
            "POST",
            "/api/sessions",
            Some(&json!({ "email": "alice.smith@example.org", "password": STRONG }).to_string()),
            &[("content-type", "application/json"), ("x-forwarded-proto", "https")],
        )
        .await;
    assert!(secure.header("set-cookie").unwrap().contains("; Secure"));
    server.stop().await;
}

#[tokio::test]
async fn codes_expire_after_15_minutes_and_allow_5_wrong_tries() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    let browser = Browser::new(&server);
    browser.post("/api/accounts", json!({ "email": "a@example.org", "password": STRONG })).await;
    let code = server.latest_code("a@example.org").await;
    server.clock.advance(15 * 60);
    let expired = browser.post("/api/accounts/verify", json!({ "email": "a@example.org", "code": code })).await;
    assert_eq!(expired.json()["errors"][0]["message"], "The code has expired. Ask for a new code.");

    browser.post("/api/accounts", json!({ "email": "a@example.org", "password": STRONG })).await;
    let code = server.latest_code("a@example.org").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert_eq!(
            browser.post("/api/accounts/verify", json!({ "email": "a@example.org", "code": wrong })).await.status,
            422
        );
    }
    let locked = browser.post("/api/accounts/verify", json!({ "email": "a@example.org", "code": code })).await;
    assert_eq!(locked.json()["errors"][0]["message"], "Too many wrong codes. Ask for a new code.");
    server.stop().await;
}

#[tokio::test]
async fn a_new_code_waits_60_seconds_and_replaces_the_old_one() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    account(&server, &Browser::new(&server), "b@example.org", STRONG).await;
    assert_eq!(server.post("/api/password-resets", json!({ "email": "b@example.org" })).await.status, 202);
    let first = server.latest_code("b@example.org").await;
    server.clock.advance(20);
    let early = server.post("/api/password-resets", json!({ "email": "b@example.org" })).await;
    assert_eq!(early.status, 429);
    assert_eq!(early.header("retry-after"), Some("40"));
    server.clock.advance(40);
    assert_eq!(server.post("/api/password-resets", json!({ "email": "b@example.org" })).await.status, 202);
    let second = server.latest_code("b@example.org").await;
    if first != second {
        let old = server.post("/api/password-resets/verify", json!({ "email": "b@example.org", "code": first })).await;
        assert_eq!(old.status, 422, "the old code no longer works");
    }
    assert_eq!(
        server.post("/api/password-resets/verify", json!({ "email": "b@example.org", "code": second })).await.status,
        204
    );
    server.stop().await;
}

#[tokio::test]
async fn password_reset_answers_alike_for_unknown_addresses_and_ends_every_session() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    account(&server, &Browser::new(&server), "c@example.org", STRONG).await;
    let session = session_cookie(&sign_in(&server, "c@example.org", STRONG).await);
    let unknown = server.post("/api/password-resets", json!({ "email": "nobody@example.org" })).await;
    let told = server.mails("nobody@example.org").await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0]["subject"], "No account with this email address", "no code for an address without an account");
    let known = server.post("/api/password-resets", json!({ "email": "c@example.org" })).await;
    assert_eq!((unknown.status, unknown.body), (known.status, known.body));
    let early = server.post("/api/password-resets", json!({ "email": "nobody@example.org" })).await;
    assert_eq!(early.status, 429, "the cooldown applies to unknown addresses too");

    let code = server.latest_code("c@example.org").await;
    let weak = server
        .post(
            "/api/password-resets/complete",
            json!({ "email": "c@example.org", "code": code, "password": "Password123!" }),
        )
        .await;
    assert_eq!(weak.status, 422);
    let done = server
        .post("/api/password-resets/complete", json!({ "email": "c@example.org", "code": code, "password": STRONGER }))
        .await;
    assert_eq!(done.status, 204, "{}", done.body);
    assert_eq!(server.send("GET", "/api/session", None, &[("cookie", &session)]).await.status, 401);
    assert_eq!(sign_in(&server, "c@example.org", STRONG).await.status, 401);
    assert_eq!(sign_in(&server, "c@example.org", STRONGER).await.status, 200);
    let reused = server
        .post("/api/password-resets/complete", json!({ "email": "c@example.org", "code": code, "password": STRONG }))
        .await;
    assert_eq!(reused.status, 422, "a code works once");
    server.stop().await;
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_address() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    for _ in 0..10 {
        assert_eq!(sign_in(&server, "d@example.org", "Wrong-password-1").await.status, 401);
    }
    let limited = sign_in(&server, "d@example.org", "Wrong-password-1").await;
    assert_eq!(limited.status, 429);
    assert!(limited.header("retry-after").is_some());
    server.stop().await;
}

#[tokio::test]
async fn health_says_the_database_is_reached() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    let answer = server.send("GET", "/api/health", None, &[]).await;
    assert_eq!((answer.status, answer.json()), (200, json!({ "status": "ok" })));
    server.stop().await;
}

#[tokio::test]
async fn data_is_kept_across_a_restart() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    account(&server, &Browser::new(&server), "e@example.org", STRONG).await;
    server.stop().await;
    let restarted = Server::start(db.database()).await;
    assert_eq!(sign_in(&restarted, "e@example.org", STRONG).await.status, 200);
    assert!(!restarted.outbox().await.is_empty());
    restarted.stop().await;
}

#[tokio::test]
async fn malformed_requests_get_a_400_or_415_with_a_message_never_a_500() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    let json = [("content-type", "application/json")];
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, u16);
    let cases: Vec<Case> = vec![
        ("{\"email\": ", json.to_vec(), 400),
        ("[1, 2]", json.to_vec(), 400),
        ("{\"email\": \"a@b.org\"}", json.to_vec(), 400),
        ("{\"email\": \"a@b.org\", \"consent\": true, \"extra\": 1}", json.to_vec(), 400),
        ("{\"email\": 5, \"consent\": true}", json.to_vec(), 400),
        ("email=a@b.org", vec![("content-type", "application/x-www-form-urlencoded")], 415),
        ("{\"email\": \"a@b.org\", \"consent\": true}", vec![], 415),
    ];
    for (body, headers, status) in cases {
        let response = server.send("POST", "/api/newsletter/subscriptions", Some(body), &headers).await;
        assert_eq!(response.status, status, "{body}: {}", response.body);
        assert!(!response.json()["message"].as_str().unwrap().is_empty());
    }
    let huge = format!("{{\"email\": \"{}@b.org\", \"consent\": true}}", "a".repeat(64 * 1024));
    assert_eq!(server.send("POST", "/api/newsletter/subscriptions", Some(&huge), &json).await.status, 413);
    assert_eq!(server.send("GET", "/api/nothing-here", None, &[]).await.status, 404);
    server.stop().await;
}

#[tokio::test]
async fn the_dev_outbox_exists_only_in_development() {
    let db = test_db();
    let mut config = Config::development(db.database());
    config.development = false;
    let server =
        Server::start_with(config, std::sync::Arc::new(nato_georgia_api::clock::ManualClock::new(support::START)))
            .await;
    assert_eq!(server.send("GET", "/api/dev/outbox", None, &[]).await.status, 404);
    server.stop().await;
}

#[tokio::test]
async fn outside_development_mail_is_delivered_over_smtp() {
    let sink = support::SmtpSink::start().await;
    let db = test_db();
    let mut config = Config::development(db.database());
    config.development = false;
    config.smtp = Some(nato_georgia_api::config::SmtpConfig {
        url: format!("smtp://127.0.0.1:{}", sink.port),
        from: "Relations with Georgia <no-reply@example.org>".into(),
    });
    let server =
        Server::start_with(config, std::sync::Arc::new(nato_georgia_api::clock::ManualClock::new(support::START)))
            .await;
    let subscribed =
        server.post("/api/newsletter/subscriptions", json!({ "email": "reader@example.org", "consent": true })).await;
    assert_eq!(subscribed.status, 202);
    let message = sink.wait_for("Subject: Confirm your newsletter subscription").await;
    assert!(message.contains("To: reader@example.org"), "{message}");
    assert!(
        message.contains("From: \"Relations with Georgia\" <no-reply@example.org>")
            || message.contains("From: Relations with Georgia <no-reply@example.org>"),
        "{message}"
    );
    assert!(message.contains("/api/newsletter/confirmations/"), "{message}");
    assert_eq!(server.send("GET", "/api/dev/outbox", None, &[]).await.status, 404);
    server.stop().await;
}
