//! The HTTP/1.1 server under the router, built so that slow or numerous clients cannot hold
//! it: at most `NATO_API_MAX_CONNECTIONS` connections at once (more wait in the listen queue)
//! and `NATO_API_MAX_CONNECTIONS_PER_IP` from one address (trusted proxies excepted); the
//! request's head must arrive whole within `NATO_API_HEADER_TIMEOUT` and within 16 KiB; and
//! one request per connection, so a connection lasts no longer than its request.
//!
//! The head is read here rather than by hyper, so that a request too slow, too large or
//! malformed is still answered in the API's JSON (hyper's own answers to these have no body).
//! What was read is then handed to hyper, followed by the rest of the connection.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::StatusCode;
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::client_ip::{canonical, TrustedProxies};
use crate::config::{ConnectionLimits, Timeouts};
use crate::error::ApiError;

/// The request line and headers may take this many bytes.
pub const HEAD_LIMIT: usize = 16 * 1024;
const MAX_HEADERS: usize = 100;
/// Room kept for the database, logs and the like when the open-files limit caps connections.
const FILES_KEPT: usize = 32;

pub struct Server {
    pub router: Router,
    pub limits: ConnectionLimits,
    pub timeouts: Timeouts,
    pub trusted_proxies: TrustedProxies,
}

impl Server {
    /// Serves until `shutdown` resolves, then waits for the requests under way.
    pub async fn run(self, listener: TcpListener, shutdown: impl Future<Output = ()>) -> io::Result<()> {
        let total = capped_by_open_files(self.limits.total);
        let slots = Arc::new(Semaphore::new(total));
        let per_ip = Arc::new(PerIp::default());
        let server = Arc::new(self);
        let mut connections = JoinSet::new();
        tokio::pin!(shutdown);
        loop {
            let slot = tokio::select! {
                slot = slots.clone().acquire_owned() => slot.map_err(io::Error::other)?,
                () = &mut shutdown => break,
            };
            let (stream, peer) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of files, or a connection reset before it was taken: wait a moment.
                        tracing::warn!(%error, "accepting a connection failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            while connections.try_join_next().is_some() {}
            let ip = canonical(peer.ip());
            let exempt = server.trusted_proxies.contains(ip);
            let Some(held) = per_ip.take(ip, server.limits.per_ip, exempt) else {
                crate::metrics::metrics().refused("connections-per-client");
                connections.spawn(refuse(stream, ApiError::Busy(1)));
                continue;
            };
            let server = server.clone();
            connections.spawn(async move {
                server.connection(stream, peer).await;
                drop((slot, held));
            });
        }
        let stopping = async { while connections.join_next().await.is_some() {} };
        let _ = tokio::time::timeout(server.timeouts.request + server.timeouts.header, stopping).await;
        Ok(())
    }

    async fn connection(&self, mut stream: TcpStream, peer: SocketAddr) {
        let head = match tokio::time::timeout(self.timeouts.header, read_head(&mut stream)).await {
            Err(_) => return answer(stream, ApiError::Status(StatusCode::REQUEST_TIMEOUT)).await,
            Ok(Err(Some(refusal))) => return answer(stream, refusal).await,
            Ok(Err(None)) => return,
            Ok(Ok(head)) => head,
        };
        let router = self.router.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(request)
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .keep_alive(false)
            .serve_connection(TokioIo::new(Replayed { head, read: 0, stream }), service);
        // The router answers within the request timeout; this only ends a client that will not
        // take its answer.
        let _ = tokio::time::timeout(self.timeouts.request + self.timeouts.header, connection).await;
    }
}

/// Reads until the end of the head: the bytes read (the head and whatever followed), or the
/// refusal to answer with, or `None` when the client went away.
async fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Option<ApiError>> {
    let mut buffer = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let read = stream.read(&mut chunk).await.map_err(|_| None)?;
        if read == 0 {
            return Err(None);
        }
        buffer.extend_from_slice(&chunk[..read]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        match httparse::Request::new(&mut headers).parse(&buffer) {
            Ok(httparse::Status::Complete(length)) if length <= HEAD_LIMIT => return Ok(buffer),
            Ok(httparse::Status::Partial) if buffer.len() <= HEAD_LIMIT => {}
            Ok(_) | Err(httparse::Error::TooManyHeaders) => {
                return Err(Some(ApiError::Status(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE)))
            }
            Err(_) => return Err(Some(ApiError::Status(StatusCode::BAD_REQUEST))),
        }
    }
}

async fn answer(mut stream: TcpStream, refusal: ApiError) {
    let _ = stream.write_all(&refusal.to_http1()).await;
    let _ = stream.shutdown().await;
}

/// Answers a connection over the per-address limit, giving the client a second at most to
/// take the answer (closing with its request unread would reset the connection, and the
/// answer with it).
async fn refuse(mut stream: TcpStream, refusal: ApiError) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(&refusal.to_http1()).await?;
        stream.shutdown().await?;
        let mut rest = [0u8; 4096];
        while stream.read(&mut rest).await? > 0 {}
        io::Result::Ok(())
    })
    .await;
}

/// The connection as hyper reads it: the head already read, then the stream.
struct Replayed {
    head: Vec<u8>,
    read: usize,
    stream: TcpStream,
}

impl AsyncRead for Replayed {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        if self.read < self.head.len() {
            let n = buf.remaining().min(self.head.len() - self.read);
            let start = self.read;
            buf.put_slice(&self.head[start..start + n]);
            self.read += n;
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Replayed {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// Open connections per client address; an entry lives only while its connections do.
#[derive(Default)]
struct PerIp(Mutex<HashMap<IpAddr, usize>>);

/// One connection's place in [`PerIp`], given back when dropped.
struct Held(Option<(Arc<PerIp>, IpAddr)>);

impl PerIp {
    fn take(self: &Arc<Self>, ip: IpAddr, max: usize, exempt: bool) -> Option<Held> {
        if exempt {
            return Some(Held(None));
        }
        let mut open = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = open.entry(ip).or_default();
        if *count >= max {
            return None;
        }
        *count += 1;
        Some(Held(Some((self.clone(), ip))))
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Some((per_ip, ip)) = self.0.take() {
            let mut open = per_ip.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(count) = open.get_mut(&ip) {
                *count -= 1;
                if *count == 0 {
                    open.remove(&ip);
                }
            }
        }
    }
}

/// `wanted`, or fewer when the process may not open that many files.
fn capped_by_open_files(wanted: usize) -> usize {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return wanted;
    }
    let allowed = usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX).saturating_sub(FILES_KEPT).max(1);
    if allowed < wanted {
        tracing::warn!(wanted, allowed, "the open-files limit allows fewer connections than NATO_API_MAX_CONNECTIONS");
    }
    wanted.min(allowed)
}
