//! IP addresses. IPv4: four decimal octets 0–255 without leading zeros, not part of a longer
//! dotted run (`1.2.3.4.5`) and not introduced by the word "version". IPv6: a run of hex
//! digits, colons (and a dotted IPv4 tail) around a `:` that the standard parser accepts.

use super::{Hit, is_digit, is_word, left_boundary_ok};
use crate::kind::Kind;
use std::net::Ipv6Addr;

/// Detector name of IPv4 findings.
pub const DETECTOR_V4: &str = "ipv4";
/// Detector name of IPv6 findings.
pub const DETECTOR_V6: &str = "ipv6";

/// Parses a dotted-quad IPv4 address starting at `p`; returns its end.
pub(crate) fn v4_at(hay: &[u8], p: usize) -> Option<usize> {
    let mut i = p;
    for k in 0..4 {
        let s = i;
        while i < hay.len() && is_digit(hay[i]) && i - s < 4 {
            i += 1;
        }
        let oct = &hay[s..i];
        if oct.is_empty() || oct.len() > 3 || (oct.len() > 1 && oct[0] == b'0') {
            return None;
        }
        let v = oct.iter().fold(0u32, |a, &b| a * 10 + u32::from(b - b'0'));
        if v > 255 {
            return None;
        }
        if k < 3 {
            if hay.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
        }
    }
    match hay.get(i) {
        Some(&c) if is_word(c) || c == b'@' => return None,
        Some(b'.') | Some(b'-') if hay.get(i + 1).is_some_and(|&c| is_digit(c)) => return None,
        _ => {}
    }
    if preceded_by_version_word(hay, p) {
        return None;
    }
    Some(i)
}

fn preceded_by_version_word(hay: &[u8], p: usize) -> bool {
    let mut i = p;
    while i > 0 && p - i < 3 && matches!(hay[i - 1], b' ' | b':' | b'=') {
        i -= 1;
    }
    let e = i;
    while i > 0 && e - i < 8 && hay[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    let w = &hay[i..e];
    ["version", "ver", "v", "release", "build", "firmware"]
        .iter()
        .any(|k| w.eq_ignore_ascii_case(k.as_bytes()))
}

#[inline]
fn is_v6(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':'
}

/// `:` trigger.
pub(crate) fn at_colon(hay: &[u8], p: usize, out: &mut Vec<Hit>) -> usize {
    let near = |i: usize| hay.get(i).is_some_and(|&b| is_v6(b));
    if !((p > 0 && near(p - 1)) || near(p + 1)) {
        return p + 1;
    }
    // An address starts with a colon only as `::` (`"key":value` in JSON is the common case).
    if !(p > 0 && near(p - 1)) && hay.get(p + 1) != Some(&b':') {
        return p + 1;
    }
    let mut s = p;
    while s > 0 && is_v6(hay[s - 1]) {
        s -= 1;
        if p - s > 40 {
            return p + 1;
        }
    }
    if s > 0 && (is_word(hay[s - 1]) || hay[s - 1] == b'.' || hay[s - 1] == b':') {
        return p + 1;
    }
    let mut e = p;
    while e < hay.len() && (is_v6(hay[e]) || hay[e] == b'.') {
        e += 1;
        if e - s > 45 {
            return p + 1;
        }
    }
    let mut cand = &hay[s..e];
    // A sentence may end right after the address.
    while cand.len() > 2 && matches!(cand[cand.len() - 1], b'.') {
        cand = &cand[..cand.len() - 1];
    }
    let end = s + cand.len();
    // Without `::` an address has seven colons, or six before a dotted IPv4 tail (clock
    // times and MAC addresses have fewer): only then is the parser asked.
    let colons = cand.iter().filter(|&&b| b == b':').count();
    if colons < 2 || (colons < 6 && !cand.windows(2).any(|w| w == b"::")) {
        return p + 1;
    }
    if hay.get(end).is_some_and(|&c| is_word(c)) {
        return p + 1;
    }
    let ok = std::str::from_utf8(cand)
        .ok()
        .and_then(|t| t.parse::<Ipv6Addr>().ok())
        .is_some();
    if !ok {
        return p + 1;
    }
    out.push(Hit {
        start: s,
        end,
        kind: Kind::IpAddress,
        confidence: 0.9,
        detector: DETECTOR_V6,
    });
    end
}

/// Whether the bytes at `p..` start a valid IPv4 address with a clean left boundary.
pub(crate) fn v4_hit(hay: &[u8], p: usize) -> Option<Hit> {
    if !left_boundary_ok(hay, p) {
        return None;
    }
    v4_at(hay, p).map(|end| Hit {
        start: p,
        end,
        kind: Kind::IpAddress,
        confidence: 0.9,
        detector: DETECTOR_V4,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    fn v6(s: &str) -> Option<&str> {
        let p = s.find(':')?;
        let mut out = Vec::new();
        at_colon(s.as_bytes(), p, &mut out);
        out.first().map(|h| &s[h.start..h.end])
    }
    #[test]
    fn v4() {
        assert_eq!(v4_at(b"192.168.1.10:80", 0), Some(12));
        assert_eq!(v4_at(b"1.2.3.4.5", 0), None);
        assert_eq!(v4_at(b"256.1.1.1", 0), None);
        assert_eq!(v4_at(b"01.2.3.4", 0), None);
        assert_eq!(v4_at(b"version 1.2.3.4", 8), None);
        assert_eq!(v4_at(b"1.2.3", 0), None);
    }
    #[test]
    fn ipv6() {
        assert_eq!(
            v6("src=2001:db8::8a2e:370:7334 ok"),
            Some("2001:db8::8a2e:370:7334")
        );
        assert_eq!(v6("fe80::1."), Some("fe80::1"));
        assert_eq!(v6("at 10:22:33 ok"), None);
        assert_eq!(v6("mac 00:1a:2b:3c:4d:5e"), None);
        assert_eq!(v6("std::vector"), None);
        assert_eq!(v6("::ffff:192.0.2.1"), Some("::ffff:192.0.2.1"));
    }
}
