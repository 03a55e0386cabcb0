//! Detectors. One pass classifies each 64-byte block into bit masks (trigger bytes — a digit,
//! `@`, `%`, `+`, `(`, `:` — word bytes and letters); each trigger goes to the detector that
//! owns that byte, and the scan continues after whatever it consumed. Indicator words are
//! looked up at word starts of the same blocks ([`keywords`]).
//!
//! Invariants every detector keeps (the windows of a stream rely on them): a match never
//! contains a *cut byte* (`\n`, `"`, `\t`), nothing a detector consumes runs across one, and
//! no decision looks further than 512 bytes (the windows' context) from its match.

mod blocks;
pub mod card;
mod columns;
mod digits;
pub mod email;
mod generic;
pub mod iban;
pub mod ip;
pub mod keywords;
pub mod personnummer;
pub mod phone;
pub(crate) mod sql;

use crate::kind::{Kind, KindSet};
pub(crate) use columns::Columns;
pub use columns::DETECTOR as COLUMN_DETECTOR;
pub use keywords::KEYED_DETECTOR;
use keywords::Keywords;
use std::sync::Arc;

/// A finding relative to the scanned window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub confidence: f32,
    pub detector: &'static str,
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Converts days since 1970-01-01 to a civil date.
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Count in 400-year eras starting 0000-03-01, so that the leap day ends a year.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Luhn check over ASCII digits, the last one being the check digit.
pub fn luhn_valid(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &b) in digits.iter().rev().enumerate() {
        let mut d = u32::from(b.wrapping_sub(b'0'));
        if d > 9 {
            return false;
        }
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

#[inline]
pub(crate) fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// A byte that may glue to an identifier: ASCII letters and digits, `_`, and any non-ASCII
/// byte. This is the byte-level class of the masks; at the edges of a finding the character
/// itself decides ([`glued_at`], [`glued_before`]).
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Whether the character starting at byte `i` glues to an identifier next to it: an ASCII
/// letter, digit or `_`, or a non-ASCII letter or digit (`å`, `é`, `٣`). Punctuation and
/// spaces outside ASCII (`”`, `»`, `…`, `–`, no-break space, byte order mark) do not glue.
/// Bytes that are not UTF-8 are read as Windows-1252, the other encoding of Swedish text.
#[inline]
pub(crate) fn glued_at(hay: &[u8], i: usize) -> bool {
    match hay.get(i) {
        None => false,
        Some(&b) if b < 0x80 => is_word(b),
        Some(_) => letter_end_at(hay, i).is_some(),
    }
}

/// Whether the character ending just before byte `i` glues to an identifier (see
/// [`glued_at`]).
#[inline]
pub(crate) fn glued_before(hay: &[u8], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let b = hay[i - 1];
    if b < 0x80 {
        return is_word(b) && escaped_before(hay, i).is_none_or(alphanumeric);
    }
    letter_start_before(hay, i).is_some()
}

/// The start of the non-ASCII letter or digit that ends just before byte `i` (a UTF-8
/// character, or one byte of Windows-1252), if one does.
#[inline]
pub(crate) fn letter_start_before(hay: &[u8], i: usize) -> Option<usize> {
    if i == 0 || hay[i - 1] < 0x80 {
        return None;
    }
    let b = hay[i - 1];
    // Two-byte characters (Latin letters, the no-break space, guillemets) directly.
    if b & 0xC0 == 0x80 && i >= 2 && (0xC2..=0xDF).contains(&hay[i - 2]) {
        let c = (u32::from(hay[i - 2] & 0x1F) << 6) | u32::from(b & 0x3F);
        return char::from_u32(c).is_some_and(alphanumeric).then_some(i - 2);
    }
    // Step back over up to three continuation bytes to the lead byte.
    let mut s = i - 1;
    while s + 3 >= i && s > 0 && hay[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    match decode(hay, s) {
        Some((c, len)) if s + len == i => alphanumeric(c).then_some(s),
        _ => cp1252_letter(hay[i - 1]).then_some(i - 1),
    }
}

/// The end of the non-ASCII letter or digit that starts at byte `i` (see
/// [`letter_start_before`]), if one does.
#[inline]
pub(crate) fn letter_end_at(hay: &[u8], i: usize) -> Option<usize> {
    let &b = hay.get(i)?;
    if b < 0x80 {
        return None;
    }
    match decode(hay, i) {
        Some((c, len)) => alphanumeric(c).then_some(i + len),
        None => cp1252_letter(b).then_some(i + 1),
    }
}

/// The character that a backslash escape ending just before byte `i` stands for, if one
/// does: `\n`, `\r`, `\t`, `\b`, `\f` and vCard's `\N`, or JSON's `\uXXXX` (an odd number
/// of backslashes: `\\n` is a backslash and a letter). Text exported as JSON, vCard or
/// iCalendar puts these right against a value (`\n070-123 45 67`), where the letter of the
/// escape is no letter of the text.
#[inline]
pub(crate) fn escaped_before(hay: &[u8], i: usize) -> Option<char> {
    // Whether the backslash at `q` ends an odd run of backslashes (looking 64 back at most).
    let escapes = |q: usize| {
        let run = hay[..q]
            .iter()
            .rev()
            .take(63)
            .take_while(|&&b| b == b'\\')
            .count();
        run % 2 == 0
    };
    if i >= 2 && hay[i - 2] == b'\\' {
        let c = match hay[i - 1] {
            b'n' | b'N' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            _ => return None,
        };
        return escapes(i - 2).then_some(c);
    }
    if i >= 6
        && hay[i - 6] == b'\\'
        && hay[i - 5] == b'u'
        && hay[i - 4..i].iter().all(u8::is_ascii_hexdigit)
        && escapes(i - 6)
    {
        let v = hay[i - 4..i]
            .iter()
            .fold(0u32, |v, &h| v * 16 + (h as char).to_digit(16).unwrap_or(0));
        return Some(char::from_u32(v).unwrap_or('\u{fffd}'));
    }
    None
}

/// `char::is_alphanumeric`, with the Latin letters of Swedish and its neighbours answered
/// without the Unicode tables.
#[inline]
pub(crate) fn alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º' | '¹' | '²' | '³' | '¼' | '½' | '¾'),
        0xC0..=0x24F => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// The end of the word whose bytes go on at `e`: the first character from `e` on that does not
/// glue (see [`glued_at`]), looking at most to `limit`.
pub(crate) fn word_end(hay: &[u8], mut e: usize, limit: usize) -> usize {
    while e < limit && glued_at(hay, e) {
        e += match hay[e] {
            b if b < 0x80 => 1,
            _ => decode(hay, e).map_or(1, |(_, len)| len),
        };
    }
    e
}

/// The UTF-8 character starting at `i` and its length, if the bytes there are one (no
/// overlong forms, surrogates or values past U+10FFFF).
#[inline]
fn decode(hay: &[u8], i: usize) -> Option<(char, usize)> {
    let (len, lead, least) = match hay[i] {
        b @ 0xC2..=0xDF => (2, b & 0x1F, 0x80),
        b @ 0xE0..=0xEF => (3, b & 0x0F, 0x800),
        b @ 0xF0..=0xF4 => (4, b & 0x07, 0x1_0000),
        _ => return None,
    };
    let mut c = u32::from(lead);
    for &b in hay.get(i + 1..i + len)? {
        if b & 0xC0 != 0x80 {
            return None;
        }
        c = (c << 6) | u32::from(b & 0x3F);
    }
    if c < least {
        return None;
    }
    char::from_u32(c).map(|c| (c, len))
}

/// Letters of Windows-1252 above ASCII (`Š Œ Ž š œ ž Ÿ ª µ º` and `À`–`ÿ` but `×` and `÷`).
fn cp1252_letter(b: u8) -> bool {
    matches!(
        b,
        0x8A | 0x8C | 0x8E | 0x9A | 0x9C | 0x9E | 0x9F | 0xAA | 0xB5 | 0xBA
    ) || (b >= 0xC0 && b != 0xD7 && b != 0xF7)
}

/// The separator between two digit groups at `i` (just after a digit or a bracket): the ASCII
/// byte it stands for (` `, `-`, or `+` in an identity number) and its length in bytes.
/// Besides those bytes, word processors and web pages keep groups together with a no-break
/// space (U+00A0, the byte `A0` in Windows-1252) or a narrow no-break, thin or figure space
/// (U+202F, U+2009, U+2007), and print a hyphen as an en dash, a non-breaking hyphen or a
/// Unicode hyphen (U+2013, the byte `96` in Windows-1252; U+2011, U+2010).
/// A dash between two spaces (`070 - 123 45 67`, `811218 – 9876`) stands for `-`.
#[inline(always)]
pub(crate) fn separator(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    match *hay.get(i)? {
        b' ' => match hay.get(i + 1) {
            Some(&c) if c == b'-' || c >= 0x80 => {
                Some(spaced_dash(hay, i).map_or((b' ', 1), |len| (b'-', len)))
            }
            _ => Some((b' ', 1)),
        },
        c @ (b'-' | b'+') => Some((c, 1)),
        c if c < 0x80 => None,
        _ => typographic_separator(hay, i),
    }
}

/// The length of a hyphen or en dash between single spaces at `i` (a space), if there is one.
#[inline]
fn spaced_dash(hay: &[u8], i: usize) -> Option<usize> {
    let dash = match hay.get(i + 1..i + 3)? {
        [b'-', _] => 1,
        [0x96, _] => 1,
        [0xE2, 0x80] if hay.get(i + 3) == Some(&0x93) => 3,
        _ => return None,
    };
    (hay.get(i + 1 + dash) == Some(&b' ')).then_some(dash + 2)
}

/// [`separator`] outside ASCII.
#[inline(never)]
fn typographic_separator(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    match hay[i] {
        // Windows-1252 (bytes that cannot be UTF-8 right after a digit).
        0xA0 => Some((b' ', 1)),
        0x96 => Some((b'-', 1)),
        0xC2 if hay.get(i + 1) == Some(&0xA0) => Some((b' ', 2)),
        0xE2 => match hay.get(i + 1..i + 3)? {
            [0x80, 0x87 | 0x89 | 0xAF] => Some((b' ', 3)),
            [0x80, 0x90 | 0x91 | 0x93] => Some((b'-', 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Which of `lists` holds the nearest label word before a value at `s`: among the three
/// words before it on its line, or before the list it opens on the next line (ASCII
/// letters and digits and non-ASCII letters, ASCII case folded), within 40 bytes,
/// joined by punctuation such as `TEL;TYPE=WORK:`, `"phone": "`, `\"iat\":` (JSON in a
/// string), `<Timestamp>`, `OCR-nr ` or a no-break space. The first word found in a list decides; a word in camel case that is
/// in no list as a whole (`phoneWork`, `createdTs`) is read part by part from its end.
pub(crate) fn label_before(hay: &[u8], s: usize, lists: &[&[&str]]) -> Option<usize> {
    let mut i = s;
    for _ in 0..3 {
        while i > 0 && s - i < 40 {
            match hay[i - 1] {
                b' ' | b':' | b'"' | b'\'' | b'=' | b'-' | b'.' | b'#' | b';' | b',' | b'_'
                | b'(' | b'[' | b'/' | b'<' | b'>' | b'|' | b'\\' => i -= 1,
                // An escaped tab (`\t8112189876`) separates like a space; an escaped line
                // break ends the line as a line feed does (`\"orgnr\": null,\n  \"ocr\":`).
                b't' if i >= 2 && hay[i - 2] == b'\\' => i -= 2,
                b'n' | b'r' if i >= 2 && hay[i - 2] == b'\\' => return None,
                // U+00A0 in UTF-8, or the byte A0 of Windows-1252.
                0xA0 if i >= 2 && hay[i - 2] == 0xC2 => i -= 2,
                0xA0 => i -= 1,
                // General punctuation in UTF-8 (`•`, `–`, `”`, narrow spaces).
                0x80..=0xBF if i >= 3 && hay[i - 3] == 0xE2 && hay[i - 2] == 0x80 => i -= 3,
                // The first value of a list opened on the line before (`"phones": [`, a
                // line break, the indent, `"070…"`).
                b'\n' | b'\r' | b'\t' => {
                    let mut k = i - 1;
                    while k > 0 && s - k < 40 && matches!(hay[k - 1], b'\n' | b'\r' | b'\t' | b' ')
                    {
                        k -= 1;
                    }
                    match k > 0 && hay[k - 1] == b'[' {
                        true => i = k,
                        false => break,
                    }
                }
                _ => break,
            }
        }
        let e = i;
        // Non-ASCII letters belong to words (`på`, `Växel`).
        while i > 0 && s - i < 40 {
            if hay[i - 1].is_ascii_alphanumeric() {
                i -= 1;
            } else if let Some(a) = letter_start_before(hay, i) {
                i = a;
            } else {
                break;
            }
        }
        if e == i {
            return None;
        }
        let word = &hay[i..e];
        let in_list = |part: &[u8]| {
            lists
                .iter()
                .position(|l| l.iter().any(|w| same_word(part, w.as_bytes())))
        };
        if let Some(found) = in_list(word) {
            return Some(found);
        }
        let mut end = word.len();
        for k in (1..word.len()).rev() {
            if word[k].is_ascii_uppercase() && word[k - 1].is_ascii_lowercase() {
                if let Some(found) = in_list(&word[k..end]) {
                    return Some(found);
                }
                end = k;
            }
        }
        if let Some(found) = in_list(&word[..end]) {
            return Some(found);
        }
    }
    None
}

/// Whether `needle` (not empty) occurs in `text`, a line or less that a context rule reads.
/// (`memmem::find` builds a searcher on every call, which costs more than the search on
/// such a span: a statute's test of the line built one for each of its five phrases.)
pub(crate) fn contains(text: &[u8], needle: &[u8]) -> bool {
    let (&first, rest) = needle.split_first().expect("a needle");
    memchr::memchr_iter(first, text).any(|i| text[i + 1..].starts_with(rest))
}

/// Whether two words are the same in any case: ASCII letters, and the Latin-1 letters of
/// UTF-8 (`Ärendenr` is `ärendenr`; the capital's second byte is the small letter's less
/// `0x20`, `×` and `÷` aside).
pub(crate) fn same_word(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && (0..a.len()).all(|k| folded_at(a, k) == folded_at(b, k))
}

/// Byte `k` of the word `w` in small letters as [`same_word`] compares them.
pub(crate) fn folded_at(w: &[u8], k: usize) -> u8 {
    match w[k] {
        c @ b'A'..=b'Z' => c | 0x20,
        c @ 0x80..=0x9E if c != 0x97 && k > 0 && w[k - 1] == 0xC3 => c | 0x20,
        c => c,
    }
}

/// A separator at `i` followed by a digit: what it stands for and where the next group starts.
#[inline(always)]
pub(crate) fn joined(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    let (c, len) = separator(hay, i)?;
    hay.get(i + len)
        .is_some_and(|&d| is_digit(d))
        .then_some((c, i + len))
}

/// Whether the digit at `i` starts a group that a separator joins to a digit before it.
#[inline]
fn joined_before(hay: &[u8], i: usize) -> bool {
    if i < 2 {
        return false;
    }
    // A dash between spaces (` - `, ` – `) first: it ends in an ASCII space.
    if hay[i - 1] == b' '
        && [3, 5].into_iter().any(|len| {
            i > len && is_digit(hay[i - len - 1]) && separator(hay, i - len) == Some((b'-', len))
        })
    {
        return true;
    }
    if hay[i - 1] < 0x80 {
        return matches!(hay[i - 1], b' ' | b'-' | b'+') && is_digit(hay[i - 2]);
    }
    (1..=3).any(|len| {
        i > len
            && is_digit(hay[i - len - 1])
            && separator(hay, i - len).is_some_and(|(_, l)| l == len)
    })
}

/// Whether a number token may end at `e` (exclusive): the next character does not glue to
/// it, and it is not followed by a decimal point and a digit.
pub(crate) fn right_boundary_ok(hay: &[u8], e: usize) -> bool {
    match hay.get(e) {
        None => true,
        Some(b'@') => false,
        Some(b'.') => !hay.get(e + 1).is_some_and(|&d| is_digit(d)),
        Some(_) => !glued_at(hay, e),
    }
}

/// Whether a number token may start at `s`: the previous character does not glue to it, and
/// it is not the fraction after a decimal point. A comma between digits separates fields
/// (CSV, SQL, JSON arrays), it is not read as a decimal comma. An underscore starts a field
/// of a name (`kund_197805241572.json`, `intyg_850312-1234.pdf`); after a number it often
/// glues a suffix to an identifier (`4174250073219_c1eec92d_72.jpg`), so there it glues.
pub(crate) fn left_boundary_ok(hay: &[u8], s: usize) -> bool {
    if s == 0 {
        return true;
    }
    match hay[s - 1] {
        b'.' => !(s >= 2 && is_digit(hay[s - 2])),
        b'_' => true,
        _ => !glued_before(hay, s),
    }
}

/// Everything the detectors need; built once by the scanner builder.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub kinds: KindSet,
    pub today: Date,
    /// The column names of the delimited file being scanned, if it has a header.
    pub columns: Option<Arc<Columns>>,
    /// The tables of the SQL dump being scanned, as the window being scanned sees them.
    pub sql: Option<sql::Sections>,
    /// Whether the file is a patch (`git diff`, `git log -p`, a `.patch` file): a `+` that
    /// starts a line marks an added line, however far the hunk header is.
    pub patch: bool,
    /// Whether any number kind is on (digits are triggers).
    digits: bool,
    /// The other trigger bytes that are on.
    triggers: blocks::Triggers,
    /// The instruction set blocks are classified with.
    pub isa: blocks::Isa,
}

impl Config {
    /// This configuration for a file that starts with `head`: with its column names when
    /// its first line is the header of a delimited file.
    pub fn for_file(&self, head: &[u8]) -> Config {
        Config {
            columns: Columns::sniff(head).map(Arc::new),
            patch: phone::patch(head),
            ..self.clone()
        }
    }

    /// Whether the value at `s` stands in a column whose name says one of `words`.
    pub fn column_says(&self, hay: &[u8], s: usize, words: &[&str]) -> bool {
        self.column_name(hay, s)
            .is_some_and(|name| columns::says(name, words))
    }

    /// The name of the column the value at `s` stands in: from the header of a delimited
    /// file or the statements of an SQL dump.
    pub fn column_name(&self, hay: &[u8], s: usize) -> Option<&[u8]> {
        self.columns
            .as_ref()
            .and_then(|c| c.name_at(hay, s))
            .or_else(|| self.sql.as_ref().and_then(|q| q.name_at(hay, s)))
    }

    /// Whether any number kind is on (the detectors that read column names).
    pub fn digits(&self) -> bool {
        self.digits
    }

    /// This configuration for the window at `origin` of a file whose dump's tables are
    /// `sql` (as far as they are read).
    pub fn for_window(&self, sql: Option<&sql::Sections>, origin: u64) -> Config {
        Config {
            sql: sql.map(|q| q.at(origin)),
            ..self.clone()
        }
    }

    pub fn new(kinds: KindSet, today: Date) -> Config {
        let digits = [
            Kind::Personnummer,
            Kind::Samordningsnummer,
            Kind::Organisationsnummer,
            Kind::Phone,
            Kind::IpAddress,
            Kind::Iban,
            Kind::PaymentCard,
        ]
        .iter()
        .any(|&k| kinds.contains(k));
        Config {
            kinds,
            today,
            columns: None,
            sql: None,
            patch: false,
            digits,
            triggers: blocks::Triggers::new(
                kinds.contains(Kind::Email),
                kinds.contains(Kind::Phone),
                kinds.contains(Kind::IpAddress),
            ),
            isa: blocks::Isa::detect(),
        }
    }
}

/// The digit-run starts of block `cur` (between `prev` and `nxt`) that a detector must see.
///
/// A run start is left out when the digit detector would return at the end of the run
/// without a finding: the run is shorter than ten digits (eight when it starts with `0`),
/// is not followed by a joiner
/// (` `, `-`, `+`) and a digit or another trigger byte, nor by a non-ASCII byte (an en dash),
/// nor by the dots of a
/// dotted quad when it has at most eight digits (an IPv4 address, maybe after the digits of
/// an escape), nor by a slash and a digit when it is an area code (two to four digits from
/// a `0`), and does not follow two
/// capital letters (an IBAN). Runs that continue a token (a joiner with a digit before it) are left out too:
/// the token's first run consumes them (see [`continuation`] for the exceptions).
#[inline(always)]
fn digit_starts(prev: &blocks::Classes, cur: &blocks::Classes, nxt: &blocks::Classes) -> u64 {
    // The class of the byte one or two before each byte of `cur`.
    let before = |p: u64, c: u64, k: u32| (c << k) | (p >> (64 - k));
    // A window of `cur` and `nxt`, to look ahead across the block end.
    let ahead = |c: u64, n: u64| u128::from(c) | u128::from(n) << 64;
    let inside = before(prev.join, cur.join, 1) & before(prev.digit, cur.digit, 2);
    let starts = cur.digit & !before(prev.digit, cur.digit, 1) & !inside;
    // Blocks of words only (a third of prose) spare the rest.
    if starts == 0 {
        return 0;
    }
    let iban = before(prev.upper, cur.upper, 1) & before(prev.upper, cur.upper, 2);
    let d = ahead(cur.digit, nxt.digit);
    let digit_before = (d << 1) | u128::from(prev.digit >> 63);
    // Runs of at least 2, 4 and 8 digits from each byte on.
    let d2 = d & (d >> 1);
    let d4 = d2 & (d2 >> 2);
    let d8 = d4 & (d4 >> 4);
    let ten = d8 & (d2 >> 8);
    // Eight digits or more from a `0` on: a national phone number without separators, also
    // after the one to four digits that end a JSON escape (`\u00b708123456`).
    let zero8 = d8 & ahead(cur.zero, nxt.zero);
    let compact_national = zero8 | (zero8 >> 1) | (zero8 >> 2) | (zero8 >> 3) | (zero8 >> 4);
    // Last digits of runs followed by a joiner and a digit or another trigger (`0046 (0)8 …`),
    // or by a non-ASCII byte (an en dash), spread back over their run (up to 16 digits;
    // longer runs count through `ten`).
    let next_trigger = (d | ahead(cur.other, nxt.other)) >> 1;
    let (join, high) = (ahead(cur.join, nxt.join), ahead(cur.high, nxt.high));
    let join_next = join & next_trigger;
    // Also a space before a dash, a space and a digit (` - `; ` – ` in Windows-1252 with
    // one byte for the dash, in UTF-8 with three). (Without a branch: a space before a
    // joiner or a non-ASCII byte is common in Swedish text, and the branch was mispredicted.)
    let dash = join & ((join | high) >> 1);
    let spaced = dash & ((join_next >> 2) | (join_next >> 4));
    let after = join_next | high | spaced;
    let mut joined = (after & digit_before) >> 1;
    joined |= (joined >> 1) & d;
    joined |= (joined >> 2) & d2;
    joined |= (joined >> 4) & d4;
    joined |= (joined >> 8) & d8;
    // The same for `.` over runs of up to eight digits (an address's first octet, after the
    // digits of a JSON escape such as `\u00a0`), when the dot starts a chain of three dots
    // between digits, each two to four bytes after the one before: the shape of a dotted
    // quad (decimals and times are left out).
    let dots = ahead(cur.dot, nxt.dot) & (d >> 1) & digit_before;
    let followed = |x: u128| (x >> 2) | (x >> 3) | (x >> 4);
    let quad = dots & followed(dots & followed(dots));
    let mut dotted = quad >> 1;
    if dotted != 0 {
        dotted |= (dotted >> 1) & d;
        dotted |= (dotted >> 2) & d2;
        dotted |= (dotted >> 4) & d4;
    }
    // A run right after a JSON escape (`\u002B46701234567`, an escaped `+`).
    let escaped = before(prev.backslash, cur.backslash, 6);
    // An area code of two to four digits from a `0` before a slash and a digit
    // (`063/227678`).
    let mut area = (ahead(cur.slash, nxt.slash) & (d >> 1) & digit_before) >> 1;
    if area != 0 {
        area |= (area >> 1) & d;
        area |= (area >> 2) & d2;
        area &= ahead(cur.zero, nxt.zero);
    }
    let interesting = (joined | dotted | ten | compact_national | area) as u64 | iban | escaped;
    starts & interesting
}

/// The end of the date on its own that the run of digits at `p` starts (`2026-12-03`): a
/// year from 1000 to 2999, a month from `0` to `1` and a day from `0` to `3` joined by
/// hyphens (a phone number such as `0708-12 34 56` mixes joiners), then a letter (`T10:15`),
/// an ASCII byte that ends tokens (`;`, `"`, `,`, a line end) or a space and the hour and
/// colon of a time (`2026-12-03 10:15`, which ends at the colon); before it, the start of
/// the input or an ASCII byte other than a letter, `/` or `+` (those can make the digits
/// part of an IBAN, a phone number after an area code or an escaped `+`). No detector finds
/// anything in such a token (the prefilter property test tries), and logs and exports hold
/// one on nearly every line: the scan passes over it without asking the detectors.
#[inline(always)]
fn date_alone(hay: &[u8], p: usize) -> Option<usize> {
    let b = hay.get(p..p + 11)?;
    if p > 0
        && (hay[p - 1] >= 0x80 || hay[p - 1].is_ascii_alphabetic() || b"/+".contains(&hay[p - 1]))
    {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(matches!(b[0], b'1' | b'2')
        && digits(1..4)
        && b[4] == b'-'
        && matches!(b[5], b'0' | b'1')
        && b[6].is_ascii_digit()
        && b[7] == b'-'
        && matches!(b[8], b'0'..=b'3')
        && b[9].is_ascii_digit())
    {
        return None;
    }
    match b[10] {
        b' ' => hay
            .get(p + 11..p + 14)
            .is_some_and(|t| t[0].is_ascii_digit() && t[1].is_ascii_digit() && t[2] == b':')
            .then_some(p + 13),
        c => (c < 0x80 && !c.is_ascii_digit() && !b" -+./\\(:@%".contains(&c)).then_some(p + 10),
    }
}

/// The colons of block `cur` that may belong to an IPv6 address (`ip::at_colon` returns at
/// once for the others). The detector looks only at a colon after a hex digit or a colon,
/// or before a colon. An address is a run of hex digits and colons with `::` or six
/// colons, all within 46 bytes of each of them: when the blocks before, at and after hold
/// fewer than six colons next to a hex digit or colon, and no `::`, no colon of `cur` is in
/// one.
#[inline(always)]
fn colon_triggers(prev: &blocks::Classes, cur: &blocks::Classes, nxt: &blocks::Classes) -> u64 {
    let c = cur.colon;
    if c == 0 {
        return 0;
    }
    // Colons next to a hex digit or colon, per block (the neighbour in the next or the
    // previous block is read through the carries).
    let hexy = |p: &blocks::Classes, c: &blocks::Classes, n: &blocks::Classes| {
        let v_before = (c.v6 << 1) | (p.v6 >> 63);
        let v_after = (c.v6 >> 1) | (n.v6 << 63);
        c.colon & (v_before | v_after)
    };
    let zero = blocks::Classes::default();
    let count = hexy(&zero, prev, cur).count_ones()
        + hexy(prev, cur, nxt).count_ones()
        + hexy(cur, nxt, &zero).count_ones();
    let double = |a: u64, b: u64| a & ((a >> 1) | (b << 63)) != 0;
    let (p, n) = (prev.colon, nxt.colon);
    if count < 6 && !(double(p, c) || double(c, n) || double(n, 0)) {
        return 0;
    }
    // The detector's own first test: a hex digit or colon before, or a colon after.
    c & (((cur.v6 << 1) | (prev.v6 >> 63)) | (c >> 1) | (nxt.colon << 63))
}

/// Where a run that continues a token must still be seen: when a detector stopped inside a
/// token (an IBAN, an IPv4 address or a `00` number ending before a joiner), the scan goes
/// on at the next group as if it started a token.
#[inline]
fn continuation(hay: &[u8], i: usize) -> Option<usize> {
    let &b = hay.get(i)?;
    if is_digit(b) {
        joined_before(hay, i).then_some(i)
    } else if i >= 1 && is_digit(hay[i - 1]) {
        joined(hay, i).map(|(_, next)| next)
    } else {
        None
    }
}

/// Runs every detector over `hay` in one pass over its blocks: each 64-byte block is
/// classified once and both the structured detectors and the keyword search work from its
/// masks. Hits come out sorted by (start, end).
pub(crate) fn scan_all(hay: &[u8], cfg: &Config, kw: Option<&Keywords>, out: &mut Vec<Hit>) {
    cfg.isa.run(ScanBlocks {
        hay,
        cfg,
        kw,
        out: &mut *out,
        prefilter: true,
    });
    // A table of counts without a column that names a person holds figures about groups
    // (`län;brottstyp;år;antal`): nothing in its rows is anyone's.
    let aggregate = cfg.columns.as_ref().is_some_and(|c| c.aggregate());
    if (cfg.columns.is_some() || cfg.sql.is_some()) && cfg.kinds.any_special() {
        // A care unit or a church in a column of workplaces is an employer, a profession in
        // a column of roles is the writer's or the practitioner's (`yrkesroll`,
        // `behandlare`), in a delimited file or a dump. (A party in such a column is a
        // membership: `organisation` in a party's export.)
        // So is a subject of study in a column of courses or programmes (`Kursnamn`:
        // `Arbetsrätt och fackligt arbete`, `Programme`: `MA Religion in Peace and
        // Conflict`), and a language in a column of languages (`önskat_språk`: `samiska`).
        out.retain(|h| {
            if !matches!(h.kind, Kind::SpecialCategory(_)) {
                return true;
            }
            // One lookup of the column per finding.
            let Some(name) = cfg.column_name(hay, h.start) else {
                return true;
            };
            if aggregate {
                return false;
            }
            if h.detector != keywords::DETECTOR {
                return true;
            }
            let political = h.kind == Kind::SpecialCategory(crate::kind::Category::Political);
            let ethnicity = h.kind == Kind::SpecialCategory(crate::kind::Category::Ethnicity);
            // (Whole words of the name: `tjänst` names a role, `tjänsteanteckning` a note.)
            let says = |keys| columns::names_say(name, keys);
            let employer = !political && says(keywords::WORKPLACE_KEYS);
            let language = ethnicity && says(keywords::LANGUAGE_KEYS);
            !(employer || language || says(keywords::STUDY_KEYS))
        });
    }
    if let Some(c) = &cfg.columns
        && cfg.kinds.any_special()
        && !aggregate
    {
        c.cells(
            hay,
            |cat| cfg.kinds.contains(Kind::SpecialCategory(cat)),
            out,
        );
        if !out.is_sorted_by_key(|h| (h.start, h.end)) {
            out.sort_by_key(|h| (h.start, h.end));
        }
    }
}

/// [`scan_all`]'s pass over the blocks; without `prefilter` every digit byte goes to the
/// digit detector (the plain reference the prefilter is tested against).
struct ScanBlocks<'a> {
    hay: &'a [u8],
    cfg: &'a Config,
    kw: Option<&'a Keywords>,
    out: &'a mut Vec<Hit>,
    prefilter: bool,
}

impl blocks::WithIsa for ScanBlocks<'_> {
    type Output = ();

    #[inline(always)]
    fn run<C: blocks::Classify>(self, isa: C) {
        let ScanBlocks {
            hay,
            cfg,
            kw,
            out,
            prefilter,
        } = self;
        scan_blocks(isa, hay, cfg, kw, out, prefilter);
    }
}

#[inline(always)]
fn scan_blocks<C: blocks::Classify>(
    isa: C,
    hay: &[u8],
    cfg: &Config,
    kw: Option<&Keywords>,
    out: &mut Vec<Hit>,
    prefilter: bool,
) {
    use blocks::BLOCK;
    let mut words = keywords::WordState::default();
    // No structured finding may start before `next`.
    let mut next = 0;
    // The classes of the blocks before, at and after `base`, in a ring whose indices turn
    // instead of moving three structs of fifteen masks each round (1 % fewer instructions).
    let mut ring = [
        blocks::Classes::default(),
        blocks::classify(isa, hay, 0, &cfg.triggers),
        blocks::Classes::default(),
    ];
    let (mut i_prev, mut i_cur, mut i_next) = (0usize, 1usize, 2usize);
    let mut base = 0;
    while base < hay.len() {
        ring[i_next] = blocks::classify(isa, hay, base + BLOCK, &cfg.triggers);
        let (prev, cur, nxt) = (&ring[i_prev], &ring[i_cur], &ring[i_next]);
        if next < base + BLOCK {
            let digits = match (cfg.digits, prefilter) {
                (false, _) => 0,
                (true, true) => digit_starts(prev, cur, nxt),
                (true, false) => cur.digit,
            };
            let other = match prefilter {
                true => cur.other & !(cur.colon & !colon_triggers(prev, cur, nxt)),
                false => cur.other,
            };
            let mut m = (digits | other) & (!0u64 << next.saturating_sub(base));
            while m != 0 {
                let p = base + m.trailing_zeros() as usize;
                next = match date_alone(hay, p).filter(|_| prefilter) {
                    Some(end) => end,
                    None => dispatch(hay, p, cfg, out),
                };
                while prefilter
                    && cfg.digits
                    && let Some(q) = continuation(hay, next)
                {
                    next = digits::at(hay, q, cfg, out);
                }
                if next - base >= BLOCK {
                    break;
                }
                m &= !0u64 << (next - base);
            }
        }
        if let Some(kw) = kw {
            kw.block(hay, base, cur, &mut words, out);
        }
        (i_prev, i_cur, i_next) = (i_cur, i_next, i_prev);
        base += BLOCK;
    }
    // Detectors that look back (an e-mail's local part) can start a hit before one found
    // earlier; keyword hits come from their own pass.
    if !out.is_sorted_by_key(|h| (h.start, h.end)) {
        out.sort_by_key(|h| (h.start, h.end));
    }
}

/// What `detector` finds first when handed the first `trigger` in `s` (for detector tests).
#[cfg(test)]
pub(crate) fn first_found(
    s: &str,
    trigger: char,
    detector: fn(&[u8], usize, &mut Vec<Hit>) -> usize,
) -> Option<&str> {
    let mut out = Vec::new();
    detector(s.as_bytes(), s.find(trigger)?, &mut out);
    out.first().map(|h| &s[h.start..h.end])
}

/// Hands the trigger byte at `p` to its detector; returns where to go on.
#[inline(always)]
fn dispatch(hay: &[u8], p: usize, cfg: &Config, out: &mut Vec<Hit>) -> usize {
    let i = match hay[p] {
        b'@' => email::at(hay, p, out),
        b'%' => email::at_percent(hay, p, out),
        b'+' => phone::at_plus(hay, p, cfg.patch, out),
        b'(' => phone::at_paren(hay, p, out),
        b':' => ip::at_colon(hay, p, out),
        _ => digits::at(hay, p, cfg, out),
    };
    debug_assert!(i > p);
    i.max(p + 1)
}

/// Every kind on, on a fixed day (2026-06-15), for tests that call the detectors directly.
#[cfg(test)]
pub(crate) fn test_config() -> Config {
    Config::new(
        KindSet::all(),
        Date {
            year: 2026,
            month: 6,
            day: 15,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016),
            Date {
                year: 2000,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            Date::from_days_since_epoch(20_454),
            Date {
                year: 2026,
                month: 1,
                day: 1
            }
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The prefilter only leaves out digits whose detector would find nothing: the scan
        /// with it equals the scan that hands every digit to the detector. The input is made
        /// of the bytes the filter reasons about, digits most of all, so that numbers, joined
        /// groups, dotted quads, IBAN prefixes and `00` numbers occur often.
        #[test]
        fn prefilter_changes_nothing(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => "[1-9][0-9]?",
                    3 => "[0-9]{3,13}",
                    2 => "(\\\\u002B|070/|SE|Q|tel )?(19|20|07|08)[0-9]{2}-[01][0-9]-[0-3][0-9](;|T| 10:|\")?|2026 12 03|2026\\+12\\+03",
                    1 => "(\\+|0)[1-9][0-9]{2}[ -][0-9]{2}[ -][0-9]{2}[ -][0-9]{2}[:;T ]",
                    1 => "[;,\"'/\\\\()\\[\\]<>=_TZae]| 10:|T10:|\u{0}",
                    4 => "[ .+:-]",
                    1 => "([1-9]\\.){1,3}",
                    1 => "SE|DE|GB|00|0046|070|19|20|::|@a.se|x|Q|\n|\"|\t|tel |orgnr |ts |OCR |\\(\\+",
                    1 => "\u{a0}|\u{2013}|\u{202f}|\u{2011}|~| - | \u{2013} | -|- ",
                    1 => "\\\\(n|t|f|b|u00a0|u00e4|u003c|u0022|u002B|u2013|u20)|\\\\",
                    1 => "SE4550000000058398257466|SE45 5000 0000 0583 9825 7466|GB82WEST12345698765432|\
                          NL91 ABNA 0417 1643 00|811218-9876|811218–9876|\\(08\\) 123 45 67|\
                          0701234567|070-123 45 67|46 70 123 45 67|4111 1111 1111 1111|\
                          070 - 123 45 67|070\\.123\\.45\\.67|08\\.123\\.45\\.67|811218 - 9876|08/123 45 67|0049 30 47530544|\
                          0046 \\(0\\)8-123 456 78|192\\.168\\.1\\.10|2001:db8::1|2001:db8:0:1:2:3:4:5|::ffff:10\\.1\\.2\\.3|198112189876",
                ],
                0..120,
            )
        ) {
            // `~` stands for the byte A0 alone: a no-break space in Windows-1252.
            let hay: Vec<u8> = parts.concat().bytes().map(|b| if b == b'~' { 0xA0 } else { b }).collect();
            let cfg = test_config();
            let mut plain = Vec::new();
            scan_blocks(blocks::Portable, &hay, &cfg, None, &mut plain, false);
            // The same findings with the prefilter, with every instruction set there is.
            for isa in blocks::Isa::available() {
                let cfg = Config { isa, ..cfg.clone() };
                let mut fast = Vec::new();
                isa.run(ScanBlocks { hay: &hay, cfg: &cfg, kw: None, out: &mut fast, prefilter: true });
                proptest::prop_assert_eq!(&fast, &plain, "{} {:?}", isa.name(), String::from_utf8_lossy(&hay));
            }
        }
    }

    fn found(text: &str) -> Vec<(Kind, &str)> {
        let cfg = test_config();
        let mut hits = Vec::new();
        scan_all(text.as_bytes(), &cfg, None, &mut hits);
        hits.iter()
            .map(|h| (h.kind, &text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn tokens_of_numbers() {
        // An IPv4 address after a space-joined number (a clock time, a status code).
        assert_eq!(
            found("12:00:01 10.0.0.1 sshd"),
            [(Kind::IpAddress, "10.0.0.1")]
        );
        assert_eq!(found("GET / 200 10.1.2.3"), [(Kind::IpAddress, "10.1.2.3")]);
        // Past eight groups the token goes on as a token of its own.
        assert_eq!(
            found("1 2 3 4 5 6 7 8 070-123 45 67"),
            [(Kind::Phone, "070-123 45 67")]
        );
        // Hits come out in order even when a detector looks back.
        assert_eq!(
            found("%811218-9876.x@example.se"),
            [
                (Kind::Email, "%811218-9876.x@example.se"),
                (Kind::Personnummer, "811218-9876")
            ]
        );
    }

    #[test]
    fn times_in_seconds_are_no_identity_numbers() {
        // 1311069148 is 2013-11-06 with a valid check digit, and a time in 2011.
        for text in [
            "ts 1311069148",
            "{\"exp\": 1311069148}",
            "timestamp=1311069148",
            "<Timestamp>1311069148</Timestamp>",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
        assert_eq!(
            found("pnr 1311069148"),
            [(Kind::Personnummer, "1311069148")]
        );
    }

    #[test]
    fn compact_mobiles_that_are_identity_numbers_too() {
        // 0701130403 is a valid personnummer (2007-01-13) and a mobile number.
        for text in [
            "tel 0701130403",
            "TEL;TYPE=WORK:0701130403",
            "{\"phone\":\"0701130403\"}",
            "Mobil: 0701130403.",
            "tel\u{a0}0701130403",
        ] {
            assert_eq!(found(text), [(Kind::Phone, "0701130403")], "{text}");
        }
        for text in [
            "pnr 0701130403",
            "0701130403",
            "tel 08-123 45 67, pnr 0701130403",
        ] {
            assert_eq!(
                found(text).last(),
                Some(&(Kind::Personnummer, "0701130403")),
                "{text}"
            );
        }
    }

    #[test]
    fn labelled_numbers_in_e164_without_plus() {
        // Operators and Swish write a Swedish number as `46` and the number without its
        // `0` (an MSISDN); a phone label or column says what it is.
        for text in [
            "{\"msisdn\": \"46701234567\"}",
            "Telefon: 46812345678",
            "{\"tel\": 0046701234567}",
        ] {
            let want = text.trim_matches(|c: char| !c.is_ascii_digit());
            assert_eq!(found(text), [(Kind::Phone, want)], "{text}");
        }
        assert_eq!(
            found_in_file("namn;msisdn\nAnna;46731234567\n"),
            [(Kind::Phone, "46731234567")]
        );
        // Unlabelled, or not a Swedish number after the `46`, it is no phone number.
        for text in [
            "order 46701234567",
            "{\"msisdn\": \"46001234567\"}",
            "Telefon: 4670123456789",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn a_phrase_is_one_finding_wherever_the_blocks_are_cut() {
        // A union's dues and name are one fact of membership (Art. 9(1)). The number after
        // the phrase is found before the phrase's second word when that word starts the
        // number's block; the phrase is still one finding.
        let cfg = test_config();
        let kw = Keywords::new(|_| true).expect("the word lists");
        for pad in 0..2 * blocks::BLOCK {
            let text = format!("{}Fackavgift Kommunal 070-123 45 67", " ".repeat(pad));
            let mut hits = Vec::new();
            scan_all(text.as_bytes(), &cfg, Some(&kw), &mut hits);
            let found: Vec<_> = hits
                .iter()
                .map(|h| (h.kind, &text[h.start..h.end]))
                .collect();
            assert_eq!(
                found,
                [
                    (
                        Kind::SpecialCategory(crate::kind::Category::TradeUnion),
                        "Fackavgift Kommunal"
                    ),
                    (Kind::Phone, "070-123 45 67")
                ],
                "{pad}"
            );
        }
    }

    /// [`found`] for a whole file: with the column names of its header, if it has one.
    fn found_in_file(text: &str) -> Vec<(Kind, &str)> {
        let cfg = test_config();
        let cfg = cfg.for_file(text.as_bytes());
        let mut hits = Vec::new();
        scan_all(text.as_bytes(), &cfg, None, &mut hits);
        hits.iter()
            .map(|h| (h.kind, &text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn numbers_of_calls_in_sip_uris_channels_and_call_records() {
        fn phones(text: &str) -> Vec<&str> {
            found_in_file(text)
                .into_iter()
                .map(|(k, v)| {
                    assert_eq!(k, Kind::Phone, "{v} in {text}");
                    v
                })
                .collect()
        }
        // The user part of a SIP or tel URI is a number, not a mailbox.
        assert_eq!(
            phones("To: <sip:+46706866931@sip.operator.se>;tag=1"),
            ["+46706866931"]
        );
        assert_eq!(phones("INVITE SIP:0317982871@pbx SIP/2.0"), ["0317982871"]);
        assert!(phones("From: <sip:2050@pbx.example.se>").is_empty());
        assert_eq!(
            found_in_file("Contact: <sip:anna.berg@sip.example.se>"),
            [(Kind::Email, "anna.berg@sip.example.se")]
        );
        // Asterisk's dial strings: national, `00` and `46` without its `+`.
        assert_eq!(
            phones(
                "Dial,PJSIP/0763498078@trunk-telia,60 IAX2/00442079460585@t Local/46728369091@x"
            ),
            ["0763498078", "00442079460585", "46728369091"]
        );
        // Caller IDs, and whole fields of a headerless call record that names a channel.
        assert_eq!(
            phones(
                "\"\",\"0316530906\",\"2154\",\"from-trunk\",\"\"\"Ulf Ali\"\" <083585941>\",\
                 \"PJSIP/2154-0a\",\"Dial\",\"PJSIP/2154,30\",\"1731964932.29909\"\n"
            ),
            ["0316530906", "083585941"]
        );
        // Not without a channel on the line, nor after another word or scheme.
        assert!(phones("\"\",\"0316530906\",\"2154\",\"from-trunk\"\n").is_empty());
        assert!(phones("/usr/local/0316530906 xsip:0316530906 http:0316530906@x").is_empty());
        assert!(phones("PJSIP/4915134095291@trunk PJSIP/12345678901@t").is_empty());
    }

    #[test]
    fn vat_numbers_and_the_call_ids_of_sip() {
        // A VAT number is an organisation number glued to letters: not reported.
        assert!(found("<cbc:CompanyID>SE556036079301</cbc:CompanyID>").is_empty());
        // A SIP Call-ID is no mailbox, in its long or compact header.
        assert_eq!(
            found(
                "Call-ID: c3ab666dffc8@pbx.example.se\r\ni: 77aa@pbx.example.se\nTo: bo@example.se"
            ),
            [(Kind::Email, "bo@example.se")]
        );
    }

    #[test]
    fn labelled_national_numbers_without_separators() {
        // Landlines, 010 and 0771 numbers of eight to ten digits, written without
        // separators, are phone numbers where a label or the column's name says so.
        for (text, number) in [
            ("\"telefon\": \"0894575119\"", "0894575119"),
            ("Telefon: 083854365", "083854365"),
            ("{\"phoneWork\": \"090644344\"}", "090644344"),
            ("\"phoneNumber\": \"0771190695\"", "0771190695"),
            ("TEL;TYPE=WORK:0542984001", "0542984001"),
            ("Ring mig på 088592886 efter kl. 17.", "088592886"),
            ("Ringde från 0104625621, vill bli kontaktad", "0104625621"),
            ("Direkt: 0107191691", "0107191691"),
            ("<cbc:Telephone>083408722</cbc:Telephone>", "083408722"),
        ] {
            assert_eq!(found(text), [(Kind::Phone, number)], "{text}");
        }
        let csv = "namn;telefon;arbetstelefon;kund\nAnna;031123456;0101234567;0894575119\n";
        assert_eq!(
            found_in_file(csv),
            [(Kind::Phone, "031123456"), (Kind::Phone, "0101234567")]
        );
        // A ticket column's numbers are tickets, grouped or not.
        let csv = "ts,host,ticket\n1631606666,sensor-52a4ef,0408-9359\n1631606667,sensor-52a4ef,070-123 45 67\n";
        assert_eq!(found_in_file(csv), []);
        // So are an object column's, in the shape of North American numbers too.
        let csv = "Objektnr;Adress;Telefon\n235-152-4156;Storgatan 1;212-555-0143\n";
        assert_eq!(found_in_file(csv), [(Kind::Phone, "212-555-0143")]);
        // The calling and the called party of an operator's call record.
        let cdr = "record_id;call_type;a_number;b_number;cell_id
6020;MOC;0192941206;050022101;3953
";
        assert_eq!(
            found_in_file(cdr),
            [(Kind::Phone, "0192941206"), (Kind::Phone, "050022101")]
        );
        let cdr = "Post;A-nummer;B-nummer\n1;0192941206;050022101\n";
        assert_eq!(
            found_in_file(cdr),
            [(Kind::Phone, "0192941206"), (Kind::Phone, "050022101")]
        );
        // Unlabelled, under another label, or too short or long: no phone number.
        for text in [
            "0894575119",
            "order 031123456",
            "Telefon: 0812345",
            "Telefon: 08123456789",
            "Telefon: 0012345678",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn compact_mobiles_labelled_as_references() {
        // A mobile-shaped number after a payment-reference, payer or identity label is not
        // a phone number; after a phone label it is.
        for text in [
            "Betalning mottagen OCR 0723133369 belopp",
            "[swish] payment from 0728679714 ref 0737024182 amount",
            "<cbc:PaymentID>0792563298</cbc:PaymentID>",
            "\"betalarnummer\": \"0796795516\"",
            "Ogiltigt personnummer 0703311854 avvisades",
            "swish OCR 0723133369",
        ] {
            assert!(
                !found(text).iter().any(|f| f.1 != "0728679714"),
                "{text}: {:?}",
                found(text)
            );
        }
        assert_eq!(
            found("payment from 0728679714"),
            [(Kind::Phone, "0728679714")]
        );
        // The same for a Luhn-valid 13-digit number starting with 4 (a Visa shape).
        assert_eq!(found("\"betalarnummer\": \"4853916813577\""), []);
        assert_eq!(
            found("kort 4853916813577"),
            [(Kind::PaymentCard, "4853916813577")]
        );
    }

    #[test]
    fn labels_after_punctuation_and_columns_that_only_start_like_one() {
        assert_eq!(
            found("Kontakt\u{a0}tel 0701130403"),
            [(Kind::Phone, "0701130403")]
        );
        assert_eq!(found("•Tel: 0894575119"), [(Kind::Phone, "0894575119")]);
        assert_eq!(found_in_file("call_id;dur\n012345678;30\n"), []);
        // An estate's organisation number needs its label nearer than a time's.
        let estate = (b'0'..=b'9')
            .map(|c| format!("176543210{}", char::from(c)))
            .find(|v| luhn_valid(v.as_bytes()))
            .unwrap();
        assert_eq!(found(&format!("{{\"org\":\"acme\",\"ts\":{estate}}}")), []);
        assert_eq!(
            found(&format!("orgnr {estate}")),
            [(Kind::Organisationsnummer, estate.as_str())]
        );
        // A firewall's address after `fw=`.
        assert_eq!(
            found("fw=203.0.113.5 src=10.0.0.1"),
            [
                (Kind::IpAddress, "203.0.113.5"),
                (Kind::IpAddress, "10.0.0.1")
            ]
        );
    }

    #[test]
    fn a_phone_column_after_an_escape() {
        // `\u00b7` is a middle dot; the number after it stands in a phone column.
        let text = "telefon;x\n\\u00b708123456;1\n";
        let cfg = test_config();
        let cfg = cfg.for_file(text.as_bytes());
        let mut plain = Vec::new();
        scan_blocks(
            blocks::Portable,
            text.as_bytes(),
            &cfg,
            None,
            &mut plain,
            false,
        );
        assert_eq!(found_in_file(text), [(Kind::Phone, "08123456")]);
        let plain: Vec<&str> = plain.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(plain, ["08123456"]);
    }

    #[test]
    fn dotted_quads_that_are_versions_or_numbered_sections() {
        for text in [
            "\"reader_ip\": \"10.219.9.252\", \"fw\": \"9.2.19.224\"",
            "Version;8.16.5.65;",
            "OID;2.5.4.3;",
            "när den är klar. OS 8.20.5.52.",
            "Se även bilaga 3.8.1.5.",
        ] {
            assert!(
                found(text).iter().all(|f| f.1 == "10.219.9.252"),
                "{text}: {:?}",
                found(text)
            );
        }
        let csv = "hostname,ip,os_version\nNV-WS-2102,172.28.225.207,10.0.206.14\n";
        assert_eq!(found_in_file(csv), [(Kind::IpAddress, "172.28.225.207")]);
        assert_eq!(
            found("  subjectOID: 2.5.4.3, android 1.2.3.4"),
            [(Kind::IpAddress, "1.2.3.4")]
        );
        // A number that starts a line and a sentence numbers a paragraph; an address that
        // starts a line is followed by a host, a dash, a method or a field.
        let doc = "4.2.1.3 Behandling av personuppgifter\n## 2.1.0.4. Syfte\n\
                   18.7.5.8 \u{d6}verklagande av dom\n13.7.5.8 I brottm\u{e5}l ska\n";
        assert_eq!(found_in_file(doc), []);
        let hosts = "10.2.1.4 Webbserver\n192.168.1.5 db01\n4.2.1.3 - - [04/Dec/2026]\n\
                     5.6.7.8 GET /index\n2.1.1.4 DNS\nsee 4.2.1.3 Behandling\n";
        let found: Vec<&str> = found_in_file(hosts).iter().map(|f| f.1).collect();
        assert_eq!(
            found,
            [
                "10.2.1.4",
                "192.168.1.5",
                "4.2.1.3",
                "5.6.7.8",
                "2.1.1.4",
                "4.2.1.3"
            ]
        );
    }

    #[test]
    fn numbers_after_a_glued_run_and_a_space() {
        assert_eq!(
            found("via eth0 192.0.2.1"),
            [(Kind::IpAddress, "192.0.2.1")]
        );
        assert_eq!(
            found("lgh B12 811218-9876"),
            [(Kind::Personnummer, "811218-9876")]
        );
        assert_eq!(
            found(r#"{"t":"n\u00e5s p\u00e5 073-993 87 84"}"#),
            [(Kind::Phone, "073-993 87 84")]
        );
        // Groups joined by a hyphen stay with the glued run.
        assert_eq!(found("SKU12-8112189876 x"), []);
    }

    #[test]
    fn numbers_of_tickets_orders_and_times() {
        assert_eq!(found("see ticket INC-20231028-0009, ORD-5560360793"), []);
        assert_eq!(found("KB-2024131035;2024-05-27;Olof"), []);
        // Compact digits named a payment reference or a count of time are neither.
        assert_eq!(
            found("{\"gateway\": \"swish\", \"ocr\": \"8001282808\"}"),
            []
        );
        assert_eq!(found("__MONOTONIC_TIMESTAMP=9256615403\n"), []);
        // Also as JSON inside a string, whose quotes are escaped (`\"iat\":`), and under
        // the reference of a payment or a build.
        assert_eq!(
            found(r#""SET" "s:1" "{\"iat\":1709798803}" "{\"orderId\":\"9853128248\"}""#),
            []
        );
        assert_eq!(found("Payment reference: 2103075087"), []);
        assert_eq!(found("Version 3.9.3+build.202403041052"), []);
        assert_eq!(found("}\n#KSUMMA 2167411673\n"), []);
        // The label of the line before an escaped line break is not this number's.
        assert_eq!(
            found(r#"{"body": "{\n  \"orgnr\": null,\n  \"ocr\": \"1069580965\"\n}"}"#),
            []
        );
        assert_eq!(
            found("OCR, pnr 8112189876"),
            [(Kind::Personnummer, "8112189876")]
        );
        // A recent date and a time of day in a path or a file name stamp a backup; the
        // same digits elsewhere, or without a time of day, are someone's.
        assert_eq!(
            found("backup.sh --target s3://backups-634378/20241217-0306 >/dev/null"),
            []
        );
        assert_eq!(found("\"key\":\"backups/db_20241217-0306.sql.gz\""), []);
        assert_eq!(
            found("pnr 20241217-0306, /kund/19780524-1572.pdf"),
            [
                (Kind::Personnummer, "20241217-0306"),
                (Kind::Personnummer, "19780524-1572")
            ]
        );
        // A two-letter label or country before the hyphen is no code.
        assert_eq!(
            found("ID-8112189876, SE-5560360793"),
            [
                (Kind::Personnummer, "8112189876"),
                (Kind::Organisationsnummer, "5560360793")
            ]
        );
        assert_eq!(found("Stripe-Signature: t=1710268465,v1=ab"), []);
        assert_eq!(
            found("pnr: 20231028-0009, x-8112189876"),
            [
                (Kind::Personnummer, "20231028-0009"),
                (Kind::Personnummer, "8112189876")
            ]
        );
    }

    /// A phone number identifies a person (Art. 4(1)) wherever its label, field or column
    /// says so; a payment reference or a barcode is no one's number, nor an organisation
    /// number (a legal person's, reported as its own kind).
    #[test]
    fn references_barcodes_and_telecom_fields() {
        // Ten Luhn-valid digits that a reference or order label calls so are no organisation
        // number; after a company's name or an organisation label they are one.
        assert_eq!(
            found("{\"order\":\"3264976616\",\"ocr\":\"2929921431\"} ocr=5478252405"),
            []
        );
        assert_eq!(
            found("Acme AB 5560360793, orgnr 5560360793"),
            [
                (Kind::Organisationsnummer, "5560360793"),
                (Kind::Organisationsnummer, "5560360793")
            ]
        );
        // A European article number that passes Luhn is no Maestro card after its label.
        assert_eq!(found("Streckkod EAN 5093123538944"), []);
        assert_eq!(
            found("kort 5093123538944"),
            [(Kind::PaymentCard, "5093123538944")]
        );
        // Landlines without separators in an HL7 telecommunication field and after vCard's
        // `TEL;TYPE=WORK,VOICE:`; not before other HL7 codes.
        assert_eq!(
            found(
                "ZTL|1||x||||||||031123456^PRN^PH~|018268082^WPN^CP|018268082^^FX|031123456^ABC^XY|"
            ),
            [
                (Kind::Phone, "031123456"),
                (Kind::Phone, "018268082"),
                (Kind::Phone, "018268082")
            ]
        );
        assert_eq!(
            found("TEL;TYPE=WORK,VOICE:046327213\r\n"),
            [(Kind::Phone, "046327213")]
        );
        // As the number of an entry typed as a phone line.
        assert_eq!(
            found(
                "[{\"type\": \"home\", \"number\": \"031123456\"}, {\"type\": \"order\", \"number\": \"031123456\"}] type: mobile, value: 0313910610"
            ),
            [(Kind::Phone, "031123456"), (Kind::Phone, "0313910610")]
        );
        assert_eq!(
            found("PID|1||||||||||||046344107|"),
            [(Kind::Phone, "046344107")]
        );
        // Phone numbers that start like a date are no date.
        assert_eq!(
            found("Tel +468 12 34 56: v\u{e4}xel; ring 0708-12 34 56: kv\u{e4}ll"),
            [
                (Kind::Phone, "+468 12 34 56"),
                (Kind::Phone, "0708-12 34 56")
            ]
        );
        // By their place in an HL7 segment: NK1-5, NK1-6 and PID-13; not NK1-3 or PV1-5.
        assert_eq!(
            found(
                "\rNK1|1|Ek^Ali|SPO|Vasagatan 4^^Kiruna|046624445|0830138243\rPID|1||||||||||||046344107~031123456|\rNK1|1|Ek^Ali|046624445|\rPV1|1|I|x|y|046624445|"
            ),
            [
                (Kind::Phone, "046624445"),
                (Kind::Phone, "0830138243"),
                (Kind::Phone, "046344107"),
                (Kind::Phone, "031123456")
            ]
        );
    }

    /// Organisation numbers identify legal persons and are reported as their own kind; a
    /// number that only passes their checksum (sessions, references, section numbers) is
    /// neither theirs nor anyone's personal data (Art. 4(1)).
    #[test]
    fn identifiers_that_pass_a_checksum() {
        // Ten digits that pass as an organisation number are one, but right after a word
        // for another identifier (a session, a sequence, a path of invoices).
        assert_eq!(
            found(
                "sessionid=5560360793 GET /api/v9/invoices/5560360793 SEQ=5560360793 Session_ID=5560360793\n\
                 Acme AB 5560360793\n5560360793\n<cbc:CompanyID schemeID=\"0007\">5560360793<"
            ),
            [
                (Kind::Organisationsnummer, "5560360793"),
                (Kind::Organisationsnummer, "5560360793"),
                (Kind::Organisationsnummer, "5560360793")
            ]
        );
        // An organisation label nearer than a reference label decides.
        assert_eq!(
            found("OCR saknas, orgnr 5560360793"),
            [(Kind::Organisationsnummer, "5560360793")]
        );
        assert_eq!(found("orgnr saknas, OCR 5560360793"), []);
        // Mobile-shaped order and case numbers; a giro payment's reference.
        assert_eq!(
            found(
                "order=0796060287\n\u{c4}rendenr 0734801018\nOrder nr. 0725740183\nBG 6999-4820 0736876913"
            ),
            []
        );
        // References in ISO 20022 messages.
        assert_eq!(
            found("<Ref>5560360793</Ref><AcctSvcrRef>4111111111111111</AcctSvcrRef>"),
            []
        );
        assert_eq!(
            found("ref=4111111111111111 ref=5560360793"),
            [(Kind::PaymentCard, "4111111111111111")]
        );
        // An article number in a UBL invoice; a bank account column; `16` and the number.
        let ubl = "<cac:SellersItemIdentification>\n  <cbc:ID>5560360793</cbc:ID>\n\
                   </cac:SellersItemIdentification><cac:PartyIdentification><cbc:ID>5560360793<";
        assert_eq!(found(ubl), [(Kind::Organisationsnummer, "5560360793")]);
        let csv = "Anstnr;Clearing;Kontonr;Leverant\u{f6}r\n7018;8327-9;5560360793;5560360793\n";
        assert_eq!(
            found_in_file(csv),
            [(Kind::Organisationsnummer, "5560360793")]
        );
        // A field of the customer account that holds its organisation number (Salesforce).
        assert_eq!(
            found_in_file(
                "\"Account.Name\",\"Account.Org_Nr__c\"\n\"Bolaget AB\",\"5560360793\"\n"
            ),
            [(Kind::Organisationsnummer, "5560360793")]
        );
        assert_eq!(
            found("org=165560360793 order=165560360793"),
            [(Kind::Organisationsnummer, "165560360793")]
        );
        // Section numbers and version pins are no addresses.
        assert_eq!(
            found("\u{a7} 4.2.1.3 och django>=4.2.1.3, pkg ~= 1.2.3.4"),
            []
        );
    }

    #[test]
    fn cards_in_three_groups_thread_ids_and_long_north_american_numbers() {
        // Twelve digits in three groups of four are a card only after a card label or in a
        // card column.
        assert_eq!(
            found("kortnummer 6304 2703 7258, order 6304 2703 7258"),
            [(Kind::PaymentCard, "6304 2703 7258")]
        );
        assert_eq!(
            found_in_file("namn;kortnr\nAnna;6304-2703-7258\n"),
            [(Kind::PaymentCard, "6304-2703-7258")]
        );
        // The thread id of a server log passes Luhn now and then.
        assert_eq!(
            found("[pid 12803:tid 4000123412341234] x 4000123412341234"),
            [(Kind::PaymentCard, "4000123412341234")]
        );
        // +1 and +7 numbers have ten digits after the country code.
        assert_eq!(
            found("+1 212 555 0143 och +1 212 555 01439"),
            [(Kind::Phone, "+1 212 555 0143")]
        );
        assert_eq!(
            found("+7 495 123-45-67 och +7 495 123-45-678"),
            [(Kind::Phone, "+7 495 123-45-67")]
        );
        // A landline without separators only after a phone label (ServiceNow's callback).
        assert_eq!(
            found("u_callback_number: 08123456, kod 08123456"),
            [(Kind::Phone, "08123456")]
        );
    }

    #[test]
    fn added_lines_of_a_diff_and_records_over_several_lines() {
        // The `+` of an added line in a diff is no country code.
        assert_eq!(
            found("@@ -1,2 +1,3 @@\n namn;pnr\n+Anna;811218-9876\n+811218-9876\n"),
            [
                (Kind::Personnummer, "811218-9876"),
                (Kind::Personnummer, "811218-9876")
            ]
        );
        // A quoted cell with line breaks (an issue tracker's description): the cells after
        // it are still read in their columns.
        let csv = |col: &str| {
            format!(
                "Beskrivning,{col},Status\n\"rad ett\nrad tv\u{e5}, mer\",5560360793,\u{d6}ppen\n"
            )
        };
        assert_eq!(found_in_file(&csv("Kontonr")), []);
        assert_eq!(
            found_in_file(&csv("Leverant\u{f6}r")),
            [(Kind::Organisationsnummer, "5560360793")]
        );
    }

    #[test]
    fn added_lines_far_below_the_hunk_header_of_a_patch() {
        // In a file that is a patch, a `+` that starts a line marks an added line however
        // many lines stand between it and the hunk header; in other text only near one.
        let rows = " 470828-1052,Namn,070-206 12 30\n".repeat(20);
        let patch = format!(
            "commit 9ada9c8\n\n    Fixtures\n\n--- a/p.csv\n+++ b/p.csv\n@@ -60,7 +60,8 @@\n\
             {rows}+860805-2117,Hans\n+46701234567\n"
        );
        let found = found_in_file(&patch);
        assert!(
            found.contains(&(Kind::Personnummer, "860805-2117")),
            "{found:?}"
        );
        assert!(!found.iter().any(|&(_, v)| v.starts_with('+')), "{found:?}");
        let not_patch = format!("Telefon\n{rows}+46701234567\n");
        assert!(found_in_file(&not_patch).contains(&(Kind::Phone, "+46701234567")));
    }

    #[test]
    fn identity_numbers_with_a_space_and_a_list_of_phones() {
        // A space stands for the hyphen, but not for a date of the last year and a half
        // (the test day is 2026-06-15): `260312 1407` is a date and a time in a log.
        assert_eq!(
            found("\"630523 5795\";Pnr: 310966 4585 19630523 5795 260312 1407 INFO"),
            [
                (Kind::Personnummer, "630523 5795"),
                (Kind::Samordningsnummer, "310966 4585"),
                (Kind::Personnummer, "19630523 5795")
            ]
        );
        // A wrong check digit or an impossible date stays unreported.
        assert_eq!(found("630523 5796 630230 5799"), []);
        // A landline list in JSON: the label stands before the list, on the line above.
        assert_eq!(
            found(
                "\"businessPhones\": [\n        \"018327142\"\n      ],\n\"ids\": [\n 018327142\n"
            ),
            [(Kind::Phone, "018327142")]
        );
    }

    #[test]
    fn foreign_numbers_spare_codes_and_the_tails_of_longer_numbers() {
        assert_eq!(
            found(
                "tel 0556 728 62 85, 0176 02273772; 08 123 45 67; +999 1234 5678 9012 \
                 +358 40 1234567; Kort: 6514 5046 5736 0310; kortnummer 4111 1111 1111 1111"
            ),
            [
                (Kind::Phone, "08 123 45 67"),
                (Kind::Phone, "+358 40 1234567"),
                (Kind::PaymentCard, "4111 1111 1111 1111")
            ]
        );
    }

    #[test]
    fn addresses_of_no_host_and_versions_in_settings() {
        assert_eq!(
            found(
                "127.0.0.1 localhost\n::1 localhost\nnetmask=255.255.255.0 acl 0.0.0.255 \
                 <add key=\"Version\" value=\"7.4.12.195\" /> \
                 <add key=\"Server\" value=\"12.7.27.226\" /> ::2 128.0.0.1"
            ),
            [
                (Kind::IpAddress, "12.7.27.226"),
                (Kind::IpAddress, "::2"),
                (Kind::IpAddress, "128.0.0.1")
            ]
        );
    }

    #[test]
    fn measures_slugs_articles_and_long_lines() {
        // A duration named with its unit; a product's slug in a URL (an organisation
        // number stands in a URL as a segment of its own).
        assert_eq!(
            found(
                "duration_ns=5560360793 body_bytes=5560360793 \
                 https://shop.example/butik/p-5560360793 https://bolag.example/foretag/5560360793"
            ),
            [(Kind::Organisationsnummer, "5560360793")]
        );
        // A phone-shaped article number; a phone label nearer decides.
        assert_eq!(
            found("Artikel 070-6164079 \u{e4}r slut. Order 4471, tel 070-6164079"),
            [(Kind::Phone, "070-6164079")]
        );
        // A giro account and a customs tariff code shaped like phone numbers.
        assert_eq!(
            found("<Payment account=\"Bg 0442-3155\"/> <Item hs=\"0729 44 54 25\"/>"),
            []
        );
        // A record whose line starts more than 500 bytes back is read from its end.
        let csv = format!(
            "Beskrivning;Ordernummer;Telefon\n{};0797995866;0701234567\n",
            "lorem ipsum ".repeat(60)
        );
        assert_eq!(found_in_file(&csv), [(Kind::Phone, "0701234567")]);
    }

    #[test]
    fn north_american_numbers_written_nationally() {
        assert_eq!(
            found("Call 212-555-0143 or 1-212-555-0143; (212) 555-0143."),
            [
                (Kind::Phone, "212-555-0143"),
                (Kind::Phone, "1-212-555-0143"),
                (Kind::Phone, "(212) 555-0143")
            ]
        );
        // Not with an area code or exchange from 0 or 1, other group lengths, a social
        // security number's shape, inside a longer chain or after an article label.
        assert_eq!(
            found(
                "012-555-0143 212-055-0143 212-555-01434 536-80-3777 212-555-0143-7 SKU 212-555-0143"
            ),
            []
        );
    }

    #[test]
    fn title_lines_carriage_returns_and_card_columns() {
        // A title line before the header; lines ended by carriage returns alone; a badge
        // number in a card column is no organisation's.
        let csv =
            "Avr\u{e4}kning mars 2025\nF\u{f6}rbund;Kortnr;Telefon\nHandels;5560360793;054496602\n";
        assert_eq!(
            found_in_file(csv),
            [
                (
                    Kind::SpecialCategory(crate::Category::TradeUnion),
                    "Handels"
                ),
                (Kind::Phone, "054496602")
            ]
        );
        let csv = "Namn;Telefon;Orgnr\rAnna;054496602;5560360793\r";
        assert_eq!(
            found_in_file(csv),
            [
                (Kind::Phone, "054496602"),
                (Kind::Organisationsnummer, "5560360793")
            ]
        );
        assert_eq!(
            found_in_file("Namn;Telefon\nAnna;054496602\n"),
            [(Kind::Phone, "054496602")]
        );
        assert_eq!(found("Anna;054496602"), []);
    }

    #[test]
    fn addresses_in_web_server_logs() {
        // IIS: a port, a dash between spaces, the client; a URL-encoded user agent.
        assert_eq!(
            found(
                "POST /owa/auth.owa - 443 - 4.6.95.165 Mozilla/5.0 SamsungBrowser/23.0%20Chrome/115.0.0.0%20Mobile"
            ),
            [(Kind::IpAddress, "4.6.95.165")]
        );
    }

    #[test]
    fn dates_next_to_numbers() {
        // Dates are passed over without the detectors; what stands next to one is still read.
        assert_eq!(
            found("2026-12-03;070-123 45 67;\"1985-03-12\",\"2026-12-03T10:15:00Z\""),
            [(Kind::Phone, "070-123 45 67")]
        );
        assert_eq!(
            found("(2026-12-03 10:15) 08/123 45 67 +2026-12-03; \\u002B2026-12-03;"),
            [
                (Kind::Phone, "08/123 45 67"),
                (Kind::Phone, "+2026-12-03"),
                (Kind::Phone, "\\u002B2026-12-03")
            ]
        );
        assert_eq!(
            found("födelsedatum 1985-03-12; pnr 19850312-2387"),
            [(Kind::Personnummer, "19850312-2387")]
        );
    }

    #[test]
    fn double_zero_and_a_country_code() {
        assert_eq!(
            found(
                "ring 0049 30 47530544 eller 0047 22 04 29 82; konto 0012 3456 7890, DE93 0020 3364 7420 8040 30"
            ),
            [
                (Kind::Phone, "0049 30 47530544"),
                (Kind::Phone, "0047 22 04 29 82")
            ]
        );
    }

    #[test]
    fn nothing_inside_an_account_number_whose_checksum_failed() {
        assert_eq!(
            found("SE02 5001 2295 9566 7778 8029, DK19 1101 0310 0776 83"),
            []
        );
    }

    #[test]
    fn a_plus_escaped_in_json() {
        assert_eq!(
            found(r#"{"phone": "\u002B46 73-511 57 34", "x": "a\u002B46 70 123 45 67"}"#),
            [(Kind::Phone, r"\u002B46 73-511 57 34")]
        );
    }

    #[test]
    fn a_slash_after_the_area_code() {
        assert_eq!(
            found("<Telefon>08/81 14 71 04</Telefon> 0520/166 53, 073/463 14 07"),
            [
                (Kind::Phone, "08/81 14 71 04"),
                (Kind::Phone, "0520/166 53"),
                (Kind::Phone, "073/463 14 07")
            ]
        );
        // One block after the slash, as after a hyphen, whatever follows; dates, fractions
        // and paths are no numbers.
        assert_eq!(
            found("0511/5555\u{2018} \"063/227678\";0470/38474 0511/5555 01/02"),
            [
                (Kind::Phone, "0511/5555"),
                (Kind::Phone, "063/227678"),
                (Kind::Phone, "0470/38474")
            ]
        );
        assert_eq!(found("8 012.18.185 012.18.185"), []);
        assert_eq!(
            found("01/02 2024, 1/2 12 13, /api/08/123 45 67, x08/123 45 67"),
            []
        );
    }

    #[test]
    fn blocks_of_four_end_a_number() {
        assert_eq!(
            found("ring 070-123 4567, 076 123 8288 eller 08 123 4567"),
            [
                (Kind::Phone, "070-123 4567"),
                (Kind::Phone, "076 123 8288"),
                (Kind::Phone, "08 123 4567")
            ]
        );
    }

    #[test]
    fn spaced_dashes_and_dotted_groups() {
        assert_eq!(
            found("ring 070 - 123 45 67, 08 \u{2013} 123 456 78 eller 070.123.45.67"),
            [
                (Kind::Phone, "070 - 123 45 67"),
                (Kind::Phone, "08 \u{2013} 123 456 78"),
                (Kind::Phone, "070.123.45.67")
            ]
        );
        assert_eq!(
            found("pnr 811218 - 9876; sidan 12 - 14; 08.12.34 070.123.45.67.8 1.070.123.45"),
            [(Kind::Personnummer, "811218 - 9876")]
        );
    }

    #[test]
    fn mobiles_with_four_digits_before_the_separator() {
        assert_eq!(
            found("ring 0708-12 34 56 eller 0739-123456, ej 0708-12345"),
            [(Kind::Phone, "0708-12 34 56"), (Kind::Phone, "0739-123456")]
        );
    }

    #[test]
    fn url_encoded_addresses() {
        assert_eq!(
            found("GET /unsubscribe?to=bo%2Bnews%40example.org&id=7 200"),
            [(Kind::Email, "bo%2Bnews%40example.org")]
        );
        assert_eq!(
            found("q=anna%40example.se%2C+hej"),
            [(Kind::Email, "anna%40example.se")]
        );
    }

    #[test]
    fn identity_numbers_with_an_en_dash() {
        let text = "Pnr 811218–9876, 19811218–9876; 811218–98761 och 811218–9877.";
        assert_eq!(
            found(text),
            [
                (Kind::Personnummer, "811218–9876"),
                (Kind::Personnummer, "19811218–9876")
            ]
        );
    }

    #[test]
    fn names_of_messages_code_and_versions_are_not_personal_data() {
        // Message ids in mail server logs and iCalendar UIDs.
        assert_eq!(
            found("postfix/cleanup[912]: 4F2A1: message-id=<66972a52470426cb@mail.kommun.se>\n"),
            []
        );
        assert_eq!(
            found("sendmail: msgid=<a1b2@host.example.se>, to=<anna@example.se>"),
            [(Kind::Email, "anna@example.se")]
        );
        assert_eq!(
            found("BEGIN:VEVENT\nUID:a9a1c2c2c234f350@kommun.se\nORGANIZER:mailto:eva@kommun.se"),
            [(Kind::Email, "eva@kommun.se")]
        );
        // Scope names in C++ are hex letters and colons, but no address.
        assert_eq!(found("void Cafe::feed(const Edge& e) { Ace::bad(); }"), []);
        assert_eq!(
            found("listen fe80::1 and 2001:db8::ff00:42:8329"),
            [
                (Kind::IpAddress, "fe80::1"),
                (Kind::IpAddress, "2001:db8::ff00:42:8329")
            ]
        );
        // Versions and section numbers by the word before them.
        for text in [
            "<klientversion>15.20.58.232</klientversion>",
            "version = \"9.6.29.96\"",
            "if __version__ == \"21.9.24.72\":",
            "Versionsnummer: 4.6.5.32",
            "enligt avsnitt 3.8.9.1 i avtalet",
            "Section 10.2.4.1 applies",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
        assert_eq!(
            found("host = \"10.2.4.1\""),
            [(Kind::IpAddress, "10.2.4.1")]
        );
        // The groups of a UUID are not phone numbers.
        assert_eq!(found("Guid='{977EB96B-0938-4736-B290-6D1C3C1A4C32}'"), []);
        assert_eq!(found("\"93d52b7f-0603-4771-b29f-1f0e7c5d2a10\""), []);
        assert_eq!(
            found("id 42-0701234567 och nr-0701234567"),
            [(Kind::Phone, "0701234567")]
        );
        // Words that end in hex letters are no UUID group.
        assert_eq!(
            found("Sökande-811218-9876, Ärende-811218-9876, ID-811218-9876, Phone-070-123 45 67"),
            [
                (Kind::Personnummer, "811218-9876"),
                (Kind::Personnummer, "811218-9876"),
                (Kind::Personnummer, "811218-9876"),
                (Kind::Phone, "070-123 45 67")
            ]
        );
        // A key that only contains a version word is no version.
        assert_eq!(
            found("\"build_agent_ip\": \"10.20.30.40\""),
            [(Kind::IpAddress, "10.20.30.40")]
        );
    }

    #[test]
    fn values_after_backslash_escapes() {
        use Kind::{Email, IpAddress as Ip, Personnummer as Pnr, Phone};
        let cases: [(&str, &[(Kind, &str)]); 8] = [
            // JSON, vCard and iCalendar write line breaks, tabs and other characters as
            // escapes right against a value.
            (
                r#""Hej!\nMitt personnummer \u00e4r\n19811218-9876\r\n811218-9876\nMvh""#,
                &[(Pnr, "19811218-9876"), (Pnr, "811218-9876")],
            ),
            (
                r"Telefon:\t0774-14 75 96\tE-post:\tasa-karlsson@malmo.se, \t+46737805943",
                &[
                    (Phone, "0774-14 75 96"),
                    (Email, "asa-karlsson@malmo.se"),
                    (Phone, "+46737805943"),
                ],
            ),
            (
                r"Kontakt: \u003cJONAS.SODERBERG@malmo.se\u003e, NOTE:Ring efter 17\n072-969 85 94",
                &[
                    (Email, "JONAS.SODERBERG@malmo.se"),
                    (Phone, "072-969 85 94"),
                ],
            ),
            // `\u00a0` is a no-break space even when its last hex digits run into the number.
            (
                r"Personnummer:\u00a0811218-9876, mobil\u00a0073-140 81 49, \u00a08112189876",
                &[
                    (Pnr, "811218-9876"),
                    (Phone, "073-140 81 49"),
                    (Pnr, "8112189876"),
                ],
            ),
            (
                r"\u00a0+46705876402 \u003c2001:db8::ff00:42\u003e \u003c::ffff:10.1.2.3",
                &[
                    (Phone, "+46705876402"),
                    (Ip, "2001:db8::ff00:42"),
                    (Ip, "::ffff:10.1.2.3"),
                ],
            ),
            // Escapes whose hex digits are all digits (.NET writes `"` as `\u0022`), and the
            // escapes `\f` and `\b`, whose letters are hex digits.
            (
                r"\u0022811218-9876\u0022 \u20130701234567 \f::2 \b2001:db8::1",
                &[
                    (Pnr, "811218-9876"),
                    (Phone, "0701234567"),
                    (Ip, "::2"),
                    (Ip, "2001:db8::1"),
                ],
            ),
            // An escaped letter glues; an escaped backslash before a letter is no escape.
            (
                r"\u00e4811218-9876 \\n811218-9876 x\u00e4anna@example.se",
                &[],
            ),
            (
                r"\u00e5070-123 45 67 \\t0701234567 \u00e4\u00a00701234567",
                &[(Phone, "0701234567")],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn typographic_separators() {
        // No-break, narrow no-break and thin spaces between groups, as in Word and HTML.
        assert_eq!(
            found("Tel.\u{a0}070\u{a0}763\u{a0}19\u{a0}37, vx 08\u{2011}123\u{202f}456\u{202f}78."),
            [
                (Kind::Phone, "070\u{a0}763\u{a0}19\u{a0}37"),
                (Kind::Phone, "08\u{2011}123\u{202f}456\u{202f}78")
            ]
        );
        assert_eq!(
            found("+46\u{2009}70\u{2009}123\u{2009}45\u{2009}67 och (08)\u{a0}123\u{a0}45\u{a0}67"),
            [
                (Kind::Phone, "+46\u{2009}70\u{2009}123\u{2009}45\u{2009}67"),
                (Kind::Phone, "(08)\u{a0}123\u{a0}45\u{a0}67")
            ]
        );
        assert_eq!(
            found("Kort 4111\u{a0}1111\u{a0}1111\u{a0}1111; nr 12 811218–9876"),
            [
                (Kind::PaymentCard, "4111\u{a0}1111\u{a0}1111\u{a0}1111"),
                (Kind::Personnummer, "811218–9876")
            ]
        );
        // Windows-1252: the no-break space is the byte A0.
        let cp1252 = b"tel 070\xa0763\xa019\xa037. 811218\x969876";
        let cfg = test_config();
        let mut hits = Vec::new();
        scan_all(cp1252, &cfg, None, &mut hits);
        assert_eq!(
            hits.iter()
                .map(|h| (h.kind, h.start, h.end))
                .collect::<Vec<_>>(),
            [(Kind::Phone, 4, 17), (Kind::Personnummer, 19, 30)]
        );
        // Amounts grouped by thousands are not phone numbers; a separator alone joins nothing.
        assert_eq!(
            found("1\u{a0}234\u{a0}567 kr, 070\u{a0}\u{a0}763 19 37"),
            []
        );
    }

    #[test]
    fn decodes_like_the_standard_library() {
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for a in [
            0xC1u8, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5,
        ] {
            for b in [0x7Fu8, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
                for c in [0x80u8, 0xBF, 0x41] {
                    cases.push(vec![a, b, c, 0x80]);
                }
            }
        }
        for bytes in cases {
            let want = bytes.utf8_chunks().next().and_then(|k| {
                let c = k.valid().chars().next()?;
                Some((c, c.len_utf8()))
            });
            assert_eq!(decode(&bytes, 0), want, "{bytes:x?}");
        }
    }

    #[test]
    fn latin_letters_without_tables() {
        for c in '\u{80}'..='\u{2ff}' {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn glue_reads_characters() {
        let t = "x”8»é8…8\u{a0}8\u{feff}8ö";
        let at = |needle: &str| t.find(needle).unwrap();
        assert!(!glued_before(t.as_bytes(), at("8»")));
        assert!(!glued_at(t.as_bytes(), at("»")));
        assert!(glued_before(t.as_bytes(), at("8…")));
        assert!(!glued_at(t.as_bytes(), at("…")));
        assert!(!glued_at(t.as_bytes(), at("\u{a0}")));
        assert!(!glued_before(t.as_bytes(), at("\u{feff}8") + 3));
        assert!(!glued_before(t.as_bytes(), at("8ö")));
        assert!(glued_at(t.as_bytes(), at("ö")));
        assert!(glued_before(t.as_bytes(), t.len()));
        // Windows-1252: ö is a letter, » and the no-break space are not.
        assert!(glued_at(b"8\xf6", 1) && glued_before(b"\xf68", 1));
        assert!(!glued_at(b"8\xbb", 1) && !glued_before(b"\xa08", 1));
        assert!(right_boundary_ok(b"8503121234,17", 10));
        assert!(left_boundary_ok(b"17,8503121234", 3));
        assert!(!left_boundary_ok(b"17.8503121234", 3));
        // An underscore starts a field of a name; after the number it joins a suffix.
        assert!(left_boundary_ok(b"kund_197805241572.json", 5));
        assert!(!right_boundary_ok(b"4174250073219_c1ee.jpg", 13));
        assert_eq!(
            found("exports/kund_197805241572.json"),
            [(Kind::Personnummer, "197805241572")]
        );
        assert_eq!(found("avatars/4174250073219_c1eec92d_72.jpg"), []);
    }

    #[test]
    fn words_in_any_case() {
        assert!(same_word("Ärendenr".as_bytes(), "ärendenr".as_bytes()));
        assert!(same_word("VÄXEL".as_bytes(), "växel".as_bytes()));
        assert!(same_word(b"OCR", b"ocr"));
        assert!(!same_word("×".as_bytes(), "÷".as_bytes()));
        assert!(!same_word(b"ocr", b"ocrx"));
    }

    #[test]
    fn luhn() {
        assert!(luhn_valid(b"8112189876"));
        assert!(!luhn_valid(b"8112189875"));
        assert!(luhn_valid(b"4111111111111111"));
        assert!(!luhn_valid(b""));
    }
}
