//! What an operator watches, in the Prometheus text format (OpenMetrics, through the
//! `prometheus-client` crate), served on an address of its own, `NATO_API_METRICS_ADDRESS`: off
//! by default and never on the public port, since it tells how the service is doing to whoever
//! can read it. The handlers, the connection layer, the hashing workers and the mail task count
//! into one registry for the process; the outbox is read from the database at each scrape, so
//! every instance reports the shared queue. docs/api.md "Metrics" lists them, with the alerts
//! worth setting.

use std::sync::OnceLock;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::db::Db;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route matched, like `/api/sessions` (never the path as sent: it may hold a token).
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LimitLabels {
    /// Which limit refused: `client`, `sign-in`, a budget's name, `hash-queue`,
    /// `connections-per-client`, `connections`, `request-time`.
    pub limit: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct FaultLabels {
    /// `disk-full`, `storage`, `unreachable`, `busy`, or `other` (the API's own: a 500).
    pub fault: String,
}

/// Every metric of the process.
pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Family<RouteLabels, Histogram>,
    pub refusals: Family<LimitLabels, Counter>,
    pub database_errors: Family<FaultLabels, Counter>,
    pub hash_queue: Gauge,
    pub mail_delivered: Counter,
    pub mail_failures: Counter,
    pub mail_expired: Counter,
    outbox_waiting: Gauge,
    outbox_oldest_seconds: Gauge,
}

fn latency_histogram() -> Histogram {
    // 1 ms to ≈ 16 s, doubling.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Metrics {
    fn new() -> Self {
        let mut registry = Registry::with_prefix("nato_georgia_api");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("requests", "Requests answered, by route matched and status", requests.clone());
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        registry.register("request_duration_seconds", "Time to answer a request, by route", latency.clone());
        let refusals = Family::<LimitLabels, Counter>::default();
        registry.register(
            "refusals",
            "Requests (or mails) refused by one of the API's limits, by limit",
            refusals.clone(),
        );
        let database_errors = Family::<FaultLabels, Counter>::default();
        registry.register("database_errors", "Database errors, by what they were", database_errors.clone());
        let hash_queue = Gauge::default();
        registry.register("hash_queue", "Password hashes waiting for a worker", hash_queue.clone());
        let mail_delivered = Counter::default();
        registry.register("mail_delivered", "Messages this instance delivered", mail_delivered.clone());
        let mail_failures = Counter::default();
        registry.register(
            "mail_failures",
            "Tries to deliver a message that failed (it is tried again)",
            mail_failures.clone(),
        );
        let mail_expired = Counter::default();
        registry.register(
            "mail_expired",
            "Messages dropped unsent because their code or link had expired",
            mail_expired.clone(),
        );
        let outbox_waiting = Gauge::default();
        registry.register(
            "outbox_waiting",
            "Messages waiting to be delivered, on every instance",
            outbox_waiting.clone(),
        );
        let outbox_oldest_seconds = Gauge::default();
        registry.register(
            "outbox_oldest_seconds",
            "Age of the oldest message waiting to be delivered",
            outbox_oldest_seconds.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            refusals,
            database_errors,
            hash_queue,
            mail_delivered,
            mail_failures,
            mail_expired,
            outbox_waiting,
            outbox_oldest_seconds,
        }
    }

    /// Counts a refusal by `limit`.
    pub fn refused(&self, limit: &str) {
        self.refusals.get_or_create(&LimitLabels { limit: limit.to_owned() }).inc();
    }

    /// Counts a database error of kind `fault`.
    pub fn database_error(&self, fault: &str) {
        self.database_errors.get_or_create(&FaultLabels { fault: fault.to_owned() }).inc();
    }

    /// Counts an answer, and how long it took.
    pub fn answered(&self, route: &str, status: u16, seconds: f64) {
        self.requests.get_or_create(&RequestLabels { route: route.to_owned(), status }).inc();
        self.latency.get_or_create(&RouteLabels { route: route.to_owned() }).observe(seconds);
    }
}

/// The process's metrics.
pub fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(Metrics::new)
}

/// `GET /metrics`: every metric, the outbox read now.
async fn scrape(State((db, clock)): State<(Db, Arc<dyn Clock>)>) -> impl IntoResponse {
    let metrics = metrics();
    let outbox: Result<(i64, Option<i64>), sqlx::Error> = async {
        sqlx::query_as("SELECT COUNT(*), MIN(sent_at) FROM outbox WHERE delivered_at IS NULL")
            .fetch_one(&mut *db.acquire().await.map_err(|_| sqlx::Error::PoolTimedOut)?)
            .await
    }
    .await;
    if let Ok((waiting, oldest)) = outbox {
        metrics.outbox_waiting.set(waiting);
        metrics.outbox_oldest_seconds.set(oldest.map_or(0, |sent_at| (clock.now() - sent_at).max(0)));
    }
    let mut text = String::new();
    if prometheus_client::encoding::text::encode(&mut text, &metrics.registry).is_err() {
        text.clear();
    }
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], text)
}

/// Serves `GET /metrics` on `listener` until the task is aborted.
pub fn spawn(listener: TcpListener, db: Db, clock: Arc<dyn Clock>) -> tokio::task::JoinHandle<()> {
    let router = axum::Router::new().route("/metrics", axum::routing::get(scrape)).with_state((db, clock));
    tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, router).await {
            tracing::error!(%error, "the metrics server stopped");
        }
    })
}
