//! Payment card numbers: 12–19 digits, compact or grouped (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4)
//! with one consistent separator, a known issuer prefix for the length, and the Luhn check.
//! Twelve digits are a card only compact and with a Maestro prefix (grouped 4-4-4 they are
//! far more often part of an account number).

use super::luhn_valid;

/// Detector name reported with these findings.
pub const DETECTOR: &str = "card_luhn";

/// The first `n` digits of the ASCII digits `d` as a number (an issuer prefix).
fn prefix(d: &[u8], n: usize) -> u32 {
    d[..n]
        .iter()
        .fold(0u32, |a, &b| a * 10 + u32::from(b - b'0'))
}

/// Whether the issuer prefix (IIN) is known for a number of this length.
pub fn issuer_ok(d: &[u8]) -> bool {
    let len = d.len();
    let p = |n: usize| prefix(d, n);
    match d[0] {
        b'4' => matches!(len, 13 | 16 | 19),                // Visa
        b'5' if (51..=55).contains(&p(2)) => len == 16,     // Mastercard
        b'2' if (2221..=2720).contains(&p(4)) => len == 16, // Mastercard 2-series
        b'3' if matches!(p(2), 34 | 37) => len == 15,       // American Express
        b'3' if (3528..=3589).contains(&p(4)) => (16..=19).contains(&len), // JCB
        b'3' if (300..=305).contains(&p(3)) || matches!(p(2), 36 | 38 | 39) => {
            (14..=19).contains(&len) // Diners Club
        }
        b'6' if p(4) == 6011 || (644..=649).contains(&p(3)) || p(2) == 65 => {
            (16..=19).contains(&len) // Discover
        }
        b'6' if p(2) == 62 => (16..=19).contains(&len), // UnionPay
        // Maestro: 50, 56–58, 6304, 6390, 67, and the 0604 of some issuers' test ranges.
        b'5' | b'6' | b'0'
            if matches!(p(2), 50 | 56..=58 | 67) || matches!(p(4), 6304 | 6390 | 604) =>
        {
            (12..=19).contains(&len)
        }
        // JCB's 15-digit ranges.
        b'1' | b'2' if matches!(p(4), 1800 | 2131) => len == 15,
        _ => false,
    }
}

/// Whether the valid card number `d` has the length its brand's cards are issued with:
/// Visa 13, 16 or 19 digits, Mastercard, JCB and Discover 16, American Express 15, Diners
/// Club 14 (`36`, `38`, `300`–`305`), UnionPay 16 or 19.
fn usual_compact(d: &[u8]) -> bool {
    let p = |n: usize| prefix(d, n);
    match (d[0], d.len()) {
        (b'4', 13 | 16 | 19) => true,
        (b'5', 16) => (51..=55).contains(&p(2)),
        (b'2', 16) => (2221..=2720).contains(&p(4)),
        (b'3', 15) => matches!(p(2), 34 | 37),
        (b'3', 16) => (3528..=3589).contains(&p(4)),
        (b'3', 14) => matches!(p(2), 36 | 38) || (300..=305).contains(&p(3)),
        (b'6', 16) => p(4) == 6011 || (644..=649).contains(&p(3)) || matches!(p(2), 62 | 65),
        (b'6', 19) => p(2) == 62,
        _ => false,
    }
}

/// Whether `d` (ASCII digits) is a valid card number.
pub fn valid(d: &[u8]) -> bool {
    (12..=19).contains(&d.len())
        && d.iter().all(u8::is_ascii_digit)
        && issuer_ok(d)
        && luhn_valid(d)
}

/// Words that label a payment reference, a customer, payer or invoice number, or an
/// article's barcode (Swedish giro payments carry a Luhn check digit too, payer numbers are
/// often mobile numbers, and a European article number of 13 digits can start like a
/// Maestro card).
pub(crate) const REFERENCE_LABELS: &[&str] = &[
    "ocr",
    "referens",
    "reference",
    "paymentid",
    "betalarnummer",
    "betalarnr",
    "betalningsreferens",
    "kundnummer",
    "kundnr",
    "fakturanummer",
    "fakturanr",
    "invoice",
    "ordernr",
    "ordernummer",
    "avinummer",
    "order",
    "orderno",
    "orderid",
    "avtalsnummer",
    "avtalsnr",
    "ärendenummer",
    "ärendenr",
    "leveransnummer",
    "leveransnr",
    "bg",
    "bankgiro",
    "pg",
    "plusgiro",
    "instrid",
    "endtoendid",
    "ean",
    "gtin",
    "streckkod",
    "barcode",
    "artikelnummer",
    "artikelnr",
];

/// Words that label a card number; nearer than a reference label, they win
/// (`InvoiceJob - charge card=5135…`).
pub(crate) const CARD_LABELS: &[&str] = &[
    "card",
    "cardnumber",
    "kort",
    "kortnummer",
    "kortnr",
    "kreditkort",
    "betalkort",
    "creditcard",
    "pan",
];

/// Whether the number at `s` is labelled a payment reference among the words just before
/// it (`OCR 4853916813577`, `"betalarnummer": "…"`), and no card label stands nearer, or
/// is the text of an XML element named for a reference.
pub(crate) fn reference_before(hay: &[u8], s: usize) -> bool {
    xml_reference(hay, s)
        || matches!(
            super::label_before(hay, s, &[CARD_LABELS, REFERENCE_LABELS, THREAD_LABELS]),
            Some(1 | 2)
        )
}

/// Words for the process and thread ids of server logs (`[pid 12803:tid 381310856029584]`
/// in Apache's error log).
const THREAD_LABELS: &[&str] = &["tid", "pid", "thread", "threadid"];

/// Whether the value at `s` is the text of an XML element whose name ends in `Ref`: the
/// references of ISO 20022 bank messages (`<Ref>`, `<AcctSvcrRef>`, `<NtryRef>`), which
/// carry Luhn check digits as giro references do.
pub(crate) fn xml_reference(hay: &[u8], s: usize) -> bool {
    let before = &hay[s.saturating_sub(4)..s];
    before == b"Ref>" || before == b"ref>"
}

/// Column names under which a Luhn-valid number is something other than a card: payment
/// references, serial numbers, device and order ids.
pub(crate) const NOT_CARDS: &[&str] = &[
    "ocr",
    "referens",
    "reference",
    "ref",
    "serial",
    "serienummer",
    "imei",
    "iccid",
    "id",
    "order",
    "ordernr",
    "invoice",
    "faktura",
    "fakturanr",
    "kundnr",
    "sensor",
    "device",
];

/// Tries a card number on digit groups starting at group `g`; returns groups consumed.
pub(crate) fn try_groups(
    hay: &[u8],
    groups: &[(usize, usize)],
    seps: &[u8],
    g: usize,
    cfg: &super::Config,
) -> Option<usize> {
    let glen = |i: usize| groups[i].1 - groups[i].0;
    let first = glen(g);
    if (12..=19).contains(&first) {
        let d = &hay[groups[g].0..groups[g].1];
        // Digits without groups in a length that no card of the brand is printed with
        // (Maestro's ranges, 17 digits) are a card only after a card label or in a card
        // column: as often they are a barcode or a sensor's id that passes Luhn.
        let labelled = || {
            super::label_before(hay, groups[g].0, &[CARD_LABELS]) == Some(0)
                || cfg.column_says(hay, groups[g].0, CARD_LABELS)
        };
        return (valid(d) && (usual_compact(d) || labelled())).then_some(1);
    }
    if first != 4 || g + 1 >= groups.len() {
        return None;
    }
    let sep = seps[g];
    if sep != b' ' && sep != b'-' {
        return None;
    }
    // Extent of groups joined by the same separator.
    let mut last = g + 1;
    while last + 1 < groups.len() && seps[last] == sep && last - g < 5 {
        last += 1;
    }
    let mut buf = [0u8; 19];
    for k in (2..=last - g + 1).rev() {
        let mut len_buf = [0usize; 6];
        for (l, i) in len_buf.iter_mut().zip(g..g + k) {
            *l = glen(i);
        }
        let lens = &len_buf[..k];
        let total: usize = lens.iter().sum();
        if !(12..=19).contains(&total) {
            continue;
        }
        // Twelve and thirteen digits in groups of four (Maestro, old Visa) only after a
        // card label or in a card column (`kortnummer 6304-2703-7258`): three groups of
        // four are too often something else.
        let shape_ok = lens == [4, 4, 4, 4]
            || lens == [4, 4, 4, 4, 3]
            || lens == [4, 6, 5]
            || lens == [4, 6, 4]
            || ((lens == [4, 4, 4] || lens == [4, 4, 5])
                && k == last - g + 1
                && (super::label_before(hay, groups[g].0, &[CARD_LABELS]) == Some(0)
                    || cfg.column_says(hay, groups[g].0, CARD_LABELS)));
        if !shape_ok {
            continue;
        }
        let mut n = 0;
        for &(s, e) in &groups[g..g + k] {
            buf[n..n + e - s].copy_from_slice(&hay[s..e]);
            n += e - s;
        }
        if valid(&buf[..n]) {
            return Some(k);
        }
        // Joined by hyphens, the longest shape decides: a 19-digit number that fails holds no
        // card in its first 16 digits. After a space, three digits may be something else (a
        // card code or an amount: `4111 1111 1111 1111 123`).
        if sep == b'-' {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn known_test_numbers() {
        assert!(valid(b"4111111111111111"));
        assert!(valid(b"5555555555554444"));
        let cfg = super::super::test_config();
        let groups = |t: &str| {
            let g: Vec<(usize, usize)> = t.match_indices(|c: char| c.is_ascii_digit()).fold(
                Vec::new(),
                |mut v: Vec<(usize, usize)>, (i, _)| {
                    match v.last_mut() {
                        Some(last) if last.1 == i => last.1 = i + 1,
                        _ => v.push((i, i + 1)),
                    }
                    v
                },
            );
            let seps = vec![b' '; g.len()];
            try_groups(t.as_bytes(), &g, &seps, 0, &cfg)
        };
        assert_eq!(groups("4111 1111 1111 1111"), Some(4));
        // The first 16 digits are a valid card, the 19 are not: after a space the three
        // digits are something else, after a hyphen the number is one.
        assert_eq!(groups("4111 1111 1111 1111 694"), Some(4));
        let hyphens = "4111-1111-1111-1111-694";
        let g: Vec<(usize, usize)> = (0..5)
            .map(|i| (i * 5, i * 5 + if i < 4 { 4 } else { 3 }))
            .collect();
        assert_eq!(
            try_groups(hyphens.as_bytes(), &g, &[b'-'; 5], 0, &cfg),
            None
        );
        assert!(valid(b"378282246310005"));
        assert!(valid(b"6011111111111117"));
        assert!(!valid(b"4111111111111112"));
        assert!(!valid(b"1111111111111117"));
        // Maestro from 12 digits; 15-digit JCB.
        assert!(valid(b"501800000009"));
        assert!(valid(b"6759000000005"));
        assert!(valid(b"180000000000002"));
        assert!(!valid(b"18000000000000002"));
        // Luhn-valid numbers outside the issuers' ranges (Swedish OCR references, serials).
        assert!(!valid(b"6066503064547970"));
        assert!(!valid(b"593487293473122"));
        assert!(!valid(b"6990073197843374"));
        assert!(!valid(b"411111111117"));
    }
    #[test]
    fn payment_references() {
        let at = |t: &str| reference_before(t.as_bytes(), t.rfind(' ').unwrap() + 1);
        assert!(at("OCR 4111111111111111"));
        assert!(at("OCR-nummer: 4111111111111111"));
        assert!(at("Betala med ocr 4111111111111111"));
        assert!(!at("Kort 4111111111111111"));
        assert!(!at("OCR saknas; kort: visa x 4111111111111111"));
    }
}
