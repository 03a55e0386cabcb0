//! The address of the client behind a request, for the limits on sign-in
//! attempts and public requests. Behind a reverse proxy every request comes
//! from the proxy; when the proxy is named as trusted (`ombud serve
//! --trusted-proxy`), the client is read from `X-Forwarded-For`: the
//! right-most address there that is not a trusted proxy itself (addresses to
//! its left could have been written by the client).

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The client's address: the peer, or, when the peer is a trusted proxy, the
/// nearest untrusted address of `X-Forwarded-For`.
pub fn client_ip(
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let peer = peer.map(|p| p.ip().to_canonical())?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    // From the right: past trusted proxies to the first other hop. An entry
    // that cannot be read stops the walk at the last trusted hop, so that
    // nothing the client wrote further left is believed.
    let mut client = peer;
    for entry in entries.iter().rev() {
        match parse_hop(entry) {
            Some(ip) if trusted.contains(&ip) => client = ip,
            Some(ip) => return Some(ip),
            None => return Some(client),
        }
    }
    Some(client)
}

/// The name a limit counts a client under: an IPv4 address, or the /64
/// network of an IPv6 address (one household or host usually holds a whole
/// /64, and can pick any address in it); `unknown` without an address.
pub fn limit_key(ip: Option<IpAddr>) -> String {
    match ip.map(|ip| ip.to_canonical()) {
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(ip) => ip.to_string(),
        None => "unknown".into(),
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port
/// (`203.0.113.5:4431`, `[2001:db8::1]:443`).
fn parse_hop(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    entry
        .parse::<SocketAddr>()
        .ok()
        .map(|s| s.ip().to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let a = limit_key(Some("2001:db8:1:2:aaaa::1".parse().unwrap()));
        let b = limit_key(Some("2001:db8:1:2:bbbb::9".parse().unwrap()));
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(a, b);
        assert_ne!(a, limit_key(Some("2001:db8:1:3::1".parse().unwrap())));
        assert_eq!(
            limit_key(Some("::ffff:198.51.100.7".parse().unwrap())),
            "198.51.100.7"
        );
        assert_eq!(limit_key(None), "unknown");
    }

    #[test]
    fn only_a_trusted_proxy_is_believed() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let peer = |ip: &str| Some(SocketAddr::new(ip.parse().unwrap(), 443));
        let h = headers(&["203.0.113.9, 198.51.100.7"]);
        // Not trusted: the peer itself, whatever the header says.
        assert_eq!(client_ip(peer("10.0.0.2"), &h, &[]), Some(proxy));
        // Trusted: the right-most address the proxy saw.
        assert_eq!(
            client_ip(peer("10.0.0.2"), &h, &[proxy]),
            Some("198.51.100.7".parse().unwrap())
        );
        // A chain of trusted proxies is skipped.
        let inner: IpAddr = "10.0.0.3".parse().unwrap();
        let h = headers(&["198.51.100.7", "10.0.0.3"]);
        assert_eq!(
            client_ip(peer("10.0.0.2"), &h, &[proxy, inner]),
            Some("198.51.100.7".parse().unwrap())
        );
        // A port is read; an unreadable entry stops the walk at the proxy.
        let h = headers(&["198.51.100.7:4431"]);
        assert_eq!(
            client_ip(peer("10.0.0.2"), &h, &[proxy]),
            Some("198.51.100.7".parse().unwrap())
        );
        let h = headers(&["203.0.113.66, unknown"]);
        assert_eq!(client_ip(peer("10.0.0.2"), &h, &[proxy]), Some(proxy));
        // A proxy seen through an IPv4-mapped IPv6 peer address is recognised.
        assert_eq!(
            client_ip(
                peer("::ffff:10.0.0.2"),
                &headers(&["198.51.100.7"]),
                &[proxy]
            ),
            Some("198.51.100.7".parse().unwrap())
        );
        // No header: the proxy.
        assert_eq!(
            client_ip(peer("10.0.0.2"), &HeaderMap::new(), &[proxy]),
            Some(proxy)
        );
        assert_eq!(client_ip(None, &h, &[proxy]), None);
    }
}
