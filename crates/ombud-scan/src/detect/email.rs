//! E-mail addresses, found from the `@`: a local part of `[A-Za-z0-9._%+-]` and letters of
//! any script (1–64 bytes, no leading, trailing or doubled dot) and a domain of at least two
//! labels (letters of any script, digits, inner hyphens) whose last label is ASCII letters
//! and at least two long.

use super::{Hit, alphanumeric, escaped_before, glued_at, letter_end_at, letter_start_before};
use crate::kind::Kind;

/// Detector name reported with these findings.
pub const DETECTOR: &str = "email";

#[inline]
fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// Span of the address around the `@` at `p`, if it is one.
pub(crate) fn span_at(hay: &[u8], p: usize) -> Option<(usize, usize)> {
    span_around(hay, p, 1)
}

/// Span of the address around the `sep` bytes at `p` that stand for its `@` (`@`, or `%40`
/// in a URL-encoded address).
fn span_around(hay: &[u8], p: usize, sep: usize) -> Option<(usize, usize)> {
    // The local part: ASCII as RFC 5322 allows it unquoted, and letters of any script
    // (RFC 6531: `åsa.öberg@…`, also in Windows-1252).
    let mut s = p;
    loop {
        if s > 0 && is_local(hay[s - 1]) {
            s -= 1;
        } else if let Some(q) = letter_start_before(hay, s) {
            s = q;
        } else if s > 1
            && s < p
            && hay[s - 1] == b'\''
            && hay[s - 2].is_ascii_alphabetic()
            && hay[s].is_ascii_alphabetic()
        {
            // An apostrophe inside a name (`o'lundqvist@…`), not a quote around the address.
            s -= 1;
        } else if s > 0
            && hay[s - 1] == b'\\'
            && s + 5 <= p
            && escaped_before(hay, s + 5).is_some_and(|c| matches!(c, '+' | '.' | '-' | '_'))
        {
            // A character of the local part escaped in JSON (`lea\u002Bshop@…`, as .NET
            // writes `+`).
            s -= 1;
        } else {
            break;
        }
        if p - s > 64 {
            return None;
        }
    }
    // After a backslash, the letters of an escape (`\tanna@…`, `\u003canna@…`) are not part
    // of it; a letter written as an escape (`\u00e4`) glues.
    if s > 0 && hay[s - 1] == b'\\' {
        let e = (s + 1..=s + 5).find(|&e| e < p && escaped_before(hay, e).is_some());
        if let Some(e) = e {
            if escaped_before(hay, e).is_some_and(alphanumeric) {
                return None;
            }
            s = e;
        }
    }
    while s < p && matches!(hay[s], b'.' | b'-' | b'+') {
        s += 1;
    }
    let local = &hay[s..p];
    if local.is_empty() || local.ends_with(b".") || local.windows(2).any(|w| w == b"..") {
        return None;
    }
    if in_url_authority(hay, s) || message_id(hay, s) || number_in_uri(hay, s, p) {
        return None;
    }
    let mut e = p + sep;
    let mut labels = 0;
    let mut last_label;
    loop {
        // Labels of ASCII letters, digits and inner hyphens, or of any script
        // (internationalised domain names such as `företaget.se`).
        let ls = e;
        loop {
            if e < hay.len() && (hay[e].is_ascii_alphanumeric() || hay[e] == b'-') {
                e += 1;
            } else if let Some(next) = letter_end_at(hay, e) {
                e = next;
            } else {
                break;
            }
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
        if e + 1 < hay.len()
            && hay[e] == b'.'
            && (hay[e + 1].is_ascii_alphanumeric() || letter_end_at(hay, e + 1).is_some())
        {
            e += 1;
        } else {
            break;
        }
    }
    let tld = &hay[last_label.0..last_label.1];
    if labels < 2 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    // Image names such as `icon@2x.png` end in a file type, not in a top-level domain, and
    // systemd instances such as `postgresql@15-main.service` in a unit type.
    const FILE_TYPES: [&[u8]; 21] = [
        b"png",
        b"jpg",
        b"jpeg",
        b"gif",
        b"svg",
        b"webp",
        b"bmp",
        b"ico",
        b"tif",
        b"tiff",
        b"service",
        b"socket",
        b"timer",
        b"target",
        b"mount",
        b"automount",
        b"slice",
        b"scope",
        b"swap",
        b"path",
        b"device",
    ];
    if FILE_TYPES.iter().any(|t| tld.eq_ignore_ascii_case(t)) {
        return None;
    }
    if hay.get(e) == Some(&b'@') || glued_at(hay, e) {
        return None;
    }
    // `git@example.com:team/repo.git` is a remote of scp form, not an address
    // (`anna@example.se:Sommar2024` in a leaked credential list is one).
    if hay.get(e) == Some(&b':') && scp_path(&hay[e + 1..]) {
        return None;
    }
    Some((s, e))
}

/// Whether the local part starting at `s` opens a message identifier, which names a
/// message or an event, not a person: in a mail header (`Message-ID: <…@host>`,
/// `In-Reply-To:`, `References:`, `Content-ID:`; or, inside a sentence, after
/// `Message-ID:` or `In-Reply-To:`), in a mail server's log
/// (`message-id=<…>`, `msgid=<…>`), or as an iCalendar `UID:` line.
fn message_id(hay: &[u8], s: usize) -> bool {
    let ends_with = |i: usize, key: &str| {
        i >= key.len() && hay[i - key.len()..i].eq_ignore_ascii_case(key.as_bytes())
    };
    // An iCalendar `UID:` line.
    if ends_with(s, "UID:") && (s == 4 || hay[s - 5] == b'\n') {
        return true;
    }
    // A SIP message's `Call-ID:` header (`i:` in its compact form), written without brackets.
    let mut k = s;
    while k > 0 && matches!(hay[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    if ["call-id:", "i:"]
        .iter()
        .any(|h| ends_with(k, h) && (k == h.len() || hay[k - h.len() - 1] == b'\n'))
    {
        return true;
    }
    // The bracket that opens the identifier: right before the local part, or before bytes
    // that no local part holds (`<wvowx9QP=9J3QFq@host>`: the scan read `9J3QFq@host`).
    let local = s;
    let mut s = s;
    while s > 0
        && local - s < 128
        && !matches!(hay[s - 1], b'<' | b'>' | b'"' | b',')
        && !hay[s - 1].is_ascii_whitespace()
    {
        s -= 1;
    }
    if s == 0 || hay[s - 1] != b'<' {
        return false;
    }
    // Mail server logs: `message-id=<…>` (Postfix), `msgid=<…>` (sendmail).
    if ends_with(s - 1, "message-id=") || ends_with(s - 1, "msgid=") {
        return true;
    }
    // A header's name quoted in a sentence (`mejl kopplat, Message-ID: <…>`); not
    // `References:`, which a CV writes before its referees' addresses.
    let mut k = s - 1;
    while k > 0 && hay[k - 1] == b' ' {
        k -= 1;
    }
    if ["message-id:", "in-reply-to:"]
        .iter()
        .any(|h| ends_with(k, h))
    {
        return true;
    }
    // The start of the header: back over folded lines (those starting with a space or tab).
    let floor = s.saturating_sub(400);
    let mut line = s - 1;
    loop {
        line = memchr::memrchr(b'\n', &hay[floor..line]).map_or(floor, |i| floor + i + 1);
        if line > floor && matches!(hay.get(line), Some(b' ' | b'\t')) {
            line -= 1;
        } else {
            break;
        }
    }
    let head = &hay[line..s - 1];
    let Some(name) = ["message-id:", "in-reply-to:", "references:", "content-id:"]
        .iter()
        .find(|h| head.len() >= h.len() && head[..h.len()].eq_ignore_ascii_case(h.as_bytes()))
    else {
        return false;
    };
    // Between the name and this id: only white space and other ids in angle brackets.
    let mut inside = false;
    head[name.len()..].iter().all(|&b| match (inside, b) {
        (false, b'<') => {
            inside = true;
            true
        }
        (true, b'>') => {
            inside = false;
            true
        }
        (true, _) => true,
        (false, b) => b.is_ascii_whitespace(),
    }) && !inside
}

/// Whether the local part starting at `s` is the user information of a URL
/// (`ftp://user:password@host/`, `https://user@host/`): `//` before it in the same token.
fn in_url_authority(hay: &[u8], s: usize) -> bool {
    let mut i = s;
    while i > 0 && s - i < 128 {
        match hay[i - 1] {
            b'/' => return i >= 2 && hay[i - 2] == b'/',
            // Query and fragment characters: the address is a parameter's value.
            b if b.is_ascii_whitespace()
                || matches!(
                    b,
                    b'"' | b'\'' | b'<' | b'>' | b'(' | b',' | b'?' | b'#' | b'=' | b'&'
                ) =>
            {
                return false;
            }
            _ => i -= 1,
        }
    }
    false
}

/// Whether `rest` (after the colon that follows a host) is the path of an scp remote: it
/// contains a `/` or ends in `.git` before the next space.
fn scp_path(rest: &[u8]) -> bool {
    let end = rest
        .iter()
        .take(256)
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'>' | b','))
        .unwrap_or(rest.len().min(256));
    let path = &rest[..end];
    !path.is_empty() && (path.contains(&b'/') || path.ends_with(b".git"))
}

/// `@` trigger.
pub(crate) fn at(hay: &[u8], p: usize, out: &mut Vec<Hit>) -> usize {
    found(span_at(hay, p), p, out)
}

/// `%` trigger: an address URL-encoded in a query string or a log (`anna%40example.se`).
pub(crate) fn at_percent(hay: &[u8], p: usize, out: &mut Vec<Hit>) -> usize {
    match hay.get(p + 1..p + 3) {
        Some(b"40") => found(span_around(hay, p, 3), p, out),
        _ => p + 1,
    }
}

/// Whether the local part `hay[s..p]` is a number in a SIP or tel URI
/// (`sip:+46701234567@operator.se`, `sip:2050@pbx`): a phone number or an extension, not a
/// mailbox.
fn number_in_uri(hay: &[u8], s: usize, p: usize) -> bool {
    let plus = s > 0 && hay[s - 1] == b'+';
    hay[s..p].iter().all(u8::is_ascii_digit)
        && super::phone::after_telephony_prefix(hay, s - usize::from(plus))
}

fn found(span: Option<(usize, usize)>, p: usize, out: &mut Vec<Hit>) -> usize {
    match span {
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
    fn url_encoded() {
        let find = |s| super::super::first_found(s, '%', at_percent);
        assert_eq!(
            find("GET /reset?email=anna.svensson%40example.se&lang=sv HTTP/1.1"),
            Some("anna.svensson%40example.se")
        );
        assert_eq!(
            find("to=bo%2Bnews%40example.org"),
            None,
            "the first `%` is no `@`"
        );
        assert_eq!(find("rabatt 50%40st."), None, "no domain");
        assert_eq!(find("100%25 klart"), None);
        assert_eq!(find("x%40"), None);
    }

    #[test]
    fn apostrophes_and_escaped_characters_in_the_local_part() {
        assert_eq!(
            find("mail o'lundqvist@example.ie"),
            Some("o'lundqvist@example.ie")
        );
        assert_eq!(find("email='anna@example.se'"), Some("anna@example.se"));
        assert_eq!(
            find(r#"{"e":"lea.martin\u002Bshop@orange.fr"}"#),
            Some(r"lea.martin\u002Bshop@orange.fr")
        );
        assert_eq!(find(r#""\u003canna@example.se""#), Some("anna@example.se"));
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
        assert_eq!(
            find("Uppgiften »linnea@hr.gmail.com« stämmer"),
            Some("linnea@hr.gmail.com")
        );
        assert_eq!(
            find("Kontakt:\u{a0}per@gmail.com (kontrollerad)"),
            Some("per@gmail.com")
        );
        assert_eq!(
            find("mailto:anna@example.se?subject=x"),
            Some("anna@example.se")
        );
        assert_eq!(
            find("skriv till anna@example.se: tack"),
            Some("anna@example.se")
        );
        assert_eq!(find("<img src=\"hero@2x.png\">"), None);
        assert_eq!(
            find("systemd[1]: Started postgresql@15-main.service."),
            None
        );
        assert_eq!(find("getty@tty1.service"), None);
        assert_eq!(find("ftp://anna:pw@ftp.example.se/"), None);
        assert_eq!(find("https://anna@example.se/x"), None);
        assert_eq!(find("git@github.com:team/repo.git"), None);
        // Letters of any script, in UTF-8 and in Windows-1252 (RFC 6531, IDN domains).
        assert_eq!(find("åsa@example.se"), Some("åsa@example.se"));
        assert_eq!(
            find("till anna.öberg@företaget.se, tack"),
            Some("anna.öberg@företaget.se")
        );
        assert_eq!(find("»björn@exempel.nu«"), Some("björn@exempel.nu"));
        assert_eq!(
            span_at(b"mejl: s\xf6ren@f\xf6retaget.se;", 11),
            Some((6, 24))
        );
        assert_eq!(find("x@företaget.sé"), None, "the last label is ASCII");
        assert_eq!(find("Message-ID: <6b99.3437@mail.example.se>"), None);
        assert_eq!(find("In-Reply-To: <a1@mail.example.se>"), None);
        // An identifier with bytes no address holds before the `@` is still one.
        assert_eq!(find("Message-ID: <wvowx9QPOBVm=9J3QFq@fjallgran.se>"), None);
        assert_eq!(
            find("\"body\": \"Mejl kopplat, Message-ID: <CA+ab770d91f@mail.gmail.com>\""),
            None
        );
        assert_eq!(
            find("Reply threaded via In-Reply-To: <cb90e22e-f87e@eu-north-1.amazonses.com>"),
            None
        );
        assert_eq!(
            find("Reply-To: <wvowx9QPOBVm=9J3QFq@fjallgran.se>"),
            Some("9J3QFq@fjallgran.se")
        );
        assert_eq!(
            find("From: Anna <anna@example.se>"),
            Some("anna@example.se")
        );
        assert_eq!(
            find("References: Anna Svensson <anna@example.se>"),
            Some("anna@example.se")
        );
        assert_eq!(
            find("anna.svensson@gmail.com:Sommar2024"),
            Some("anna.svensson@gmail.com")
        );
        assert_eq!(
            find("https://example.com?email=anna@example.se"),
            Some("anna@example.se")
        );
        assert_eq!(find("git@example.se:repo.git"), None);
        let folded = "References: <a1@mail.example.se>\n <b2@mail.example.se>";
        assert_eq!(span_at(folded.as_bytes(), folded.rfind('@').unwrap()), None);
    }
}
