//! The digit trigger: reads a token of digit groups joined by single ` `, `-` or `+` (or
//! their typographic forms, see [`separator`](super::separator)), then
//! tries the number detectors at each group that starts the token or follows a space.
//! A match must start at the token start or after a space, end at the token end or before a
//! space, and the token must not be glued to letters or lie inside a longer digit run.

use super::{
    Config, Hit, card, columns, iban, ip, is_digit, joined, left_boundary_ok, personnummer, phone,
    right_boundary_ok,
};
use crate::kind::Kind;

const MAX_GROUPS: usize = 8;

/// End of the run of digits at `i`, eight bytes at a time.
#[inline]
fn skip_digits(hay: &[u8], mut i: usize) -> usize {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(b) = hay.get(i..i + 8) {
        let x = u64::from_le_bytes(b.try_into().expect("8 bytes"));
        // Exact per byte (no carries cross bytes): high bit set where the byte is a digit.
        let l = x & LOW7;
        let digit = (l + ONES * (0x80 - 0x30)) & !(l + ONES * (0x7F - 0x39)) & !x;
        let other = !digit & 0x8080_8080_8080_8080;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < hay.len() && is_digit(hay[i]) {
        i += 1;
    }
    i
}

/// End of a run that is part of something else (`eth0`, `B12`, the `5` of `\u00e5`) and of
/// the groups `-` or `+` join to it: a group after a space may still start a number
/// (`eth0 192.0.2.1`, `p\u00e5 070-123 45 67`), and the scan goes on there.
fn skip_glued(hay: &[u8], i: usize) -> usize {
    let mut e = skip_digits(hay, i);
    while let Some((c, next)) = joined(hay, e) {
        if c == b' ' {
            break;
        }
        e = skip_digits(hay, next);
    }
    e
}

#[inline(always)]
pub(super) fn at(hay: &[u8], p: usize, cfg: &Config, out: &mut Vec<Hit>) -> usize {
    let run_end = skip_digits(hay, p);
    if p > 0 {
        let prev = hay[p - 1];
        if prev.is_ascii_digit() {
            return run_end;
        }
        if prev.is_ascii_uppercase()
            && cfg.kinds.contains(Kind::Iban)
            && p >= 2
            && hay[p - 2].is_ascii_uppercase()
            && left_boundary_ok(hay, p - 2)
            && let Some(end) = iban::at(hay, p - 2)
        {
            out.push(Hit {
                start: p - 2,
                end,
                kind: Kind::Iban,
                confidence: 0.99,
                detector: iban::DETECTOR,
            });
            return end;
        }
        // The number of a SIP or tel URI or a telephony channel (`PJSIP/0701234567@trunk`).
        if matches!(prev, b':' | b'/')
            && cfg.kinds.contains(Kind::Phone)
            && let Some(end) = phone::in_uri(hay, p, out)
        {
            return end;
        }
        if prev == b'/'
            && cfg.kinds.contains(Kind::Phone)
            && let Some(end) = slash_phone(hay, p, 2, out)
        {
            return end;
        }
        // `+` escaped in JSON (.NET writes `\u002B46 70 123 45 67`).
        if prev.is_ascii_hexdigit()
            && cfg.kinds.contains(Kind::Phone)
            && super::escaped_before(hay, p) == Some('+')
        {
            return phone::after_escaped_plus(hay, p - 6, p, out);
        }
        // After `+` (but the mark of a diff's added line), a letter, or a UUID group
        // (`977EB96B-0938-4736-…`), the token is part of something else.
        if (prev == b'+' && !phone::diff_marker(hay, p - 1, cfg.patch))
            || uuid_group_before(hay, p)
            || code_before(hay, p)
            || !left_boundary_ok(hay, p)
        {
            match escape_inside(hay, p, run_end) {
                // The run is the escape's own digits: what follows is read on its own (a `+`
                // here, as the scan would go on past it as a joiner).
                Some(e) if e == run_end => {
                    return match hay.get(e) {
                        Some(b'+') if cfg.kinds.contains(Kind::Phone) => {
                            phone::at_plus(hay, e, cfg.patch, out)
                        }
                        _ => e,
                    };
                }
                Some(e) => return from(hay, e, run_end, cfg, out),
                None => {}
            }
            return skip_glued(hay, p);
        }
    }
    from(hay, p, run_end, cfg, out)
}

/// A Swedish number written with a slash after the area code (`063/227678`, `08/123 45 67`,
/// `0520/166 53`), seen from the first group after the slash at `p`, with at least `blocks`
/// groups after the slash: one when the scan came from the area code (the prefilter sends
/// every area code before a slash that starts a token), two when it came from the group
/// after the slash (which it sees only when a joiner and a digit follow): the area code is the
/// run of two to four digits before the slash, starting with `0` and standing on its own.
/// Pushes the number and returns its end.
fn slash_phone(hay: &[u8], p: usize, blocks: usize, out: &mut Vec<Hit>) -> Option<usize> {
    let q = p - 1;
    let mut a = q;
    while a > 0 && q - a < 5 && is_digit(hay[a - 1]) {
        a -= 1;
    }
    if !(2..=4).contains(&(q - a))
        || hay[a] != b'0'
        || !left_boundary_ok(hay, a)
        || (a > 0 && hay[a - 1] == b'/')
    {
        return None;
    }
    // The slash stands where a hyphen would: the first block after it may be long.
    let mut groups = [(a, q); MAX_GROUPS];
    let mut seps = [b'-'; MAX_GROUPS];
    let mut n = 1;
    let mut s = p;
    loop {
        let e = skip_digits(hay, s);
        groups[n] = (s, e);
        n += 1;
        match joined(hay, e) {
            Some((c, next)) if n < MAX_GROUPS => {
                seps[n - 1] = c;
                s = next;
            }
            _ => break,
        }
    }
    let used = phone::try_national(hay, &groups[..n], &seps[..n], 0).filter(|&u| u > blocks)?;
    let end = groups[used - 1].1;
    let ends_ok = match used == n {
        true => right_boundary_ok(hay, end),
        false => seps[used - 1] == b' ',
    };
    // Not before another slash (`0511/5555 01/02`: a date follows).
    if !ends_ok || hay.get(end) == Some(&b'/') {
        return None;
    }
    out.push(Hit {
        start: a,
        end,
        kind: Kind::Phone,
        confidence: 0.85,
        detector: phone::DETECTOR_SE,
    });
    Some(end)
}

/// Where a JSON escape `\uXXXX` that ends inside the digit run `p..run_end`, or at its end,
/// ends, when the character it stands for does not glue: `\u00a0010703-3888` is a no-break
/// space and `010703-3888`.
fn escape_inside(hay: &[u8], p: usize, run_end: usize) -> Option<usize> {
    (p.saturating_sub(5)..=p.saturating_sub(2))
        .map(|q| q + 6)
        .find(|&e| e > p && e <= run_end && super::escaped_before(hay, e).is_some())
        .filter(|&e| !super::escaped_before(hay, e).is_some_and(super::alphanumeric))
}

/// Whether the digits at `p` follow a hyphen after a code of two to eight capitals that
/// starts a word: the prefix of a ticket, order or case number (`INC-20231028-0009`,
/// `ORD-5560360793`, `KB-2024131035`; an identity label (`ID-`, `PN-`, `PNR-`, `SSN-`) or
/// `NR-` labels the number instead, and `SE-` names its country).
fn code_before(hay: &[u8], p: usize) -> bool {
    group_before_hyphen(hay, p, u8::is_ascii_uppercase).is_some_and(|code| {
        (2..=8).contains(&code.len())
            && !personnummer::ID_LABELS
                .iter()
                .chain(&["nr", "se"])
                .any(|l| code.eq_ignore_ascii_case(l.as_bytes()))
    })
}

/// The bytes of `class` (at most nine) that start a word and end at a hyphen right before
/// the digits at `p`.
fn group_before_hyphen(hay: &[u8], p: usize, class: fn(&u8) -> bool) -> Option<&[u8]> {
    if p < 2 || hay[p - 1] != b'-' {
        return None;
    }
    let len = hay[..p - 1]
        .iter()
        .rev()
        .take(9)
        .take_while(|b| class(b))
        .count();
    let start = p - 1 - len;
    (!(start > 0 && super::is_word(hay[start - 1]))).then(|| &hay[start..p - 1])
}

/// Whether the digits at `p` follow a hyphen after a group of a UUID: four or eight hex
/// digits, at least one a letter (a group of digits alone would be part of this token),
/// that start a word.
fn uuid_group_before(hay: &[u8], p: usize) -> bool {
    group_before_hyphen(hay, p, u8::is_ascii_hexdigit).is_some_and(|group| {
        matches!(group.len(), 4 | 8) && group.iter().any(u8::is_ascii_alphabetic)
    })
}

/// The digit run `p..run_end`, its left boundary judged: tries the detectors.
#[inline(always)]
fn from(hay: &[u8], p: usize, run_end: usize, cfg: &Config, out: &mut Vec<Hit>) -> usize {
    let len = run_end - p;
    match hay.get(run_end) {
        // A lone run shorter than ten digits (most numbers in ordinary text) is nothing:
        // every detector needs ten digits in one group or a separator after the first group,
        // but for a labelled phone number of eight or nine digits from a `0`.
        _ if joined(hay, run_end).is_some() => {}
        _ if len >= 8 && hay[p] == b'0' => {}
        Some(b'.') if len < 10 => {
            // `.` ends the token: only an IPv4 address can start here.
            if len <= 3
                && cfg.kinds.contains(Kind::IpAddress)
                && hay.get(run_end + 1).is_some_and(|&d| is_digit(d))
                && let Some(h) = v4_hit(hay, p, cfg)
            {
                let end = h.end;
                out.push(h);
                return end;
            }
            if (2..=4).contains(&len)
                && hay[p] == b'0'
                && cfg.kinds.contains(Kind::Phone)
                && let Some(end) = phone::try_dotted(hay, p)
            {
                out.push(Hit {
                    start: p,
                    end,
                    kind: Kind::Phone,
                    confidence: 0.85,
                    detector: phone::DETECTOR_SE,
                });
                return end;
            }
            return run_end;
        }
        // An area code before a slash (`063/227678`, `08/123 45 67`).
        Some(b'/') if len < 10 => {
            if (2..=4).contains(&len)
                && hay[p] == b'0'
                && cfg.kinds.contains(Kind::Phone)
                && hay.get(run_end + 1).is_some_and(|&d| is_digit(d))
                && let Some(end) = slash_phone(hay, run_end + 1, 1, out)
            {
                return end;
            }
            return run_end;
        }
        _ if len < 10 => return run_end,
        _ => {}
    }
    token(hay, p, run_end, cfg, out)
}

/// The digit token at `p` (its first run ending at `run_end`): IPv4, or digit groups tried
/// by the number detectors.
#[inline(never)]
fn token(hay: &[u8], p: usize, run_end: usize, cfg: &Config, out: &mut Vec<Hit>) -> usize {
    if cfg.kinds.contains(Kind::IpAddress)
        && hay.get(run_end) == Some(&b'.')
        && let Some(h) = v4_hit(hay, p, cfg)
    {
        let end = h.end;
        out.push(h);
        return end;
    }
    // Fast path: when nothing can start at the first group, only groups after a space can
    // matter; tokens without a space (dates, ids like 2025-03-14) are done.
    if !may_start(hay, p, run_end)
        && let Some(end) = end_without_space(hay, run_end)
    {
        return end;
    }
    // Collect the token's digit groups.
    let mut groups = [(0usize, 0usize); MAX_GROUPS];
    let mut seps = [0u8; MAX_GROUPS];
    let mut n = 0;
    let mut s = p;
    let mut truncated = false;
    loop {
        let e = skip_digits(hay, s);
        groups[n] = (s, e);
        n += 1;
        match joined(hay, e) {
            Some((c, next)) => {
                if n == MAX_GROUPS {
                    // The rest is read as a token of its own (the scan goes on at the
                    // next group), so that long runs of numbers stay linear.
                    truncated = true;
                    break;
                }
                seps[n - 1] = c;
                s = next;
            }
            None => break,
        }
    }
    let groups = &groups[..n];
    let seps = &seps[..n];
    let token_end = groups[n - 1].1;
    // The last group after a space may start an IPv4 address (`12:00:01 10.0.0.1`, `443 -
    // 10.0.0.1` in an IIS log): its dot ended the token.
    let v4_tail = (n >= 2
        && !truncated
        && (seps[n - 2] == b' ' || hay[groups[n - 1].0 - 1] == b' ')
        && hay.get(token_end) == Some(&b'.')
        && cfg.kinds.contains(Kind::IpAddress))
    .then(|| v4_hit(hay, groups[n - 1].0, cfg))
    .flatten();
    let done = match v4_tail {
        Some(h) => {
            let end = h.end;
            if !may_match(hay, &groups[..n - 1], &seps[..n - 1]) {
                out.push(h);
                return end;
            }
            end
        }
        None => token_end,
    };
    if !may_match(hay, groups, seps) {
        return done;
    }
    let tail_ok = !truncated && right_boundary_ok(hay, token_end);
    let k = cfg.kinds;
    let ids = k.contains(Kind::Personnummer)
        || k.contains(Kind::Samordningsnummer)
        || k.contains(Kind::Organisationsnummer);
    let mut g = 0;
    while g < n {
        // A match starts at the token start or after a space, and not inside an account
        // number whose checksum failed.
        if (g > 0 && seps[g - 1] != b' ') || iban::in_account_number(hay, groups[g].0) {
            g += 1;
            continue;
        }
        // The column the group stands in, looked up once (most groups ask nothing of it,
        // some ask several times).
        let column = std::cell::OnceCell::new();
        let says = |words: &[&str]| {
            column
                .get_or_init(|| cfg.column_name(hay, groups[g].0))
                .is_some_and(|name| super::columns::says(name, words))
        };
        let mut found: Option<(usize, Kind, f32, &'static str)> = None;
        let ends_ok = |used: usize| {
            let last = g + used;
            if last == n {
                tail_ok
            } else {
                seps[last - 1] == b' '
            }
        };
        if ids
            && let Some((used, kind, conf)) =
                personnummer::try_groups(hay, groups, seps, g, cfg.today)
            && k.contains(kind)
            && ends_ok(used)
            && !(used == 1
                && groups[g].1 - groups[g].0 == 10
                // Seconds since 1970 have ten digits from 2001 to 2286; until 2038 they
                // start with 1 or 2.
                && matches!(hay[groups[g].0], b'1' | b'2')
                && (time_labelled(hay, groups[g].0)
                    || says(TIME_LABELS)))
            && !(used == 1 && labelled_not_an_id(hay, groups[g].0, kind))
            && !says(NOT_IDS)
            && !(kind == Kind::Organisationsnummer
                && used == 1
                && matches!(groups[g].1 - groups[g].0, 10 | 12)
                && (!bare_organisation_number(hay, groups[g].0)
                    || (says(ACCOUNT_COLUMNS) && !says(ORG_LABELS))
                    || says(card::CARD_LABELS)))
        {
            found = Some((used, kind, conf, personnummer::DETECTOR));
            // Ten compact digits can be a mobile number as well (`0701130403`: born
            // 2007-01-13, or 070-113 04 03); a phone label before it decides.
            if used == 1
                && let Some(detector) = compact_phone(hay, cfg, groups[g])
            {
                found = Some((1, Kind::Phone, 0.85, detector));
            }
        }
        // Ten bare digits of group 1 (estates) read as seconds since 1970 unless a label or
        // the column calls them an organisation number (`"orgnr":"1061391023"`).
        if found.is_none()
            && ids
            && k.contains(Kind::Organisationsnummer)
            && groups[g].1 - groups[g].0 == 10
            && hay[groups[g].0] == b'1'
            && ends_ok(1)
            && personnummer::organisation_number_with_hyphen(
                &hay[groups[g].0..groups[g].1],
                cfg.today,
            )
            && (super::label_before(hay, groups[g].0, &[ORG_LABELS, TIME_LABELS]) == Some(0)
                || (says(ORG_LABELS) && !says(TIME_LABELS)))
        {
            found = Some((1, Kind::Organisationsnummer, 0.9, personnummer::DETECTOR));
        }
        if found.is_none()
            && k.contains(Kind::PaymentCard)
            && let Some(used) = card::try_groups(hay, groups, seps, g, cfg)
            && ends_ok(used)
            // Not the last groups of a longer grouped number whose first group made it fail
            // (`6514 5046 5736 0310`).
            && !(g > 0 && seps[g - 1] == b' ' && groups[g - 1].1 - groups[g - 1].0 == 4)
            && !card::reference_before(hay, groups[g].0)
            && !says(card::NOT_CARDS)
        {
            found = Some((used, Kind::PaymentCard, 0.95, card::DETECTOR));
        }
        // A spaced number followed by one more pair of digits runs on: a foreign national
        // number (Turkish `0556 728 62 85`), not a Swedish one and a stray pair.
        let runs_on = |used: usize| {
            let next = g + used;
            seps[g] == b' '
                && next < n
                && seps[next - 1] == b' '
                && groups[next].1 - groups[next].0 == 2
                && (next + 1 == n || seps[next] == b' ')
        };
        if found.is_none()
            && k.contains(Kind::Phone)
            && let Some(used) = phone::try_national(hay, groups, seps, g)
            && ends_ok(used)
            && !runs_on(used)
            && !phone::labelled_as_article(hay, groups[g].0)
            && !(used == 1 && phone::labelled_otherwise(hay, groups[g].0))
            && !reference_column(cfg, hay, groups[g].0)
        {
            found = Some((used, Kind::Phone, 0.85, phone::DETECTOR_SE));
        }
        if found.is_none()
            && k.contains(Kind::Phone)
            && let Some(used) = phone::try_nanp(hay, groups, seps, g)
            && ends_ok(used)
            && !phone::labelled_as_article(hay, groups[g].0)
            && !reference_column(cfg, hay, groups[g].0)
        {
            found = Some((used, Kind::Phone, 0.8, phone::DETECTOR_NANP));
        }
        // Eight to ten digits after a prefix of three or four from a `0` and a space are
        // the rest of a foreign number (German `0176 02273772`).
        let after_prefix = g > 0
            && seps[g - 1] == b' '
            && (3..=4).contains(&(groups[g - 1].1 - groups[g - 1].0))
            && hay[groups[g - 1].0] == b'0';
        if found.is_none()
            && ends_ok(1)
            && !after_prefix
            && let Some(detector) = compact_phone(hay, cfg, groups[g])
        {
            found = Some((1, Kind::Phone, 0.85, detector));
        }
        if found.is_none()
            && k.contains(Kind::Phone)
            && g == 0
            && let Some(end) = phone::try_double_zero(hay, groups, g)
        {
            out.push(Hit {
                start: groups[g].0,
                end,
                kind: Kind::Phone,
                confidence: 0.85,
                detector: phone::DETECTOR_INTL,
            });
            return match v4_tail {
                Some(h) if h.start > end => {
                    let after = h.end;
                    out.push(h);
                    after
                }
                _ => end,
            };
        }
        match found {
            Some((used, kind, confidence, detector)) => {
                out.push(Hit {
                    start: groups[g].0,
                    end: groups[g + used - 1].1,
                    kind,
                    confidence,
                    detector,
                });
                g += used;
            }
            None => g += 1,
        }
    }
    if let Some(h) = v4_tail {
        out.push(h);
    }
    done
}

/// Words that label a time in seconds since 1970 (ten digits until 2286, and a valid
/// personnummer one time in about fifteen): `ts 1311069148`, `"exp": 1311069148`.
const TIME_LABELS: &[&str] = &[
    "ts",
    "timestamp",
    "epoch",
    "time",
    "unixtime",
    "created",
    "updated",
    "modified",
    "expires",
    "exp",
    "iat",
    "nbf",
    "auth_time",
    "due",
    "t",
    "since",
    "until",
    "last",
    "login",
    "seen",
    "at",
    "tid",
    "senast",
    "inloggad",
    "skapad",
    "uppdaterad",
];

/// Column names under which a valid identity number is something else: order, invoice,
/// ticket and serial numbers.
const NOT_IDS: &[&str] = &[
    "order",
    "ordernr",
    "invoice",
    "faktura",
    "fakturanr",
    "ticket",
    "serial",
    "serienummer",
    "imei",
    "ocr",
    "tracking",
    "sku",
    "ean",
    // Property and asset registers (`Objektnr`, `object_id`).
    "objekt",
    "object",
    // A payment's reference (`Referens`; a bare `ref=` may name a person's number), an
    // access card (`Kortnr` of a door log) and a build (`+build.202403041003`).
    "referens",
    "reference",
    "kortnr",
    "build",
    // The checksum that ends an SIE file (`#KSUMMA 2167411673`).
    "ksumma",
];

/// Labels that name a count of time whatever its digits (microseconds since boot, a
/// counter's epoch).
const CLOCK_LABELS: &[&str] = &["timestamp", "epoch"];

/// Whether the nearest label before the compact digits at `s`, which pass as an identity
/// number of `kind`, calls them something else: a count of time, whatever the kind
/// (`__MONOTONIC_TIMESTAMP=9256615403`, microseconds since boot in systemd's journal), or,
/// for a person's number, an order, an invoice, a payment reference or another number
/// that is no one's identity (`"ocr": "8001282808"`, `invoice 57495756 OCR 4211085305`).
/// An identity label that stands nearer wins (`OCR, pnr 8112189876`). Written with a
/// hyphen, the number is read as the identity number it looks like. (One look back for
/// all three lists: identity numbers are common in some files.)
fn labelled_not_an_id(hay: &[u8], s: usize, kind: Kind) -> bool {
    match super::label_before(hay, s, &[personnummer::ID_LABELS, NOT_IDS, CLOCK_LABELS]) {
        Some(2) => true,
        Some(1) => kind != Kind::Organisationsnummer,
        _ => false,
    }
}

/// Column names under which a number that passes as an organisation number is a bank
/// account (`Kontonr`, `bankkonto`, `account_number`), unless the name says an organisation
/// number as well (Salesforce's `Account.Org_Nr__c`, a field of the customer account). A
/// personal account at one bank is its holder's personnummer, so these names only decide
/// for organisation numbers.
const ACCOUNT_COLUMNS: &[&str] = &["konto", "bankkonto", "account", "bban"];

/// Whether ten bare digits at `s` that pass as an organisation number are reported as one:
/// unless the nearest label before them calls them a payment reference or an order,
/// invoice or serial number (`"ocr":"2929921431"`, `order=5478252405`), or the word right
/// before them names an identifier, a counter or a measure of another kind (`sessionid=`,
/// `seq=`, `/invoices/`, `uptime=`). One in ten random numbers passes Luhn, and eight in
/// ten of those have an organisation number's month digits. An organisation label that
/// stands nearer wins (`OCR … orgnr 5560360793`).
fn bare_organisation_number(hay: &[u8], s: usize) -> bool {
    // `ref` labels a reference here (`Inbetalning BG 2011-3908 ref 8186575588`); a card
    // number after `ref=` is still reported (`card::REFERENCE_LABELS`).
    let lists = [ORG_LABELS, NOT_IDS, card::REFERENCE_LABELS, &["ref"]];
    if card::xml_reference(hay, s)
        || item_identification(hay, s)
        || super::label_before(hay, s, &lists).is_some_and(|k| k > 0)
    {
        return false;
    }
    if url_slug(hay, s) {
        return false;
    }
    // The key right before: its name without `_id` (`session_id`), or the last part of a
    // name in snake case (`duration_ns`, `response_bytes`).
    let Some(word) = key_before(hay, s) else {
        return true;
    };
    let word = match word.len() > 3 && word[word.len() - 3..].eq_ignore_ascii_case(b"_id") {
        true => &word[..word.len() - 3],
        false => word,
    };
    let last = word.rsplit(|&b| b == b'_').next().unwrap_or(word);
    let is = |w: &[u8], list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()));
    !(is(word, IDENTIFIERS) || is(last, IDENTIFIERS) || is(last, UNITS))
}

/// The word right before a value at `s`, after one to four bytes of `=`, `:`, `/`,
/// quotes or spaces: ASCII letters, digits and `_`, at most 16 bytes.
fn key_before(hay: &[u8], s: usize) -> Option<&[u8]> {
    let mut e = s;
    while e > 0 && s - e < 4 && matches!(hay[e - 1], b'=' | b':' | b'/' | b'"' | b'\'' | b' ') {
        e -= 1;
    }
    let mut a = e;
    while a > 0 && e - a < 16 && (hay[a - 1].is_ascii_alphanumeric() || hay[a - 1] == b'_') {
        a -= 1;
    }
    (e < s && a < e).then_some(&hay[a..e])
}

/// Units that end the name of a measure (`duration_ns=`, `wait_ms=`, `body_bytes=`).
const UNITS: &[&str] = &[
    "ns", "us", "ms", "sec", "secs", "seconds", "millis", "micros", "nanos", "bytes", "kb", "mb",
    "gb", "ts",
];

/// Whether the number at `s` ends a slug in the path of a URL (`/butik/p-8384108117`,
/// `/nyheter/id-5560360793`): right after a hyphen that follows a letter or digit, with
/// `://` earlier in the same run of bytes without spaces, quotes or angle brackets. An
/// organisation number in a URL stands as a segment or a parameter of its own
/// (`/foretag/5560360793`, `?orgnr=5560360793`).
fn url_slug(hay: &[u8], s: usize) -> bool {
    if s < 2 || hay[s - 1] != b'-' || !hay[s - 2].is_ascii_alphanumeric() {
        return false;
    }
    let from = s.saturating_sub(256);
    let start = hay[from..s]
        .iter()
        .rposition(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'"' | b'\'' | b'<' | b'>'))
        .map_or(from, |i| from + i + 1);
    super::contains(&hay[start..s], b"://")
}

/// Whether the value at `s` is the `<cbc:ID>` of an item in a UBL invoice (PEPPOL BIS,
/// Svefaktura): `<cac:SellersItemIdentification><cbc:ID>6742550426</cbc:ID>` is an
/// article number; a party's identifiers stand under other elements.
fn item_identification(hay: &[u8], s: usize) -> bool {
    let Some(open) = memchr::memrchr(b'<', &hay[s.saturating_sub(64)..s]) else {
        return false;
    };
    let open = s.saturating_sub(64) + open;
    let tag = &hay[open + 1..s];
    let id = tag.strip_prefix(b"cbc:").unwrap_or(tag);
    if !(id.starts_with(b"ID>") || id.starts_with(b"ID ")) {
        return false;
    }
    let before = &hay[open.saturating_sub(48)..open];
    let before = before.trim_ascii_end();
    before.ends_with(b"ItemIdentification>")
        && !before
            .rsplit(|&b| b == b'<')
            .next()
            .is_some_and(|t| t.starts_with(b"/"))
}

/// Whether the number at `s` stands in a column of orders, tickets, objects or payment
/// references (grouped or not, it is no phone number there).
fn reference_column(cfg: &Config, hay: &[u8], s: usize) -> bool {
    cfg.column_name(hay, s).is_some_and(|name| {
        columns::says(name, NOT_IDS) || columns::says(name, card::REFERENCE_LABELS)
    })
}

/// Words for identifiers, counters and measures in logs and messages that are no
/// organisation's number (as the word right before it).
const IDENTIFIERS: &[&str] = &[
    "id",
    "session",
    "sessionid",
    "sid",
    "seq",
    "sequence",
    "uptime",
    "rss",
    "duration",
    "elapsed",
    "took",
    "ms",
    "bytes",
    "size",
    "count",
    "total",
    "rows",
    "job",
    "jobid",
    "pid",
    "tid",
    "thread",
    "txid",
    "transaction",
    "trace",
    "traceid",
    "span",
    "spanid",
    "requestid",
    "msgid",
    "messageid",
    "invoices",
    "orders",
    "tickets",
    "users",
    "nonce",
    "token",
    "hash",
    "checksum",
    "batch",
    "batchid",
    "runid",
    "build",
    "kod",
    "code",
    "pin",
    "pinkod",
    "portkod",
];

/// The phone detector that reports the digits of `group`, written without separators, if
/// they are a number a telephone system dials ([`phone::dialled_detector`]: a Swedish
/// national number, `00` and an international one, or `46` and a Swedish one without its
/// `0`) and the nearest label before them, their column's name, the codes of an HL7 field
/// after them, the HL7 field they stand in, the type of their entry or their place in a
/// call record call them one (`tel 0701130403`, a landline `"telefon": "0894575119"`,
/// `"msisdn": "46701234567"`, `031123456^PRN^PH`, NK1-5, `{"type": "home", "number":
/// "031123456"}`; not `swish OCR 0723133369`).
fn compact_phone(hay: &[u8], cfg: &Config, (s, e): (usize, usize)) -> Option<&'static str> {
    if !cfg.kinds.contains(Kind::Phone) {
        return None;
    }
    let detector = phone::dialled_detector(&hay[s..e])?;
    let labelled = phone::labelled_as_phone(hay, s)
        || cfg.column_says(hay, s, phone::PHONE_LABELS)
        || cfg.column_name(hay, s).is_some_and(phone::party_column)
        || phone::hl7_telecom_after(hay, e)
        || phone::in_hl7_phone_field(hay, s)
        || phone::typed_as_phone(hay, s)
        || phone::telephony_field(hay, s, e);
    labelled.then_some(detector)
}

/// Words that label an organisation number.
const ORG_LABELS: &[&str] = &[
    "orgnr",
    "organisationsnummer",
    "organisationsnr",
    "org",
    "orgno",
    "organisation",
    "organization",
    "företag",
    "foretag",
];

/// The IPv4 address at `p`, unless it stands in a column of versions (`os_version`).
fn v4_hit(hay: &[u8], p: usize, cfg: &Config) -> Option<Hit> {
    ip::v4_hit(hay, p).filter(|_| !cfg.column_says(hay, p, ip::NOT_IP_COLUMNS))
}

/// Whether the ten digits at `s` are labelled a time.
fn time_labelled(hay: &[u8], s: usize) -> bool {
    super::label_before(hay, s, &[TIME_LABELS]).is_some()
}

/// `may_match`'s test for the first group of a token, from its first two groups only.
#[inline]
fn may_start(hay: &[u8], p: usize, run_end: usize) -> bool {
    let len = run_end - p;
    let next = joined(hay, run_end).map(|(c, s)| (c, skip_digits(hay, s) - s));
    len >= 10
        || (matches!(len, 6 | 8) && matches!(next, Some((b'-' | b'+' | b' ', 4))))
        || (len == 4 && matches!(next, Some((b' ' | b'-', 4 | 6))))
        || nanp_start(hay[p], len, next)
        || (hay[p] == b'0'
            && (((2..=4).contains(&len) && matches!(next, Some((b'-' | b' ', _))))
                || len >= 8
                || hay[p..].starts_with(b"0046")))
}

/// Whether a group of `len` digits whose first is `first`, followed by `next` (separator
/// and length of the next group), may start a North American number.
fn nanp_start(first: u8, len: usize, next: Option<(u8, usize)>) -> bool {
    next == Some((b'-', 3)) && ((len == 3 && first >= b'2') || (len == 1 && first == b'1'))
}

/// The end of the token whose first run ends at `e`, if no group in it follows a space.
#[inline]
fn end_without_space(hay: &[u8], mut e: usize) -> Option<usize> {
    while let Some((c, next)) = joined(hay, e) {
        // A space, or a dash between spaces (`443 - 10.0.0.1`).
        if c == b' ' || hay[next - 1] == b' ' {
            return None;
        }
        e = skip_digits(hay, next);
    }
    Some(e)
}

/// Whether any number detector can match on this token at all: the preconditions each
/// detector checks first, on the group lengths and separators only. Most digit runs in
/// ordinary text (dates, times, amounts, short ids) fail this and cost nothing more.
#[inline]
fn may_match(hay: &[u8], groups: &[(usize, usize)], seps: &[u8]) -> bool {
    let n = groups.len();
    (0..n).any(|g| {
        // A match starts at the token start or after a space.
        if g > 0 && seps[g - 1] != b' ' {
            return false;
        }
        let (s, e) = groups[g];
        let len = e - s;
        let next = (g + 1 < n).then(|| (seps[g], groups[g + 1].1 - groups[g + 1].0));
        // One group: identity number (10/12), card (13-19), mobile (10).
        len >= 10
            // Identity number YYMMDD-NNNN / YYYYMMDD-NNNN (or a space for the hyphen).
            || (matches!(len, 6 | 8) && matches!(next, Some((b'-' | b'+' | b' ', 4))))
            // Grouped card 4-4-4-4(-3), 4-6-5, 4-6-4.
            || (len == 4 && matches!(next, Some((b' ' | b'-', 4 | 6))))
            // A North American number, `212-555-0143`, `1-212-555-0143`.
            || nanp_start(hay[s], len, next)
            // Swedish area code followed by the subscriber number, or a labelled national
            // number without separators; `0046 …`.
            || (hay[s] == b'0'
                && (((2..=4).contains(&len) && matches!(next, Some((b'-' | b' ', _))))
                    || len >= 8
                    || (g == 0 && hay[s..].starts_with(b"0046"))))
    })
}
