//! Signing in takes as long for an address nobody has as for an account with a wrong password:
//! both check a password with Argon2 (a stand-in hash when there is no account). Before, an
//! unknown address answered in 1.4 ms and an account in 33 ms. `make bench-api` measures every
//! endpoint against the 25 % the issue asks for; this test only guards the order of magnitude,
//! in a test binary of its own so no other test shares the machine with it.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{test_db, Browser, Server, STRONG};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

#[tokio::test]
async fn signing_in_to_an_unknown_address_takes_as_long_as_to_an_account() {
    let db = test_db();
    let server = Server::start(db.database()).await;
    let owner = Browser::new(&server);
    owner.post("/api/accounts", json!({ "email": "known@example.org", "password": STRONG })).await;
    let code = server.latest_code("known@example.org").await;
    assert_eq!(
        owner.post("/api/accounts/verify", json!({ "email": "known@example.org", "code": code })).await.status,
        204
    );

    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for i in 0..9 {
        // Each try from its own client, so no limit answers instead of the password check.
        for (email, samples) in [("known@example.org", &mut known), ("unknown@example.org", &mut unknown)] {
            let client = Browser::from_ip(&server, &format!("127.0.5.{}", i + 1));
            let started = Instant::now();
            let answer = client.post("/api/sessions", json!({ "email": email, "password": "Wrong-password-1" })).await;
            samples.push(started.elapsed());
            assert_eq!(answer.status, 401, "{}", answer.body);
        }
    }
    let (known, unknown) = (median(known), median(unknown));
    let ratio = unknown.as_secs_f64() / known.as_secs_f64();
    assert!((0.5..2.0).contains(&ratio), "unknown {unknown:?} against known {known:?}");
    server.stop().await;
}
