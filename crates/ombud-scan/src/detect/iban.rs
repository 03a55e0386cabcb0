//! IBAN: a known country code, the country's length and the ISO 13616 mod-97 check. Compact
//! (`SE4550000000058398257466`) or printed in groups of four separated by single spaces.

/// Detector name reported with these findings.
pub const DETECTOR: &str = "iban_mod97";

const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NL", 18),
    (b"NO", 15),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"SA", 24),
    (b"SC", 31),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
];

/// The IBAN length of a country, if known.
pub fn country_length(cc: &[u8]) -> Option<usize> {
    LENGTHS.iter().find(|(c, _)| &c[..] == cc).map(|&(_, l)| l)
}

/// Whether `iban` (compact, upper-case) has a known country, its length and passes mod 97.
pub fn valid(iban: &[u8]) -> bool {
    if iban.len() < 5 || country_length(&iban[..2]) != Some(iban.len()) {
        return false;
    }
    if !iban[2..4].iter().all(u8::is_ascii_digit)
        || !iban[4..]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return false;
    }
    let mut r: u32 = 0;
    for &b in iban[4..].iter().chain(&iban[..4]) {
        if b.is_ascii_digit() {
            r = (r * 10 + u32::from(b - b'0')) % 97;
        } else {
            r = (r * 100 + u32::from(b - b'A' + 10)) % 97;
        }
    }
    r == 1
}

/// Whether the group at `s` continues an account number written in groups of four after
/// its country code and check digits (`SE02 5001 2295 9566 7778 8029`), one whose checksum
/// failed: a card or phone number inside it is a coincidence.
pub(crate) fn in_account_number(hay: &[u8], s: usize) -> bool {
    let mut i = s;
    for _ in 0..8 {
        if i < 5 || hay[i - 1] != b' ' {
            return false;
        }
        let g = &hay[i - 5..i - 1];
        if g[..2].iter().all(u8::is_ascii_uppercase) && g[2..].iter().all(u8::is_ascii_digit) {
            return true;
        }
        if !g.iter().all(u8::is_ascii_alphanumeric) {
            return false;
        }
        i -= 5;
    }
    false
}

/// The length of the space between two groups of a printed IBAN at `i`: a space, a no-break
/// or narrow no-break space (UTF-8 or Windows-1252), or a no-break space escaped in JSON
/// (`\u00a0`).
fn group_space(hay: &[u8], i: usize) -> Option<usize> {
    if hay.get(i) == Some(&b'\\') {
        let esc = hay.get(i..i + 6)?;
        return esc.eq_ignore_ascii_case(b"\\u00a0").then_some(6);
    }
    match super::separator(hay, i)? {
        (b' ', len) => Some(len),
        _ => None,
    }
}

/// Tries an IBAN starting at `s` (the country code). Returns the end offset.
pub(crate) fn at(hay: &[u8], s: usize) -> Option<usize> {
    let want = country_length(hay.get(s..s + 2)?)?;
    let alnum = |b: u8| b.is_ascii_digit() || b.is_ascii_uppercase();
    let grouped = group_space(hay, s + 4).is_some();
    let mut buf = [0u8; 34];
    let mut n = 0;
    let mut i = s;
    while n < want {
        if grouped && n > 0 && n % 4 == 0 {
            match group_space(hay, i) {
                Some(len) if hay.get(i + len).is_some_and(|&c| alnum(c)) => i += len,
                _ => return None,
            }
        }
        match hay.get(i) {
            Some(&b) if alnum(b) => {
                buf[n] = b;
                n += 1;
                i += 1;
            }
            _ => return None,
        }
    }
    if !valid(&buf[..n]) || !super::right_boundary_ok(hay, i) {
        return None;
    }
    // A printed IBAN must not run on into a further group (of capitals and digits, with a
    // digit: a word such as `Fakturan` or `A` after it starts the next sentence).
    let further_group = |len: usize| {
        let rest = &hay[(i + len).min(hay.len())..];
        let k = rest.iter().take_while(|&&c| alnum(c)).count();
        rest[..k].iter().any(u8::is_ascii_digit) && !rest.get(k).is_some_and(u8::is_ascii_lowercase)
    };
    if grouped && n % 4 != 0 && group_space(hay, i).is_some_and(further_group) {
        return None;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn examples() {
        assert!(valid(b"SE4550000000058398257466"));
        assert!(valid(b"GB82WEST12345698765432"));
        assert!(valid(b"DE89370400440532013000"));
        assert!(!valid(b"SE4550000000058398257467"));
        assert_eq!(at(b"SE45 5000 0000 0583 9825 7466.", 0), Some(29));
        assert_eq!(at(b"SE4550000000058398257466", 0), Some(24));
        assert_eq!(at(b"SE45 5000 0000 0583 9825 74661", 0), None);
        // A short last group, then a further group or the next sentence.
        let no = b"NO93 8601 1117 947";
        assert!(valid(b"NO9386011117947"));
        assert_eq!(at(no, 0), Some(no.len()));
        assert_eq!(
            at(b"NO93 8601 1117 947 Fakturan skickas", 0),
            Some(no.len())
        );
        assert_eq!(at(b"NO93 8601 1117 947 A payment", 0), Some(no.len()));
        assert_eq!(at(b"NO93 8601 1117 947 1234", 0), None);
        // No-break spaces between the groups: UTF-8, Windows-1252, escaped in JSON.
        let nbsp = "SE45\u{a0}5000\u{a0}0000\u{a0}0583\u{a0}9825\u{a0}7466";
        assert_eq!(at(nbsp.as_bytes(), 0), Some(nbsp.len()));
        assert_eq!(
            at(b"SE45\xa05000\xa00000\xa00583\xa09825\xa07466", 0),
            Some(29)
        );
        let acct = |t: &str| in_account_number(t.as_bytes(), t.rfind(' ').unwrap() + 1);
        assert!(acct("'SE02 5001"));
        assert!(acct("SE60 3007 4044"));
        assert!(acct("NL74 RABO 0547"));
        assert!(!acct("kort 4111"));
        assert!(!acct("Kort: 4111"));
        let json = br"SE45\u00a05000\u00a00000\u00a00583\u00a09825\u00a07466";
        assert_eq!(at(json, 0), Some(json.len()));
    }
}
