//! IP addresses. IPv4: four decimal octets 0–255 without leading zeros, not part of a longer
//! dotted run (`1.2.3.4.5`) and not introduced by the word "version". IPv6: a run of hex
//! digits, colons (and a dotted IPv4 tail) around a `:` that the standard parser accepts.

use super::{
    Hit, alphanumeric, escaped_before, glued_at, glued_before, is_digit, left_boundary_ok,
};
use crate::kind::Kind;
use std::net::Ipv6Addr;

/// Detector name of IPv4 findings.
pub const DETECTOR_V4: &str = "ipv4";
/// Detector name of IPv6 findings.
pub const DETECTOR_V6: &str = "ipv6";

/// Parses a dotted-quad IPv4 address starting at `p`; returns its end.
pub(crate) fn v4_at(hay: &[u8], p: usize) -> Option<usize> {
    let i = quad(hay, p)?;
    match hay.get(i) {
        Some(b'@') => return None,
        _ if glued_at(hay, i) => return None,
        Some(b'.') if hay.get(i + 1).is_some_and(|&c| is_digit(c)) => return None,
        // A range `10.0.0.1-10.0.0.9` names two addresses; other digits after `-` make a
        // longer number.
        Some(b'-')
            if hay.get(i + 1).is_some_and(|&c| is_digit(c)) && quad(hay, i + 1).is_none() =>
        {
            return None;
        }
        _ => {}
    }
    if version_before(hay, p)
        || not_a_host(&hay[p..i])
        || in_file_name(hay, p, i)
        || numbers_heading(hay, p, i)
    {
        return None;
    }
    Some(i)
}

/// Whether a dotted quad names no host a person could use: `0.x.x.x` (the unspecified
/// address, wildcard masks such as `0.0.0.255`), the loopback network `127.0.0.0/8`,
/// `255.x.x.x` (netmasks, the broadcast address), and a network's own address, whose last
/// number is `0` (`10.0.0.0/8`; and as often a version, `Chrome/120.0.0.0`).
fn not_a_host(quad: &[u8]) -> bool {
    quad.starts_with(b"0.")
        || quad.starts_with(b"127.")
        || quad.starts_with(b"255.")
        || quad.ends_with(b".0")
}

/// Whether the dotted quad at `p..e` is the version in a file name (`build-10.5.75.65.zip`,
/// `app_1.2.3.4.tar.gz`, `app.7.17.7.22.js`): glued by `-`, `_` or `.` to a word before it
/// and followed by an extension.
fn in_file_name(hay: &[u8], p: usize, e: usize) -> bool {
    p >= 2
        && matches!(hay[p - 1], b'-' | b'_' | b'.')
        && hay[p - 2].is_ascii_alphabetic()
        && hay.get(e) == Some(&b'.')
        && hay.get(e + 1).is_some_and(u8::is_ascii_alphabetic)
}

/// Whether the dotted quad at `p..e` numbers a heading or a paragraph of a document
/// (`4.2.1.3 Behandling av personuppgifter`, `## 3.1.2.1. Syfte`): it starts a line (after
/// spaces, tabs or Markdown `#` marks), its first number is 1–30 but not 10, and after an
/// optional dot and one space or tab comes a capital and a small letter or a space (`I
/// brottmål`). An address that starts a line is followed by a host name, a dash, a method
/// or a field (`192.168.1.5 db01`, `192.0.2.1 - -`, `10.0.0.5 GET`, `8.8.8.8,`); the
/// private network 10.0.0.0/8 is left out, as inventories list its hosts with their names.
fn numbers_heading(hay: &[u8], p: usize, e: usize) -> bool {
    let mut i = p;
    while i > 0 && matches!(hay[i - 1], b' ' | b'\t' | b'#') {
        i -= 1;
    }
    if i > 0 && !matches!(hay[i - 1], b'\n' | b'\r') {
        return false;
    }
    let first = hay[p..e]
        .iter()
        .take_while(|&&b| b != b'.')
        .fold(0u32, |a, &b| a * 10 + u32::from(b - b'0'));
    if !(1..=30).contains(&first) || first == 10 {
        return false;
    }
    let mut j = e + usize::from(hay.get(e) == Some(&b'.'));
    if !matches!(hay.get(j), Some(b' ' | b'\t')) {
        return false;
    }
    j += 1;
    // A capital: ASCII, UTF-8 `À`–`Þ` (`Å`, `Ä`, `Ö`), or the same in Windows-1252.
    j += match hay.get(j..).unwrap_or_default() {
        [b'A'..=b'Z', ..] | [0xC0..=0xDE, 0x61..=0x7A | b' ', ..] => 1,
        [0xC3, 0x80..=0x9E, ..] => 2,
        _ => return false,
    };
    matches!(
        hay.get(j..).unwrap_or_default(),
        [b'a'..=b'z', ..] | [0xC3, 0x9F..=0xBF, ..] | [b' ', b'a'..=b'z', ..]
    )
}

/// The end of four decimal octets (0–255, no leading zeros) joined by dots at `p`.
fn quad(hay: &[u8], p: usize) -> Option<usize> {
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
    Some(i)
}

/// Whether the dotted quad at `p` is a version, an object identifier or a section number by
/// what comes before it: a word such as `version`, `AssemblyVersion`, `klientversion`,
/// `__version__`, `Versionsnummer`, `ver`, `build`, `fw`, `OS`, `OID` (`subjectOID`),
/// `avsnitt`, `bilaga`,
/// `section`, `kap.` (up to six bytes of ` :=("'>;.` or tabs between), a paragraph sign (`§ 4.2.1.3`),
/// a version pin (`>=`, `~=`, `==`, `!=`) or a product token (`Chrome/124.0.0.0`).
fn version_before(hay: &[u8], p: usize) -> bool {
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    if p >= 2 && hay[p - 1] == b'/' && word_byte(hay[p - 2]) {
        let mut i = p - 1;
        while i > 0 && p - i < 32 && (word_byte(hay[i - 1]) || hay[i - 1] == b'-') {
            i -= 1;
        }
        // Digits before the name belong to an escape (`%20Chrome/115.0.0.0` in a log of
        // URL-encoded user agents).
        while is_digit(hay[i]) {
            i += 1;
        }
        // A branch or tag named by its version (`release/1.0.1.5`) too.
        return hay[i].is_ascii_uppercase() || version_word(&hay[i..p - 1]);
    }
    // A paragraph sign (`§ 4.2.1.3`) or a version pin (`pkg>=1.2.3.4`, `~=`, `==`, `!=`).
    let before = &hay[p.saturating_sub(3)..p];
    let before = before.strip_suffix(b" ").unwrap_or(before);
    if before.ends_with("§".as_bytes())
        || [&b">="[..], b"<=", b"~=", b"==", b"!="]
            .iter()
            .any(|k| before.ends_with(k))
    {
        return true;
    }
    let mut i = p;
    while i > 0
        && p - i < 6
        && matches!(
            hay[i - 1],
            b' ' | b':' | b'=' | b'(' | b'"' | b'\'' | b'>' | b';' | b'\t' | b'.'
        )
    {
        i -= 1;
    }
    let e = i;
    while i > 0 && e - i < 32 && (hay[i - 1].is_ascii_alphabetic() || hay[i - 1] == b'_') {
        i -= 1;
    }
    let word = &hay[i..e];
    // `fw` is a firmware's version (`"fw": "9.2.19.224"`), but `fw=` in a firewall's log
    // names the firewall's address.
    let firewall = word.eq_ignore_ascii_case(b"fw") && hay[e..p].contains(&b'=');
    // `?v=4.2.1.0` and `&v=…` (cache busting in URLs), not a key `v` elsewhere.
    let query_v = word.eq_ignore_ascii_case(b"v")
        && hay[e..p].starts_with(b"=")
        && i > 0
        && matches!(hay[i - 1], b'?' | b'&');
    !firewall
        && (query_v
            || version_word(word)
            || setting_named_version(hay, i, word)
            || named_in_version_list(hay, i, word)
            || version_words_before(hay, i, e))
}

/// Whether the word `hay[i..e]` before a quad is `modul`/`module` (`demo av modul
/// 1.13.7.102`), or `to`, `till` or `is` after a word for a version on its line (`Bump
/// version to 10.15.4.145`).
fn version_words_before(hay: &[u8], i: usize, e: usize) -> bool {
    let is = |w: &[u8], list: &[&str]| list.iter().any(|k| w.eq_ignore_ascii_case(k.as_bytes()));
    let word = &hay[i..e];
    if is(word, &["modul", "module"]) {
        return true;
    }
    if !is(word, &["to", "till", "is"]) {
        return false;
    }
    // The word before, across spaces only.
    let z = i - hay[..i].iter().rev().take_while(|&&b| b == b' ').count();
    let a = z - hay[..z]
        .iter()
        .rev()
        .take(32)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    z - a >= 7 && hay[a..a + 7].eq_ignore_ascii_case(b"version")
}

/// Whether the `name` key whose word starts at `i` names an entry of a list of versions
/// (Jira's `"fixVersions": [{"name": "5.7.5.107"}]`): a key ending in `versions` within the
/// 80 bytes before.
fn named_in_version_list(hay: &[u8], i: usize, word: &[u8]) -> bool {
    word.eq_ignore_ascii_case(b"name") && {
        let before = hay[i.saturating_sub(80)..i].to_ascii_lowercase();
        super::contains(&before, b"versions\"")
    }
}

/// Whether a key word names a version (see [`version_before`]); `_` around it is ignored.
fn version_word(word: &[u8]) -> bool {
    let first = word.iter().position(|&b| b != b'_').unwrap_or(word.len());
    let last = word
        .iter()
        .rposition(|&b| b != b'_')
        .map_or(first, |k| k + 1);
    let w = word[first..last].to_ascii_lowercase();
    [
        "ver", "oid", "avsnitt", "kapitel", "kap", "section", "chapter", "punkt", "bilaga", "fw",
        "os", "bios",
    ]
    .iter()
    .any(|k| w == k.as_bytes())
        || w.starts_with(b"version")
        // `subjectOID: 2.5.4.3`, `policyOID`
        || word[first..last].ends_with(b"OID")
        || ["version", "release", "build", "firmware"]
            .iter()
            .any(|k| w.ends_with(k.as_bytes()))
}

/// Whether the `value` attribute whose name starts at `i` belongs to a setting whose key
/// names a version: `<add key="Version" value="7.4.12.195" />` (.NET `appSettings`).
fn setting_named_version(hay: &[u8], i: usize, word: &[u8]) -> bool {
    if !word.eq_ignore_ascii_case(b"value") {
        return false;
    }
    let before = &hay[i.saturating_sub(64)..i];
    let Some(k) = memchr::memmem::rfind(before, b"key=\"") else {
        return false;
    };
    let name = &before[k + 5..];
    name.iter()
        .position(|&b| b == b'"')
        .is_some_and(|q| version_word(&name[..q]))
}

#[inline]
fn is_v6(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':'
}

/// Whether `t` has the colons of an IPv6 address: `::` and one more, or six.
fn v6_shape(t: &[u8]) -> bool {
    let colons = t.iter().filter(|&&b| b == b':').count();
    colons >= 6 || (colons >= 2 && t.windows(2).any(|w| w == b"::"))
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
    let mut e = p;
    while e < hay.len() && (is_v6(hay[e]) || hay[e] == b'.') {
        e += 1;
        if e - s > 46 {
            return p + 1;
        }
    }
    // Without `::` an address has seven colons, or six before a dotted IPv4 tail (clock
    // times and MAC addresses have fewer): only then is it worth a closer look.
    if !v6_shape(&hay[s..e]) {
        return p + 1;
    }
    // The letter or hex digits of an escape (`\f::1`, `\u003c2001:db8::1`) are not part of
    // the address.
    if s >= 1 && hay[s - 1] == b'\\' && s < p && escaped_before(hay, s + 1).is_some() {
        s += 1;
    }
    if s >= 2 && &hay[s - 2..s] == b"\\u" && s + 4 <= p {
        match escaped_before(hay, s + 4) {
            Some(c) if !alphanumeric(c) => s += 4,
            _ => return p + 1,
        }
    }
    if s > 0 && glued_before(hay, s) {
        // `key:addr`: the address starts after the colon that ends a key.
        match hay[s..=p].iter().position(|&b| b == b':') {
            Some(k)
                if hay[s..s + k].iter().all(u8::is_ascii_alphanumeric)
                    && (hay.get(s + k + 1) != Some(&b':') || hay.get(s + k + 2) == Some(&b':')) =>
            {
                s += k + 1;
            }
            _ => return p + 1,
        }
    } else if s > 0 && (hay[s - 1] == b'.' || hay[s - 1] == b':') {
        return p + 1;
    }
    if e - s > 45 {
        return p + 1;
    }
    let mut cand = &hay[s..e];
    // A sentence may end right after the address, or a colon follow it (`…::8ad9: not
    // found`); `::` at the end belongs to the address.
    while cand.len() > 2 && matches!(cand[cand.len() - 1], b'.') {
        cand = &cand[..cand.len() - 1];
    }
    if cand.ends_with(b":") && !cand.ends_with(b"::") {
        cand = &cand[..cand.len() - 1];
    }
    let end = s + cand.len();
    // The trigger colon must be part of the address (not the one that follows it).
    if end <= p {
        return p + 1;
    }
    if !v6_shape(cand) {
        return p + 1;
    }
    if glued_at(hay, end) {
        return p + 1;
    }
    let ok = std::str::from_utf8(cand)
        .ok()
        .and_then(|t| t.parse::<Ipv6Addr>().ok())
        .is_some();
    // Letters without a digit are words of code (`Cafe::feed`, `Ace::bad`), not an address.
    let words_only =
        cand.iter().any(u8::is_ascii_alphabetic) && !cand.iter().any(u8::is_ascii_digit);
    // The unspecified address (`listen [::]:443`) and the loopback address `::1` stand for
    // no host a person uses; a call
    // (`a1b2::c3d4()`) is code.
    // Eight pairs of hex digits are a serial number or a digest (`D1:E4:FE:33:11:3C:6A:D5`
    // in a certificate), not an address.
    let pairs =
        !cand.windows(2).any(|w| w == b"::") && cand.split(|&b| b == b':').all(|g| g.len() == 2);
    if !ok || words_only || pairs || cand == b"::" || cand == b"::1" || hay.get(end) == Some(&b'(')
    {
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

/// Column names under which a dotted quad is a version or an object identifier, not an
/// address (`os_version`, `firmware`, `oid`).
pub(crate) const NOT_IP_COLUMNS: &[&str] = &[
    "version", "ver", "firmware", "fw", "build", "release", "oid", "bios",
];

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
        super::super::first_found(s, ':', at_colon)
    }
    #[test]
    fn v4() {
        assert_eq!(v4_at(b"192.168.1.10:80", 0), Some(12));
        assert_eq!(v4_at(b"1.2.3.4.5", 0), None);
        assert_eq!(v4_at(b"256.1.1.1", 0), None);
        assert_eq!(v4_at(b"01.2.3.4", 0), None);
        assert_eq!(v4_at(b"version 1.2.3.4", 8), None);
        assert_eq!(v4_at(b"1.2.3", 0), None);
        assert_eq!(v4_at(b"10.0.0.1-10.0.0.9", 0), Some(8));
        assert_eq!(v4_at(b"10.0.0.1-12", 0), None);
        assert_eq!(v4_at(b"Chrome/124.0.0.0", 7), None);
        assert_eq!(v4_at(b"%20Chrome/115.0.0.0%20Mobile", 10), None);
        assert_eq!(v4_at(b"AssemblyVersion(\"1.3.21.11\")", 17), None);
        assert_eq!(v4_at(b"OID 2.5.4.3", 4), None);
        assert_eq!(v4_at(b"kap. 12.1.1.20", 5), None);
        assert_eq!(v4_at(b"{\"v\":\"192.0.2.1\"}", 6), Some(15));
        assert_eq!(v4_at(b"/app.js?v=2.1.0.59 HTTP", 10), None);
        assert_eq!(v4_at(b"a?x=1&v=2.1.0.59", 8), None);
        assert_eq!(v4_at(b"v=2.1.0.59", 2), Some(10));
        assert_eq!(v4_at(b"server 10.1.2.3", 7), Some(15));
        assert_eq!(v4_at(b"GET /api/10.1.2.3", 9), Some(17));
        // The unspecified address, and versions in file names.
        assert_eq!(v4_at(b"listen 0.0.0.0:80", 7), None);
        assert_eq!(v4_at(b"build-10.5.75.65.zip", 6), None);
        assert_eq!(v4_at(b"app_1.2.3.4.tar.gz", 4), None);
        assert_eq!(v4_at(b"from host-10.5.75.65.", 10), Some(20));
        assert_eq!(v4_at(b"ip=10.5.75.65.log", 3), Some(13));
    }

    #[test]
    fn versions_of_bundles_branches_modules_and_version_lists() {
        fn at(s: &str) -> Option<&str> {
            let p = s.find(|c: char| c.is_ascii_digit())?;
            v4_at(s.as_bytes(), p).map(|e| &s[p..e])
        }
        for version in [
            "GET /static/app.7.17.7.22.js HTTP/2.0",
            "Merge branch 'release/1.0.1.5' into main",
            "Bump version to 10.15.4.145",
            "Kunden vill ha demo av modul 1.13.7.102.",
            "\"fixVersions\": [\n  {\n    \"name\": \"5.7.5.107\"",
        ] {
            assert_eq!(at(version), None, "{version}");
        }
        for address in [
            "Updated DNS to 10.1.2.3",
            "the version is ready at 10.1.2.5",
            "\"name\": \"10.1.2.6\"",
            "GET /api/hosts/10.1.2.7 HTTP/1.1",
        ] {
            assert!(at(address).is_some(), "{address}");
        }
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
        assert_eq!(v6("\"serial\":\"D1:E4:FE:33:11:3C:6A:D5\""), None);
        assert_eq!(v6("2001:db8:0:0:0:0:0:1"), Some("2001:db8:0:0:0:0:0:1"));
        assert_eq!(v6("std::vector"), None);
        assert_eq!(v6("::ffff:192.0.2.1"), Some("::ffff:192.0.2.1"));
        assert_eq!(
            v6("lookup failed for 2001:db8:c862::8ad9: not found"),
            Some("2001:db8:c862::8ad9")
        );
        assert_eq!(v6("Se ::2: uppgiften"), Some("::2"));
        assert_eq!(v6("field:2001:db8::1 ok"), Some("2001:db8::1"));
        assert_eq!(v6("field:::2"), Some("::2"));
        assert_eq!(
            v6("field:::ffff:10.93.129.230"),
            Some("::ffff:10.93.129.230")
        );
        assert_eq!(v6("[2001:db8::1]:443"), Some("2001:db8::1"));
        assert_eq!(v6("Server listening on :: port 22"), None);
        assert_eq!(v6("listen [::]:443"), None);
        assert_eq!(v6("auto v = a1b2::c3d4();"), None);
    }
}
