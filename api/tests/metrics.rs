//! The metrics an operator scrapes, from the real binary: served on their own address only,
//! in the OpenMetrics text format, counting what the traffic did — answers by route and status
//! with their times, refusals by limit, mail, the hashing queue and the outbox.

mod support;

use std::time::Duration;

use serde_json::json;
use support::{request, test_db, Browser, Running};

fn free_address() -> String {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().to_string()
}

#[tokio::test]
async fn traffic_shows_in_the_metrics_on_their_own_address() {
    let db = test_db();
    let metrics_address = free_address();
    let server =
        Running::start(&db, &[("NATO_API_METRICS_ADDRESS", &metrics_address), ("NATO_API_IP_LIMIT", "3")], None).await;
    let browser = Browser::at(server.address);
    let subscribe = |i: usize| {
        browser.post(
            "/api/newsletter/subscriptions",
            json!({ "email": format!("reader{i}@example.org"), "consent": true }),
        )
    };
    for i in 0..3 {
        assert_eq!(subscribe(i).await.status, 202);
    }
    assert_eq!(subscribe(3).await.status, 429, "the client's limit");
    assert_eq!(request(server.address, "GET", "/metrics", None, &[]).await.status, 404, "not on the public port");

    tokio::time::sleep(Duration::from_secs(1)).await;
    let scraped = request(metrics_address.parse().unwrap(), "GET", "/metrics", None, &[]).await;
    assert_eq!(scraped.status, 200);
    assert!(scraped.header("content-type").unwrap().starts_with("application/openmetrics-text"));
    let text = scraped.body;
    for line in [
        r#"nato_georgia_api_requests_total{route="/api/newsletter/subscriptions",status="202"} 3"#,
        r#"nato_georgia_api_requests_total{route="/api/newsletter/subscriptions",status="429"} 1"#,
        r#"nato_georgia_api_refusals_total{limit="client"} 1"#,
        r#"nato_georgia_api_request_duration_seconds_count{route="/api/newsletter/subscriptions"} 4"#,
        "nato_georgia_api_mail_delivered_total 3",
        "nato_georgia_api_outbox_waiting 0",
        "nato_georgia_api_outbox_oldest_seconds 0",
        "nato_georgia_api_hash_queue 0",
        "# EOF",
    ] {
        assert!(text.lines().any(|got| got == line), "no `{line}` in\n{text}");
    }
    assert!(
        text.contains(
            r#"nato_georgia_api_request_duration_seconds_bucket{le="0.001",route="/api/newsletter/subscriptions"}"#
        ),
        "{text}"
    );
    assert!(!text.contains("reader0@example.org"), "no address in the metrics");
}

#[test]
fn the_metrics_are_never_on_the_public_address() {
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_nato-georgia-api"))
        .env("NATO_API_DEV", "1")
        .env("NATO_API_ADDRESS", "127.0.0.1:7777")
        .env("NATO_API_METRICS_ADDRESS", "127.0.0.1:7777")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stdout).contains("NATO_API_METRICS_ADDRESS must not be NATO_API_ADDRESS"));
}
