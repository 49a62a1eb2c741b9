//! Who is asking: the address limits are counted against. The TCP peer, unless the peer is a
//! reverse proxy the deployer named in `NATO_API_TRUSTED_PROXIES`; then the right-most address
//! in `X-Forwarded-For` that is not itself a trusted proxy. A client's own `X-Forwarded-For`
//! is never believed: without a trusted proxy in front, the header is ignored, and behind one,
//! the proxy appends the address it saw, which is the one taken.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::str::FromStr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::error::ApiError;
use crate::state::AppState;

/// An address or a CIDR range, like `10.0.0.0/8` or `::1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    network: IpAddr,
    prefix: u8,
}

impl Range {
    fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, canonical(ip)) {
            (IpAddr::V4(network), IpAddr::V4(ip)) => {
                prefix_eq(network.to_bits().into(), ip.to_bits().into(), self.prefix, 32)
            }
            (IpAddr::V6(network), IpAddr::V6(ip)) => prefix_eq(network.to_bits(), ip.to_bits(), self.prefix, 128),
            _ => false,
        }
    }
}

fn prefix_eq(a: u128, b: u128, prefix: u8, bits: u8) -> bool {
    let shift = u32::from(bits - prefix);
    prefix == 0 || (a >> shift) == (b >> shift)
}

impl FromStr for Range {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (address, prefix) = text.split_once('/').map_or((text, None), |(a, p)| (a, Some(p)));
        let network =
            canonical(address.trim().parse().map_err(|_| format!("{text:?} is not an IP address or CIDR range"))?);
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => bits,
            Some(p) => p
                .trim()
                .parse()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(|| format!("{text:?} has a prefix length that is not 0 to {bits}"))?,
        };
        Ok(Self { network, prefix })
    }
}

/// The proxies whose `X-Forwarded-For` is believed; none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Range>);

impl FromStr for TrustedProxies {
    type Err = String;

    /// A comma-separated list of addresses and CIDR ranges; empty means none.
    fn from_str(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map(Self)
    }
}

impl TrustedProxies {
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|range| range.contains(ip))
    }

    /// The client behind `peer`: `peer` itself unless it is a trusted proxy; then, walking
    /// `X-Forwarded-For` from the right, the first address that is not a trusted proxy (or
    /// the last trusted one, when an entry cannot be read or the list ends).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = canonical(peer);
        if !self.contains(client) {
            return client;
        }
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|value| value.to_str().unwrap_or_default().split(','))
            .collect();
        for hop in hops.into_iter().rev() {
            let Some(ip) = parse_hop(hop) else { return client };
            client = ip;
            if !self.contains(ip) {
                break;
            }
        }
        client
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`[::1]:80`, `10.0.0.1:80`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse().ok().or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip())).map(canonical)
}

/// IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`) as the IPv4 address they are.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The client's address, as limits count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// What a limit counts: an IPv4 address, or an IPv6 address's /64 network — one host
    /// usually has a whole /64, so counting single IPv6 addresses would let it start afresh
    /// 2^64 times.
    pub fn limit_key(self) -> IpAddr {
        match self.0 {
            IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from_bits(v6.to_bits() & !u128::from(u64::MAX))),
            v4 => v4,
        }
    }
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| ApiError::Internal("no peer address on the request".into()))?;
        Ok(ClientIp(state.0.config.trusted_proxies.client(peer.ip(), &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", value.parse().unwrap());
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn parses_addresses_and_ranges_and_refuses_the_rest() {
        let proxies: TrustedProxies = " 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,".parse().unwrap();
        assert!(proxies.contains(ip("127.0.0.1")) && !proxies.contains(ip("127.0.0.2")));
        assert!(proxies.contains(ip("10.200.3.4")) && !proxies.contains(ip("11.0.0.1")));
        assert!(proxies.contains(ip("::1")) && proxies.contains(ip("fd12::5")) && !proxies.contains(ip("fe80::1")));
        assert!(proxies.contains(ip("::ffff:10.1.2.3")), "an IPv4-mapped peer is its IPv4 address");
        assert_eq!("".parse::<TrustedProxies>().unwrap(), TrustedProxies::default());
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
        assert!("proxy.example.org".parse::<TrustedProxies>().is_err());
        assert!("0.0.0.0/0".parse::<TrustedProxies>().unwrap().contains(ip("203.0.113.9")));
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("203.0.113.9"), &headers(&["198.51.100.1"])), ip("203.0.113.9"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client() {
        let proxies: TrustedProxies = "127.0.0.1, 10.0.0.0/8".parse().unwrap();
        let local = ip("127.0.0.1");
        // The client sent its own header; the proxy appended the address it saw.
        assert_eq!(proxies.client(local, &headers(&["1.1.1.1, 198.51.100.7"])), ip("198.51.100.7"));
        assert_eq!(proxies.client(local, &headers(&["1.1.1.1", "198.51.100.7"])), ip("198.51.100.7"));
        // A chain of trusted proxies is walked through.
        assert_eq!(proxies.client(local, &headers(&["198.51.100.7, 10.0.0.2, 10.0.0.3"])), ip("198.51.100.7"));
        // No header: the proxy itself.
        assert_eq!(proxies.client(local, &HeaderMap::new()), local);
        // Unreadable entry: the last trusted hop, never the garbage.
        assert_eq!(proxies.client(local, &headers(&["unknown, 10.0.0.2"])), ip("10.0.0.2"));
        // Ports and IPv6 brackets.
        assert_eq!(proxies.client(local, &headers(&["[2001:db8::1]:4711"])), ip("2001:db8::1"));
        // An untrusted peer's header is not believed.
        assert_eq!(proxies.client(ip("198.51.100.7"), &headers(&["10.0.0.9"])), ip("198.51.100.7"));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64_network() {
        assert_eq!(ClientIp(ip("2001:db8:1:2:aaaa::1")).limit_key(), ip("2001:db8:1:2::"));
        assert_eq!(ClientIp(ip("192.0.2.1")).limit_key(), ip("192.0.2.1"));
    }
}
