//! E-mail addresses, found from the `@`: a local part of `[A-Za-z0-9._%+-]` (1–64 bytes, no
//! leading, trailing or doubled dot) and a domain of at least two labels (letters, digits,
//! inner hyphens) whose last label is alphabetic and at least two letters long.

use super::{Hit, is_word};
use crate::kind::Kind;

/// Detector name reported with these findings.
pub const DETECTOR: &str = "email";

#[inline]
fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// Span of the address around the `@` at `p`, if it is one.
pub(crate) fn span_at(hay: &[u8], p: usize) -> Option<(usize, usize)> {
    let mut s = p;
    while s > 0 && is_local(hay[s - 1]) {
        s -= 1;
        if p - s > 64 {
            return None;
        }
    }
    // The local part may not be glued to a non-ASCII letter either.
    if s > 0 && hay[s - 1] >= 0x80 {
        return None;
    }
    while s < p && matches!(hay[s], b'.' | b'-' | b'+') {
        s += 1;
    }
    let local = &hay[s..p];
    if local.is_empty() || local.ends_with(b".") || local.windows(2).any(|w| w == b"..") {
        return None;
    }
    let mut e = p + 1;
    let mut labels = 0;
    let mut last_label;
    loop {
        let ls = e;
        while e < hay.len() && (hay[e].is_ascii_alphanumeric() || hay[e] == b'-') {
            e += 1;
            if e - p > 254 {
                return None;
            }
        }
        let label = &hay[ls..e];
        if label.is_empty()
            || label[0] == b'-'
            || label[label.len() - 1] == b'-'
            || label.len() > 63
        {
            return None;
        }
        labels += 1;
        last_label = (ls, e);
        if e + 1 < hay.len() && hay[e] == b'.' && hay[e + 1].is_ascii_alphanumeric() {
            e += 1;
        } else {
            break;
        }
    }
    let tld = &hay[last_label.0..last_label.1];
    if labels < 2 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if hay.get(e).is_some_and(|&c| is_word(c) || c == b'@') {
        return None;
    }
    Some((s, e))
}

/// `@` trigger.
pub(crate) fn at(hay: &[u8], p: usize, out: &mut Vec<Hit>) -> usize {
    match span_at(hay, p) {
        Some((s, e)) => {
            out.push(Hit {
                start: s,
                end: e,
                kind: Kind::Email,
                confidence: 0.97,
                detector: DETECTOR,
            });
            e
        }
        None => p + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn find(s: &str) -> Option<&str> {
        let p = s.find('@')?;
        span_at(s.as_bytes(), p).map(|(a, b)| &s[a..b])
    }
    #[test]
    fn forms() {
        assert_eq!(
            find("mail anna.svensson@example.se."),
            Some("anna.svensson@example.se")
        );
        assert_eq!(
            find("<a_b+tag@sub.example.co.uk>"),
            Some("a_b+tag@sub.example.co.uk")
        );
        assert_eq!(find("user@localhost"), None);
        assert_eq!(find("a..b@example.se"), None);
        assert_eq!(find("@example.se"), None);
        assert_eq!(find("x@example.123"), None);
        assert_eq!(find("x@-bad.se"), None);
    }
}
