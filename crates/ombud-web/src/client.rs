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
    let peer = peer.map(|p| p.ip())?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    Some(
        forwarded
            .iter()
            .rev()
            .find(|a| !trusted.contains(a))
            .copied()
            .unwrap_or(peer),
    )
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
        // No header: the proxy.
        assert_eq!(
            client_ip(peer("10.0.0.2"), &HeaderMap::new(), &[proxy]),
            Some(proxy)
        );
        assert_eq!(client_ip(None, &h, &[proxy]), None);
    }
}
