//! Telephone numbers.
//!
//! * Swedish national forms: an area code (`08`, `0XX`, `0XXX`; mobile `070`, `072`, `073`,
//!   `076`, `079`) followed by `-` or a space and the subscriber number in space-separated
//!   groups, 8–10 digits in all: `070-123 45 67`, `08-123 456 78`, `031-12 34 56`,
//!   `070 1234567`, also with a spaced dash (`070 - 123 45 67`) or in dotted groups
//!   (`070.123.45.67`). Without separators a ten-digit mobile number (`0701234567`)
//!   anywhere, and any national number of 8–10 digits (`0894575119`, `031123456`) where a
//!   phone label stands before it or its column is named so: bare digits are too often
//!   something else.
//! * International: `+46 70 123 45 67`, `+46 (0)8-123 456 78`, `+46701234567`, `0046 …`
//!   (Swedish national significant number of 7–9 digits), and other E.164 numbers written
//!   with `+` (8–15 digits in all).

use super::{Hit, glued_at, glued_before, is_digit, right_boundary_ok, separator};

use crate::kind::Kind;

/// Detector name of Swedish national numbers.
pub const DETECTOR_SE: &str = "phone_se";
/// Detector name of `+`/`00` international numbers.
pub const DETECTOR_INTL: &str = "phone_e164";

/// Detector name of North American numbers written nationally (`(212) 555-0143`).
pub const DETECTOR_NANP: &str = "phone_nanp";

fn mobile_prefix(d: &[u8]) -> bool {
    d.len() >= 3 && d[0] == b'0' && d[1] == b'7' && matches!(d[2], b'0' | b'2' | b'3' | b'6' | b'9')
}

/// Validates a Swedish national number given as its digits (with the leading 0) and the
/// length of its area code (0 when written without separators).
pub fn national_valid(d: &[u8], area_len: usize) -> bool {
    let n = d.len();
    if n < 2 || d[0] != b'0' || d[1] == b'0' {
        return false;
    }
    if area_len == 0 {
        return n == 10 && mobile_prefix(d);
    }
    if d[1] == b'7' {
        // Mobiles (also with four digits before the separator: `0708-12 34 56`), or the
        // non-geographic 074x, 077x (0771 …) and 078x services.
        return ((area_len == 3 || area_len == 4) && n == 10 && mobile_prefix(d))
            || (area_len == 4 && matches!(d[2], b'4' | b'7' | b'8') && (8..=10).contains(&n));
    }
    match area_len {
        2 => d[1] == b'8' && (8..=10).contains(&n),
        3 | 4 => d[1] != b'8' && (8..=10).contains(&n),
        _ => false,
    }
}

/// Whether the number that ends at `e` is followed by the use and equipment codes of an HL7
/// v2 telecommunication field (XTN), which say it is a phone or fax number:
/// `031123456^PRN^PH`, `018268082^WPN^CP`, `^^FX` (no use code). HL7 messages carry
/// no label before the number.
pub(crate) fn hl7_telecom_after(hay: &[u8], e: usize) -> bool {
    let Some(rest) = hay.get(e..hay.len().min(e + 8)) else {
        return false;
    };
    let (use_code, after) = match rest {
        [b'^', b'^', tail @ ..] => (true, tail),
        [b'^', a, b, c, b'^', tail @ ..] => {
            ([a, b, c].iter().all(|x| x.is_ascii_uppercase()), tail)
        }
        _ => return false,
    };
    use_code
        && matches!(
            after,
            [b'P', b'H', ..] | [b'C', b'P', ..] | [b'F', b'X', ..]
        )
        && after.get(2).is_none_or(|&c| !c.is_ascii_alphanumeric())
}

/// Whether the value at `s` is the number of an entry typed as a phone line, the shape of
/// contact lists in JSON and YAML: `{"type": "home", "number": "031123456"}`,
/// `type: mobile, value: 0701234567` (the three words before it on its line, within 60
/// bytes, are a key such as `type`, a kind of line and a key such as `number`).
pub(crate) fn typed_as_phone(hay: &[u8], s: usize) -> bool {
    const KEYS: &[&str] = &["type", "typ", "kind", "label"];
    const LINES: &[&str] = &[
        "home", "work", "mobile", "cell", "fax", "landline", "main", "hem", "arbete", "mobil",
        "bostad", "jobb", "fast",
    ];
    const NUMBERS: &[&str] = &["number", "nummer", "value", "nr"];
    let from = s.saturating_sub(60);
    let line = match hay[from..s].iter().rposition(|&b| b == b'\n') {
        Some(i) => &hay[from + i + 1..s],
        None => &hay[from..s],
    };
    let mut words = line
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let mut next_in = |list: &[&str]| {
        words
            .next()
            .is_some_and(|w| list.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes())))
    };
    // Only quotes, colons, spaces and `=` between the last key and the value.
    line.iter()
        .rev()
        .take_while(|b| !b.is_ascii_alphanumeric())
        .all(|b| matches!(b, b'"' | b'\'' | b':' | b' ' | b'='))
        && next_in(NUMBERS)
        && next_in(LINES)
        && next_in(KEYS)
}

/// Whether the value at `s` stands first in a field of an HL7 v2 segment that holds phone
/// numbers: PID-13 and PID-14 (home and business), NK1-5 and NK1-6 (a next of kin's),
/// GT1-6 and GT1-7 (a guarantor's), also as a later repetition after `~`. The segment starts
/// after a `\r` or a line end within 500 bytes, or at the start of the input.
pub(crate) fn in_hl7_phone_field(hay: &[u8], s: usize) -> bool {
    if s == 0 || !matches!(hay[s - 1], b'|' | b'~') {
        return false;
    }
    let from = s.saturating_sub(500);
    let start = match hay[from..s]
        .iter()
        .rposition(|&b| matches!(b, b'\r' | b'\n'))
    {
        Some(i) => from + i + 1,
        // The first segment of the input.
        None if from == 0 => 0,
        None => return false,
    };
    let fields: &[usize] = match hay.get(start..start + 4) {
        Some(b"PID|") => &[13, 14],
        Some(b"NK1|") => &[5, 6],
        Some(b"GT1|") => &[6, 7],
        _ => return false,
    };
    let field = hay[start + 4..s].iter().filter(|&&b| b == b'|').count() + 1;
    fields.contains(&field)
}

/// Whether `d`, digits written without separators, can be a Swedish national number of any
/// kind (area code and subscriber number, 8–10 digits; taken only where labelled).
pub fn compact_valid(d: &[u8]) -> bool {
    (8..=10).contains(&d.len()) && d[0] == b'0' && d[1] != b'0'
}

/// Validates an international number given as its digits after `+` / `00`.
pub fn international_valid(d: &[u8]) -> bool {
    if d.is_empty() || d[0] == b'0' || spare_code(d) {
        return false;
    }
    if d.starts_with(b"46") {
        let nsn = &d[2..];
        return (7..=9).contains(&nsn.len()) && nsn[0] != b'0';
    }
    // The North American plan and Russia and Kazakhstan: ten digits after the country code
    // (`+1 212 555 0143`, `+7 495 123-45-67`).
    if matches!(d[0], b'1' | b'7') {
        return d.len() == 11;
    }
    (8..=15).contains(&d.len())
}

/// URI schemes and telephony channels whose next part is the number a call comes from or
/// goes to: SIP and tel URIs (`sip:+46701234567@operator.se`, `tel:+46…`, any case) and
/// Asterisk's channels (`PJSIP/0701234567@trunk`, as written).
const URI_SCHEMES: &[&[u8]] = &[b"sip:", b"sips:", b"tel:"];
const CHANNELS: &[&[u8]] = &[b"SIP/", b"PJSIP/", b"IAX2/", b"DAHDI/", b"Local/"];

/// Whether `hay[s..]` is the user part of a SIP or tel URI or the number of a telephony
/// channel: one of their prefixes ends right before `s`, with no word byte before it.
pub(crate) fn after_telephony_prefix(hay: &[u8], s: usize) -> bool {
    if s == 0 || !matches!(hay[s - 1], b':' | b'/') {
        return false;
    }
    let starts_word = |k: usize| k == 0 || !super::is_word(hay[k - 1]);
    URI_SCHEMES.iter().any(|p| {
        s >= p.len() && hay[s - p.len()..s].eq_ignore_ascii_case(p) && starts_word(s - p.len())
    }) || CHANNELS
        .iter()
        .any(|p| hay[..s].ends_with(p) && starts_word(s - p.len()))
}

/// Whether digits written without separators are a number a telephone system dials or
/// shows: a Swedish national number, `00` and an international number, or `46` and a
/// Swedish number without its trunk `0` (E.164 without its `+`).
pub(crate) fn dialled(d: &[u8]) -> bool {
    compact_valid(d)
        || (d.starts_with(b"00") && international_valid(&d[2..]))
        || (d.starts_with(b"46") && international_valid(d))
}

/// The detector of digits that are [`dialled`]: the Swedish one for a national number, the
/// international one for the others (`0046…`, `46…`); `None` for digits no one dials.
pub(crate) fn dialled_detector(d: &[u8]) -> Option<&'static str> {
    match compact_valid(d) {
        true => Some(DETECTOR_SE),
        false => dialled(d).then_some(DETECTOR_INTL),
    }
}

/// The number at `s` that is the user part of a SIP or tel URI or the number of a telephony
/// channel ([`after_telephony_prefix`]): `+` and an international number, or [`dialled`]
/// digits, up to `@`, `;`, `>`, `,`, a quote, a space or the line end. Returns its end.
pub(crate) fn uri_number(hay: &[u8], s: usize) -> Option<usize> {
    let plus = hay.get(s) == Some(&b'+');
    let ds = s + usize::from(plus);
    let de = digits_end(hay, ds);
    let ends = hay.get(de).is_none_or(|&b| {
        matches!(
            b,
            b'@' | b';' | b'>' | b',' | b'"' | b'\'' | b' ' | b'\t' | b'\r' | b'\n'
        )
    });
    let d = &hay[ds..de];
    let valid = match plus {
        true => international_valid(d),
        false => dialled(d),
    };
    (ends && valid).then_some(de)
}

/// Whether the digits at `s..e` stand where a call record keeps a party's number: as a
/// caller ID after the caller's name (`"Anna Berg" <0701234567>`), or as a whole quoted
/// field of a CSV line that names a telephony channel (Asterisk's headerless `Master.csv`:
/// `"","0701234567","2154","from-trunk",…,"PJSIP/2154-0000a1b2",…`).
pub(crate) fn telephony_field(hay: &[u8], s: usize, e: usize) -> bool {
    if s >= 3 && &hay[s - 3..s] == b"\" <" && hay.get(e) == Some(&b'>') {
        return true;
    }
    let quoted = s >= 1
        && hay[s - 1] == b'"'
        && hay.get(e) == Some(&b'"')
        && (s == 1 || matches!(hay[s - 2], b',' | b'\n'))
        && hay
            .get(e + 1)
            .is_none_or(|&b| matches!(b, b',' | b'\r' | b'\n'));
    quoted && {
        let (a, z) = super::generic::line_within(hay, s, e, 600);
        CHANNELS.iter().any(|c| super::contains(&hay[a..z], c))
    }
}

/// Country codes the ITU has not assigned (spare or reserved, E.164 annex): a number after
/// `+999` or `+28` is a test value or something else (`rejects +999 1234 5678 9012`). The
/// two-digit codes, then the three-digit ones, as numbers, sorted (looked up by bisection:
/// a comparison with each spelled-out code took a twentieth of a scan of contact lists).
const SPARE_CODES_2: &[u16] = &[28, 83, 89];
const SPARE_CODES_3: &[u16] = &[
    210, 214, 215, 217, 219, 259, 292, 293, 294, 295, 296, 422, 424, 425, 426, 427, 428, 429, 693,
    694, 695, 696, 697, 698, 699, 801, 802, 803, 804, 805, 806, 807, 809, 851, 854, 857, 858, 859,
    884, 885, 887, 889, 969, 990, 997, 999,
];

/// Whether the digits `d` begin with a spare country code.
fn spare_code(d: &[u8]) -> bool {
    let first = |k: usize| {
        d.get(..k)
            .filter(|p| p.iter().all(u8::is_ascii_digit))
            .map(|p| p.iter().fold(0u16, |n, &b| 10 * n + u16::from(b - b'0')))
    };
    first(2).is_some_and(|n| SPARE_CODES_2.binary_search(&n).is_ok())
        || first(3).is_some_and(|n| SPARE_CODES_3.binary_search(&n).is_ok())
}

/// Words that label a phone number, in text and as column names (`telefon`, `mobilnr`,
/// `"phoneWork"`, `TEL;TYPE=WORK:`).
pub(crate) const PHONE_LABELS: &[&str] = &[
    "tel",
    "telefon",
    "telefonnummer",
    "telnr",
    "phone",
    "telephone",
    "mobil",
    "mobile",
    "mobilnummer",
    "mobilnr",
    "cellphone",
    "fax",
    "sms",
    "msisdn",
    "tfn",
    "tlf",
    "phonenumber",
    "telephonenumber",
    "mobilephone",
    "mobilenumber",
    "telefonnr",
    "mobiltelefon",
    "arbetstelefon",
    "hemtelefon",
    "kontakttelefon",
    "telefax",
    "direktnummer",
    // ServiceNow's `u_callback_number`
    "callback",
    "växel",
    "swish",
    // Lists of numbers (`"businessPhones": [`, Microsoft Graph).
    "phones",
    "telephones",
    "telefoner",
];

/// Column names of the calling and the called party in telephone operators' call records
/// (`a_number`, `B-nummer`, `calling_number`), with their separators left out.
const PARTY_COLUMNS: &[&[u8]] = &[
    b"anumber",
    b"bnumber",
    b"anummer",
    b"bnummer",
    b"callingnumber",
    b"callednumber",
];

/// Whether the column name `name` (ASCII lower case) is one of [`PARTY_COLUMNS`].
pub(crate) fn party_column(name: &[u8]) -> bool {
    let joined = || name.iter().copied().filter(|&b| b != b'_' && b != b'-');
    PARTY_COLUMNS.iter().any(|c| joined().eq(c.iter().copied()))
}

/// Words that label a phone number in text only: as column names they start others
/// (`call_id`, `cell_id`, `ringsignal`, `direktlänk`).
const PHONE_WORDS: &[&str] = &[
    "mob", "cell", "ring", "call", "vxl", "vx", "direkt", "direktnr", "ringde", "ringer", "ringa",
    "nås", "voice",
];

/// Which kind of label stands nearest before a number at `s`: `Some(0)` a phone label,
/// `Some(1)` a payment-reference or customer-number label, `Some(2)` an identity label.
fn nearest_label(hay: &[u8], s: usize) -> Option<usize> {
    let lists = [
        PHONE_LABELS,
        PHONE_WORDS,
        super::card::REFERENCE_LABELS,
        &["ref", "ordern"],
        super::personnummer::ID_LABELS,
    ];
    super::label_before(hay, s, &lists).map(|k| match k {
        0 | 1 => 0,
        2 | 3 => 1,
        _ => 2,
    })
}

/// Words for articles, orders and invoices: a phone-shaped number after one of them is
/// its number (`Artikel 070-6164079 är slut i lager`).
const ARTICLE_WORDS: &[&str] = &[
    "artikel",
    "artikelnr",
    "artikelnummer",
    "artnr",
    "art",
    "sku",
    "order",
    "ordernr",
    "ordernummer",
    "orderno",
    "faktura",
    "fakturanr",
    "fakturanummer",
    "invoice",
    "isbn",
    // Giro numbers (`Bg 0442-3155`) and customs tariff codes (`<Item hs="0729 44 54 25">`).
    "bg",
    "bankgiro",
    "bankgironummer",
    "pg",
    "plusgiro",
    "plusgironummer",
    "hs",
    "taric",
    "varukod",
    "commodity",
];

/// Whether the nearest label before a phone-shaped number at `s`, among the three words
/// before it, names an article, an order, an invoice, a giro account or a tariff code
/// rather than a phone.
pub(crate) fn labelled_as_article(hay: &[u8], s: usize) -> bool {
    super::label_before(hay, s, &[PHONE_LABELS, PHONE_WORDS, ARTICLE_WORDS]) == Some(2)
}

/// Whether the nearest label before a number without separators at `s` is a phone label
/// (`tel 0701130403`, `"phone":"0701130403"`, `TEL;TYPE=WORK:0701130403`), not a
/// payment-reference or identity label nearer than it.
pub(crate) fn labelled_as_phone(hay: &[u8], s: usize) -> bool {
    nearest_label(hay, s) == Some(0)
}

/// Whether a number without separators at `s` is labelled something other than a phone
/// number: a payment reference, a payer or customer number (`OCR 0797679396`, `ref …`) or
/// an identity number (`Ogiltigt personnummer 0702310434`).
pub(crate) fn labelled_otherwise(hay: &[u8], s: usize) -> bool {
    nearest_label(hay, s).is_some_and(|k| k > 0)
}

/// A Swedish national number written in dotted groups at `p` (`070.123.45.67`,
/// `08.123.45.67`): an area code, then three groups of two or three digits, each after one
/// dot. Returns its end.
pub(crate) fn try_dotted(hay: &[u8], p: usize) -> Option<usize> {
    let mut d = [0u8; 10];
    let (mut n, mut groups, mut area) = (0, 0, 0);
    let mut i = p;
    loop {
        let s = i;
        while i < hay.len() && is_digit(hay[i]) {
            i += 1;
        }
        let len = i - s;
        let ok = match groups {
            0 => (2..=4).contains(&len),
            _ => (2..=3).contains(&len),
        };
        if !ok || n + len > d.len() {
            return None;
        }
        d[n..n + len].copy_from_slice(&hay[s..i]);
        n += len;
        if groups == 0 {
            area = len;
        }
        groups += 1;
        match (hay.get(i), hay.get(i + 1)) {
            (Some(b'.'), Some(&c)) if is_digit(c) => i += 1,
            _ => break,
        }
    }
    // Three dots, each two to four bytes after the one before: the shape the scan looks
    // for (a dotted quad), so that the number is found in any context.
    (groups >= 4 && national_valid(&d[..n], area) && right_boundary_ok(hay, i)).then_some(i)
}

/// Swedish national number on digit groups starting at `g`; returns groups consumed.
pub(crate) fn try_national(
    hay: &[u8],
    groups: &[(usize, usize)],
    seps: &[u8],
    g: usize,
) -> Option<usize> {
    let (s0, e0) = groups[g];
    let area = &hay[s0..e0];
    if area.len() < 2 || area[0] != b'0' || area[1] == b'0' {
        return None;
    }
    if area.len() == 10 && national_valid(area, 0) {
        return Some(1);
    }
    if !(2..=4).contains(&area.len()) || g + 1 >= groups.len() || !matches!(seps[g], b'-' | b' ') {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..area.len()].copy_from_slice(area);
    let mut n = area.len();
    // After "area-", the subscriber number may be one block (`070-1234567`); after a space it
    // must be grouped the Swedish way in blocks of two or three (`070 123 45 67`).
    let spaced = seps[g] == b' ';
    let mut best = None;
    let mut i = g + 1;
    while i < groups.len() {
        let (s, e) = groups[i];
        let len = e - s;
        // A block of four ends a number after a block of three (`070-123 4567`,
        // `076 123 8288`, `08 123 4567`).
        let four_ends = len == 4 && i > g + 1 && groups[i - 1].1 - groups[i - 1].0 == 3;
        let block_ok = if i == g + 1 && !spaced {
            (2..=8).contains(&len)
        } else {
            (2..=3).contains(&len) || four_ends
        };
        if !block_ok || n + len > 10 {
            break;
        }
        buf[n..n + e - s].copy_from_slice(&hay[s..e]);
        n += e - s;
        if national_valid(&buf[..n], area.len()) && !(spaced && i == g + 1) {
            best = Some(i + 1 - g);
        }
        if i + 1 < groups.len() && seps[i] != b' ' {
            break;
        }
        i += 1;
    }
    best
}

/// International number with the `00` prefix on digit groups (`0046 70 123 45 67`).
pub(crate) fn try_double_zero(hay: &[u8], groups: &[(usize, usize)], g: usize) -> Option<usize> {
    let (s, e) = groups[g];
    // Other countries only as `00` and a two-digit country code standing as a group of its
    // own (`0049 30 47530544`, `0047 22 04 29 82`): digits after `00` are too often
    // something else.
    let other = e - s == 4
        && hay[s..].starts_with(b"00")
        && hay.get(e) == Some(&b' ')
        && TWO_DIGIT_CODES
            .iter()
            .any(|c| c.as_bytes() == &hay[s + 2..e]);
    if !(hay[s..].starts_with(b"0046") || other) {
        return None;
    }
    intl_from(hay, s + 2).map(|(end, _)| end)
}

/// The two-digit country calling codes (ITU-T E.164).
const TWO_DIGIT_CODES: &[&str] = &[
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
    "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
    "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// Parses an international number whose first digit is at `q`. Returns (end, digit count).
/// The groups may be separated by one space or hyphen; once, a group may stand in brackets:
/// the trunk prefix `(0)` (not dialled from abroad, so not counted) or an area code
/// (`+1 (202) 555-0143`). A number whose last group is glued to a letter is no number.
fn intl_from(hay: &[u8], q: usize) -> Option<(usize, usize)> {
    intl_after(hay, q, &[])
}

/// [`intl_from`] for a number whose first digits, `code`, stand before `q` (a country code
/// in brackets); they count towards its length and validity.
fn intl_after(hay: &[u8], q: usize, code: &[u8]) -> Option<(usize, usize)> {
    let mut d = [0u8; 16];
    d[..code.len()].copy_from_slice(code);
    let mut n = code.len();
    let mut i = q;
    let mut best = None;
    let mut bracket_seen = false;
    // The separator before the current group (none before the first).
    let mut sep = 0u8;
    loop {
        // One group of digits, or of digits in brackets; a group that would make the number
        // longer than 15 digits is not part of it.
        let bracketed = hay.get(i) == Some(&b'(');
        let ds = i + usize::from(bracketed);
        let mut de = ds;
        while de < hay.len() && is_digit(hay[de]) {
            de += 1;
        }
        let len = de - ds;
        if bracketed {
            if hay.get(de) != Some(&b')') || !(1..=4).contains(&len) {
                break;
            }
            bracket_seen = true;
        } else if len == 0 {
            break;
        }
        let trunk = bracketed && &hay[ds..de] == b"0";
        if !trunk {
            if n + len > 15 {
                break;
            }
            d[n..n + len].copy_from_slice(&hay[ds..de]);
            n += len;
        }
        i = de + usize::from(bracketed);
        if !bracketed {
            if !right_boundary_ok(hay, i) {
                // An extension (`+1-212-555-0143x123`) ends the number, and belongs to it.
                if let Some(end) = extension_end(hay, i)
                    && international_valid(&d[..n])
                {
                    return Some((end, n));
                }
                // A group after a space that goes on as a decimal or an address is
                // something else (`… 67 10.0.0.1`); a group glued to a letter, or any
                // group but one after a space, spoils the number.
                if sep == b' ' && !glued_at(hay, i) {
                    break;
                }
                return None;
            }
            if international_valid(&d[..n]) {
                best = Some(i);
            }
        }
        // Separator: one space or hyphen; none is needed next to a bracketed group.
        let mut j = i;
        sep = 0;
        if let Some((c @ (b' ' | b'-'), len)) = separator(hay, j) {
            sep = c;
            j += len;
        }
        let bracket_next = !bracket_seen && hay.get(j) == Some(&b'(');
        let digit_next = hay.get(j).is_some_and(|&c| is_digit(c)) && (j > i || bracketed);
        if !(bracket_next || digit_next) {
            break;
        }
        i = j;
    }
    best.map(|e| (e, n))
}

/// The end of an international number whose country code stands in brackets with its `+`
/// at `p` (`(+358) 40 1234567`, `(+46) 70-123 45 67`): one to three digits in the brackets,
/// then groups joined by single spaces or hyphens, 8–15 digits in all.
fn bracketed_country_code(hay: &[u8], p: usize) -> Option<usize> {
    let cs = p + 2;
    let code = hay
        .get(cs..)?
        .iter()
        .take(4)
        .take_while(|&&b| is_digit(b))
        .count();
    if !(1..=3).contains(&code) || hay.get(cs + code) != Some(&b')') {
        return None;
    }
    let mut i = cs + code + 1;
    if let Some((b' ' | b'-', len)) = separator(hay, i) {
        i += len;
    }
    intl_after(hay, i, &hay[cs..cs + code]).map(|(end, _)| end)
}

/// The end of an extension that follows a number's last digit at `i`: `x` or `ext` (with a
/// dot or space after it) and one to five digits at a boundary (`x123`, `ext. 4567`).
fn extension_end(hay: &[u8], i: usize) -> Option<usize> {
    let rest = hay.get(i..)?;
    let mut k = match rest.first()? {
        b'x' | b'X' => 1,
        b'e' | b'E' if rest.len() > 3 && rest[..3].eq_ignore_ascii_case(b"ext") => 3,
        _ => return None,
    };
    if k == 3 {
        k += usize::from(rest.get(k) == Some(&b'.'));
        k += usize::from(rest.get(k) == Some(&b' '));
    }
    let digits = rest[k..].iter().take_while(|&&b| is_digit(b)).count();
    let end = i + k + digits;
    ((1..=5).contains(&digits) && right_boundary_ok(hay, end)).then_some(end)
}

/// A North American number written nationally, at group `g`: `212-555-0143` or
/// `1-212-555-0143`: an area code and an exchange of three digits each, neither starting
/// with 0 or 1, then four digits, joined by hyphens. Returns the groups used.
pub(crate) fn try_nanp(
    hay: &[u8],
    groups: &[(usize, usize)],
    seps: &[u8],
    g: usize,
) -> Option<usize> {
    let len = |i: usize| groups[i].1 - groups[i].0;
    let trunk = len(g) == 1 && hay[groups[g].0] == b'1';
    let a = g + usize::from(trunk);
    let shape = a + 2 < groups.len()
        && (a..a + 3).all(|i| i == g || seps[i - 1] == b'-')
        && len(a) == 3
        && len(a + 1) == 3
        && len(a + 2) == 4
        && nanp_lead(hay[groups[a].0])
        && nanp_lead(hay[groups[a + 1].0]);
    shape.then_some(a + 3 - g)
}

/// The first digit of a North American area code or exchange: 2 to 9.
fn nanp_lead(b: u8) -> bool {
    (b'2'..=b'9').contains(&b)
}

/// A North American number whose area code stands in brackets at `p`: `(212) 555-0143`,
/// `(212)555-0143`, `(212) 555 0143`, with an extension if one follows. Returns its end.
fn bracketed_area_code(hay: &[u8], p: usize) -> Option<usize> {
    let d = |i: usize, n: usize| {
        hay.get(i..i + n)
            .is_some_and(|w| w.iter().all(u8::is_ascii_digit))
    };
    let a = p + 1;
    if !(d(a, 3) && nanp_lead(hay[a]) && hay.get(a + 3) == Some(&b')')) {
        return None;
    }
    let x = a + 4 + usize::from(hay.get(a + 4) == Some(&b' '));
    if !(d(x, 3) && nanp_lead(hay[x]) && matches!(hay.get(x + 3), Some(b'-' | b' '))) {
        return None;
    }
    let l = x + 4;
    let end = l + 4;
    if !d(l, 4) || hay.get(end).is_some_and(|&c| is_digit(c)) {
        return None;
    }
    match right_boundary_ok(hay, end) {
        true => Some(end),
        // An extension belongs to the number (`(212) 555-0143x12`).
        false => extension_end(hay, end),
    }
}

/// `(` trigger: a Swedish number whose area code stands in brackets, `(08) 123 45 67`,
/// `(031) 12 34 56`, `(0771) 10 65 52`. The groups after it follow the national rules
/// (the first may be one block, the others have two or three digits); the number ends at a
/// group end before a space or a boundary, and is not reported when glued to a letter.
pub(crate) fn at_paren(hay: &[u8], p: usize, out: &mut Vec<Hit>) -> usize {
    let a = p + 1;
    if hay.get(a) == Some(&b'+')
        && !glued_before(hay, p)
        && let Some(end) = bracketed_country_code(hay, p)
    {
        out.push(Hit {
            start: p,
            end,
            kind: Kind::Phone,
            confidence: 0.9,
            detector: DETECTOR_INTL,
        });
        return end;
    }
    if !glued_before(hay, p)
        && let Some(end) = bracketed_area_code(hay, p)
    {
        out.push(Hit {
            start: p,
            end,
            kind: Kind::Phone,
            confidence: 0.85,
            detector: DETECTOR_NANP,
        });
        return end;
    }
    if hay.get(a) != Some(&b'0') || glued_before(hay, p) {
        return p + 1;
    }
    let mut i = a;
    while i < hay.len() && is_digit(hay[i]) && i - a < 5 {
        i += 1;
    }
    let area_len = i - a;
    if !(2..=4).contains(&area_len) || hay.get(i) != Some(&b')') {
        return p + 1;
    }
    let Some((b' ' | b'-', first)) = phone_sep(hay, i + 1) else {
        return p + 1;
    };
    let mut d = [0u8; 10];
    d[..area_len].copy_from_slice(&hay[a..i]);
    let mut n = area_len;
    let mut best = None;
    let mut j = first;
    loop {
        let s = j;
        while j < hay.len() && is_digit(hay[j]) {
            j += 1;
        }
        let len = j - s;
        let len_ok = if s == first {
            (2..=8).contains(&len)
        } else {
            (2..=3).contains(&len)
        };
        if !len_ok || n + len > d.len() {
            break;
        }
        d[n..n + len].copy_from_slice(&hay[s..j]);
        n += len;
        let more = phone_sep(hay, j);
        if more.is_none() && !right_boundary_ok(hay, j) {
            return p + 1;
        }
        if national_valid(&d[..n], area_len) && matches!(more, None | Some((b' ', _))) {
            best = Some(j);
        }
        match more {
            Some((_, next)) => j = next,
            None => break,
        }
    }
    match best {
        Some(end) => {
            out.push(Hit {
                start: p,
                end,
                kind: Kind::Phone,
                confidence: 0.85,
                detector: DETECTOR_SE,
            });
            end
        }
        None => p + 1,
    }
}

/// A space or hyphen at `i` followed by a digit: which one, and where the digit is.
fn phone_sep(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    super::joined(hay, i).filter(|&(c, _)| c != b'+')
}

/// `+` trigger; `patch` says whether the file is a patch (see [`diff_marker`]).
pub(crate) fn at_plus(hay: &[u8], p: usize, patch: bool, out: &mut Vec<Hit>) -> usize {
    if let Some(end) = in_uri(hay, p, out) {
        return end;
    }
    if glued_before(hay, p) || (p > 0 && hay[p - 1] == b'+') {
        return p + 1;
    }
    if !hay.get(p + 1).is_some_and(|&c| is_digit(c)) || diff_marker(hay, p, patch) {
        return p + 1;
    }
    plus_number(hay, p, p + 1, out)
}

/// The number at `p` in a SIP or tel URI or a telephony channel ([`uri_number`]), reported;
/// its end.
pub(crate) fn in_uri(hay: &[u8], p: usize, out: &mut Vec<Hit>) -> Option<usize> {
    if !after_telephony_prefix(hay, p) {
        return None;
    }
    let end = uri_number(hay, p)?;
    out.push(Hit {
        start: p,
        end,
        kind: Kind::Phone,
        confidence: 0.9,
        detector: if hay[p] == b'+' {
            DETECTOR_INTL
        } else {
            DETECTOR_SE
        },
    });
    Some(end)
}

/// Whether the `+` at `p` marks an added line of a unified diff (`git diff`, a `.patch`
/// file): it starts a line, and the file is a patch (`patch`, see [`patch`]) or a hunk
/// header (`@@ -1,4 +1,6 @@`) stands at the start of a line within the 480 bytes before it
/// (a diff pasted into other text). What follows is the line's own text.
pub(crate) fn diff_marker(hay: &[u8], p: usize, patch: bool) -> bool {
    if p > 0 && hay[p - 1] != b'\n' {
        return false;
    }
    if patch {
        return true;
    }
    let from = p.saturating_sub(480);
    memchr::memmem::rfind(&hay[from..p], b"\n@@ -").is_some()
        || (from == 0 && hay.starts_with(b"@@ -"))
}

/// Whether a file that starts with `head` is a patch: within its first 64 KiB a line
/// `+++ ` follows a line `--- ` and a hunk header `@@ -` follows that (what `diff -u`,
/// `git diff`, `git log -p` and `git format-patch` write, after any commit message).
pub(crate) fn patch(head: &[u8]) -> bool {
    let head = &head[..head.len().min(64 * 1024)];
    let line = |from: usize, what: &[u8]| {
        let at = |i: usize| (i == 0 || head[i - 1] == b'\n').then_some(i);
        memchr::memmem::find_iter(&head[from..], what).find_map(|i| at(from + i))
    };
    line(0, b"--- ")
        .and_then(|a| line(a, b"+++ "))
        .and_then(|b| line(b, b"@@ -"))
        .is_some()
}

/// The international number whose `+` is the JSON escape at `e` (`\u002B46 70 123 45 67`);
/// its digits start at `p`. Returns where to go on.
pub(crate) fn after_escaped_plus(hay: &[u8], e: usize, p: usize, out: &mut Vec<Hit>) -> usize {
    match glued_before(hay, e) {
        true => digits_end(hay, p),
        false => plus_number(hay, e, p, out),
    }
}

/// Pushes the international number whose `+` (or its escape) starts at `start` and whose
/// digits start at `digits`; returns its end, or the end of those digits when they make no
/// number (so that they are not read as a national number).
fn plus_number(hay: &[u8], start: usize, digits: usize, out: &mut Vec<Hit>) -> usize {
    match intl_from(hay, digits) {
        Some((end, _)) => {
            out.push(Hit {
                start,
                end,
                kind: Kind::Phone,
                confidence: 0.9,
                detector: DETECTOR_INTL,
            });
            end
        }
        None => digits_end(hay, digits),
    }
}

/// The end of the digit run at `i`.
fn digits_end(hay: &[u8], mut i: usize) -> usize {
    while i < hay.len() && is_digit(hay[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spare_country_codes_by_their_first_digits() {
        assert!(SPARE_CODES_2.is_sorted() && SPARE_CODES_3.is_sorted());
        for spare in [
            "28",
            "2812345678",
            "83",
            "89123",
            "292",
            "29212345678",
            "999",
            "99912",
        ] {
            assert!(spare_code(spare.as_bytes()), "{spare}");
        }
        // `29` is no code, `291` is Eritrea's; `2` and `9` are too short to tell.
        for assigned in [
            "46701234567",
            "29",
            "2911234567",
            "2",
            "9",
            "",
            "4912345678",
        ] {
            assert!(!spare_code(assigned.as_bytes()), "{assigned}");
        }
        assert!(!international_valid(b"999123456789"));
        assert!(international_valid(b"4915112345678"));
    }

    #[test]
    fn rules() {
        assert!(national_valid(b"0701234567", 3));
        assert!(national_valid(b"0701234567", 0));
        assert!(!national_valid(b"0711234567", 0));
        assert!(national_valid(b"0812345678", 2));
        assert!(!national_valid(b"0812345678", 0));
        assert!(!national_valid(b"08123", 2));
        assert!(national_valid(b"0771106552", 4));
        assert!(!national_valid(b"0711106552", 4));
        assert!(national_valid(b"0708123456", 4), "0708-12 34 56");
        assert!(!national_valid(b"070812345", 4), "a mobile has ten digits");
        assert!(international_valid(b"46701234567"));
        assert!(!international_valid(b"46070123456"));
        assert!(international_valid(b"12125550100"));
        assert!(!international_valid(b"1234"));
    }

    fn intl(s: &str) -> Option<&str> {
        super::super::first_found(s, '+', |h, p, o| at_plus(h, p, false, o))
    }

    #[test]
    fn international_forms() {
        assert_eq!(intl("ring +1 (202) 555-0143 nu"), Some("+1 (202) 555-0143"));
        // An extension belongs to the number; letters that are no extension spoil it.
        assert_eq!(
            intl("call +1-212-555-0143x123 now"),
            Some("+1-212-555-0143x123")
        );
        assert_eq!(intl("+44 20 7946 0958 ext. 12"), Some("+44 20 7946 0958"));
        assert_eq!(
            intl("+44 20 7946 0958ext. 12"),
            Some("+44 20 7946 0958ext. 12")
        );
        assert_eq!(intl("+1-212-555-0143xyz"), None);
        assert_eq!(intl("+1-212-555-0143x1234567"), None);
        assert_eq!(intl("+44 (20) 7946 0958."), Some("+44 (20) 7946 0958"));
        assert_eq!(intl("+46 (0)8-123 456 78"), Some("+46 (0)8-123 456 78"));
        assert_eq!(
            intl("+46 (0)70-230 28 71,94560"),
            Some("+46 (0)70-230 28 71")
        );
        assert_eq!(
            intl("Numret +46 73 666 46 25… eller"),
            Some("+46 73 666 46 25")
        );
        assert_eq!(intl("+46 70 123 45 67 (mobil)"), Some("+46 70 123 45 67"));
        // A number glued to a letter is no number, not even its first groups.
        assert_eq!(intl("+46 70 123 45 67x"), None);
        assert_eq!(intl("+1 (20222) 555-0143"), None);
        // A further group that would pass 15 digits ends the number.
        assert_eq!(intl("+46 70 123 45 67 12345"), Some("+46 70 123 45 67"));
        assert_eq!(intl("+46 70 123 45 67 123456"), Some("+46 70 123 45 67"));
        assert_eq!(intl("+46 70 123 45 67 (12345)"), Some("+46 70 123 45 67"));
        assert_eq!(intl("+4670123456789012345"), None);
        assert_eq!(intl("+46 70 123 45 67 10.0.0.1"), Some("+46 70 123 45 67"));
        assert_eq!(intl("+46 70 123 45-67x"), None);
    }

    fn bracketed(s: &str) -> Option<&str> {
        super::super::first_found(s, '(', at_paren)
    }

    #[test]
    fn country_code_in_brackets() {
        fn find(t: &str) -> Option<&str> {
            super::super::first_found(t, '(', at_paren)
        }
        assert_eq!(
            find("\"phone\": \"(+358) 724204517\""),
            Some("(+358) 724204517")
        );
        assert_eq!(find("ring (+46) 70-123 45 67."), Some("(+46) 70-123 45 67"));
        assert_eq!(find("(+46) 12"), None);
        assert_eq!(find("(+46)"), None);
        assert_eq!(find("x(+358) 724204517"), None);
    }

    #[test]
    fn area_code_in_brackets() {
        assert_eq!(bracketed("tel (08) 123 45 67."), Some("(08) 123 45 67"));
        assert_eq!(bracketed("(031) 12 34 56, vx"), Some("(031) 12 34 56"));
        assert_eq!(bracketed("(0771) 10 65 52"), Some("(0771) 10 65 52"));
        assert_eq!(bracketed("(08) 12345678"), Some("(08) 12345678"));
        assert_eq!(bracketed("(070) 123 45 67"), Some("(070) 123 45 67"));
        assert_eq!(bracketed("(08) 123 45 67x"), None);
        assert_eq!(bracketed("f(08) 123 45 67"), None);
        assert_eq!(bracketed("(2008) 123 45 67"), None);
        assert_eq!(bracketed("(08) 12"), None);
    }

    #[test]
    fn north_american_area_code_in_brackets() {
        assert_eq!(bracketed("Tel: (212) 555-0143."), Some("(212) 555-0143"));
        assert_eq!(bracketed("(212)555-0143"), Some("(212)555-0143"));
        assert_eq!(bracketed("(212) 555 0143"), Some("(212) 555 0143"));
        assert_eq!(bracketed("(212) 555-0143x12,"), Some("(212) 555-0143x12"));
        // Area codes and exchanges start with 2 to 9; four digits end the number.
        assert_eq!(bracketed("(112) 555-0143"), None);
        assert_eq!(bracketed("(212) 155-0143"), None);
        assert_eq!(bracketed("(212) 555-01431"), None);
        assert_eq!(bracketed("(212) 555-014"), None);
        assert_eq!(bracketed("f(212) 555-0143"), None);
    }
}
