//! Property tests: findings lie inside the input and re-validate on their own; chunked
//! streaming reports exactly what an unchunked scan reports; no input makes a detector panic.

mod corpus;

use ombud_scan::{BINARY_PROBE, Finding, MIN_CHUNK, Scanner};
use proptest::prelude::*;
use std::io::Read;

const VOCAB: &[&str] = &[
    "0",
    "1",
    "7",
    "9",
    "12",
    "070",
    "08",
    "46",
    "+46",
    "+",
    "-",
    " ",
    "  ",
    ".",
    ",",
    ":",
    "::",
    "@",
    "\n",
    "\"",
    "\t",
    "(0)",
    "SE45",
    "GB82",
    "WEST",
    "example.se",
    "anna",
    "_",
    "x",
    "é",
    "fe80",
    "2001:db8",
    "192.168.",
    "811218",
    "9876",
    "8112189876",
    "19",
    "4111",
    "diagnos",
    "fackförbund",
    "version ",
    " - ",
    "070.",
    "ä",
    "\u{0}",
    "16",
    "5560360793",
    "811278",
];

fn scanner() -> Scanner {
    let (y, m, d) = corpus::REF;
    Scanner::builder()
        .reference_date(y, m, d)
        .chunk_size(MIN_CHUNK)
        .build()
}

fn pieces() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(VOCAB).prop_map(|s| s.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 0..4),
        ],
        0..600,
    )
    .prop_map(|v| v.concat())
}

/// A reader that hands out the data in reads of varying small sizes.
struct Trickle<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
    k: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let want = self.sizes[self.k % self.sizes.len()].max(1);
        self.k += 1;
        let n = want.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn check_findings(s: &Scanner, input: &[u8], found: &[Finding]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for f in found {
        prop_assert!(
            f.start < f.end && f.end as usize <= input.len(),
            "span {f:?}"
        );
        prop_assert!(f.start >= last, "findings out of order");
        last = f.start;
        prop_assert!((0.0..=1.0).contains(&f.confidence));
        let value = &input[f.start as usize..f.end as usize];
        if f.detector == ombud_scan::COLUMN_DETECTOR || f.detector == ombud_scan::KEYED_DETECTOR {
            // A cell under a sensitive column's name, or the value of a key that names a
            // category: the header or the key, not the value, decides.
            prop_assert!(!value.is_empty() && !value.contains(&b'\n'), "cell {f:?}");
            continue;
        }
        prop_assert!(
            s.revalidate(f.kind, value),
            "{:?} does not re-validate as {}",
            String::from_utf8_lossy(value),
            f.kind
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn findings_are_inside_and_revalidate(input in pieces()) {
        let s = scanner();
        let found = s.find_all(&input);
        check_findings(&s, &input, &found)?;
    }

    #[test]
    fn chunking_changes_nothing(
        seed in 0u64..10_000,
        size in 6_000usize..40_000,
        flatten in any::<bool>(),
        noise in pieces(),
        at in any::<prop::sample::Index>(),
        reads in prop::collection::vec(1usize..9_000, 1..8),
    ) {
        let mut text = corpus::document(seed, size).text.into_bytes();
        let pos = at.index(text.len() + 1);
        text.splice(pos..pos, noise);
        if flatten {
            // No cut bytes at all: exercises the overlapping-window fallback.
            for b in text.iter_mut() {
                if matches!(*b, b'\n' | b'"' | b'\t') {
                    *b = b' ';
                }
            }
        }
        let s = scanner();
        let whole = s.find_all_unchunked(&text);
        check_findings(&s, &text, &whole)?;
        let sliced = s.find_all(&text);
        prop_assert_eq!(&sliced, &whole);
        // One lane, and several chunks scanned at once.
        for threads in [1, 4] {
            let mut streamed = Vec::new();
            let reader = Trickle { data: &text, sizes: reads.clone(), k: 0 };
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let outcome = pool
                .install(|| {
                    s.scan_reader(reader, &mut |f: &Finding, v: &[u8]| {
                        assert_eq!(v, &text[f.start as usize..f.end as usize]);
                        streamed.push(*f)
                    })
                })
                .unwrap();
            prop_assert_eq!(outcome.bytes, text.len() as u64);
            prop_assert_eq!(&streamed, &whole);
            // The same bytes as a file, read by position part by part.
            let file = TempFile::with(&text);
            let mut read = Vec::new();
            let outcome = pool
                .install(|| {
                    s.scan_file(&file.0, &mut |f: &Finding, v: &[u8]| {
                        assert_eq!(v, &text[f.start as usize..f.end as usize]);
                        read.push(*f)
                    })
                })
                .unwrap();
            if text[..text.len().min(BINARY_PROBE)].contains(&0) {
                prop_assert!(outcome.binary && read.is_empty());
                continue;
            }
            prop_assert_eq!(outcome.bytes, text.len() as u64);
            prop_assert_eq!(&read, &whole);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// With the default chunk, a stream is first read into 64 KiB and its buffer grown when
    /// more follows (the chunk tests above use chunks smaller than that first read): a
    /// stream around that size finds what the whole text holds, once each.
    #[test]
    fn streams_that_outgrow_their_first_read(
        seed in 0u64..10_000,
        size in 40_000usize..140_000,
        reads in prop::collection::vec(1usize..70_000, 1..6),
    ) {
        let text = corpus::document(seed, size).text.into_bytes();
        let (y, m, d) = corpus::REF;
        let s = Scanner::builder().reference_date(y, m, d).build();
        let whole = s.find_all_unchunked(&text);
        prop_assert!(!whole.is_empty());
        let mut streamed = Vec::new();
        let reader = Trickle { data: &text, sizes: reads, k: 0 };
        let outcome = s
            .scan_reader(reader, &mut |f: &Finding, v: &[u8]| {
                assert_eq!(v, &text[f.start as usize..f.end as usize]);
                streamed.push(*f)
            })
            .unwrap();
        prop_assert_eq!(outcome.bytes, text.len() as u64);
        prop_assert_eq!(&streamed, &whole);
    }
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn with(bytes: &[u8]) -> TempFile {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("ombud-props-{}-{n}.txt", std::process::id());
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A file of many chunks whose first block holds a NUL byte is skipped as binary, and one
/// with a NUL byte further on is scanned to its end.
#[test]
fn large_files_are_sniffed_for_nul_bytes() {
    let s = scanner();
    let mut text = corpus::document(11, 64 * 1024).text.into_bytes();
    text[100] = 0;
    let file = TempFile::with(&text);
    let outcome = s
        .scan_file(&file.0, &mut |_: &Finding, _: &[u8]| {})
        .unwrap();
    assert!(outcome.binary);
    assert_eq!(outcome.findings, 0);
    text[100] = b' ';
    text[20_000] = 0;
    let file = TempFile::with(&text);
    let outcome = s
        .scan_file(&file.0, &mut |_: &Finding, _: &[u8]| {})
        .unwrap();
    assert!(!outcome.binary);
    assert_eq!(outcome.bytes, text.len() as u64);
    assert!(outcome.findings > 20, "{outcome:?}");
}

#[test]
fn planted_values_revalidate_from_the_generator() {
    let s = scanner();
    let doc = corpus::document(7, 64 * 1024);
    for l in &doc.labels {
        let kind = l.kind.parse().unwrap();
        assert!(
            s.revalidate(kind, &doc.text.as_bytes()[l.start..l.end]),
            "{l:?}"
        );
    }
}

/// A UTF-16 file longer than many chunks gives the findings of its UTF-8 text, at the
/// offsets of its own code units.
#[test]
fn utf16_files_find_what_their_utf8_text_holds() {
    let text = corpus::realistic_document(3, 3 << 20).text;
    let (y, m, d) = corpus::REF;
    let s = Scanner::builder()
        .reference_date(y, m, d)
        .chunk_size(MIN_CHUNK)
        .build();
    // The offset in UTF-16 code units of each UTF-8 offset that starts a character.
    let mut units = vec![0u64; text.len() + 1];
    let mut n = 0;
    for (i, c) in text.char_indices() {
        units[i] = n;
        n += c.len_utf16() as u64;
    }
    units[text.len()] = n;
    let want: Vec<(u64, u64, String)> = s
        .find_all(text.as_bytes())
        .iter()
        .map(|f| {
            let (a, b) = (units[f.start as usize], units[f.end as usize]);
            (2 + 2 * a, 2 + 2 * b, f.kind.name().to_string())
        })
        .collect();
    assert!(want.len() > 1000);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = std::env::temp_dir().join(format!("ombud-utf16-{}.txt", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let mut got = Vec::new();
    let outcome = s
        .scan_file(&path, &mut |f: &Finding, _: &[u8]| {
            got.push((f.start, f.end, f.kind.name().to_string()))
        })
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(outcome.bytes, bytes.len() as u64);
    assert_eq!(got, want);
}

/// An SQL dump of `rows` rows per table: a `CREATE TABLE` longer than the smallest chunk
/// followed by one `INSERT` of many rows, a `COPY` block and an `INSERT` with its column
/// list. Compact landlines stand in `telefon` columns and Luhn-valid ten-digit payment
/// references (organisation numbers by their digits) in `ocr` columns. Returns the dump
/// and the spans of its phone numbers.
fn sql_dump(seed: u64, rows: usize) -> (String, Vec<(usize, usize)>) {
    let mut r = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move |n: u64| {
        r = r
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (r >> 33) % n
    };
    let phone =
        |next: &mut dyn FnMut(u64) -> u64| format!("0{}{:07}", 1 + next(9), next(10_000_000));
    // Nine digits with an organisation number's group and month digits, and the Luhn digit.
    let ocr = |next: &mut dyn FnMut(u64) -> u64| {
        let body = format!("{}{}{:07}", 5 + next(5), 2 + next(8), next(10_000_000));
        (0..10)
            .map(|c| format!("{body}{c}"))
            .find(|d| ombud_scan::detect::luhn_valid(d.as_bytes()))
            .unwrap()
    };
    let mut out = String::from(
        "-- MySQL dump 10.13\n\nCREATE TABLE `kunder` (\n  `id` int NOT NULL,\n  `namn` text COMMENT '",
    );
    // Longer than the smallest chunk, so that chunks cut the statement.
    out.push_str(&"(x), ".repeat(4000));
    out.push_str("',\n  `telefon` varchar(32),\n  `ocr` varchar(20),\n  PRIMARY KEY (`id`)\n);\n");
    let mut phones = Vec::new();
    let mut row = |out: &mut String, phones: &mut Vec<(usize, usize)>, sep: &str, copy: bool| {
        let p = phone(&mut next);
        let o = ocr(&mut next);
        let note = ["Ann, (x)", "O''Hara", "a\\'b", "x);y"][next(4) as usize];
        if copy {
            out.push_str(&format!("{}\t{note}\t", next(1000)));
            phones.push((out.len(), out.len() + p.len()));
            out.push_str(&format!("{p}\t{o}\n"));
        } else {
            out.push_str(&format!("{sep}({},'{note}',", next(1000)));
            phones.push((out.len() + 1, out.len() + 1 + p.len()));
            out.push_str(&format!("'{p}','{o}')"));
        }
    };
    out.push_str("INSERT INTO `kunder` VALUES ");
    for i in 0..rows {
        row(&mut out, &mut phones, if i == 0 { "" } else { "," }, false);
    }
    out.push_str(";\nCOPY public.ordrar (id, namn, telefon, ocr) FROM stdin;\n");
    for _ in 0..rows {
        row(&mut out, &mut phones, "", true);
    }
    out.push_str("\\.\n\nINSERT INTO ordrar2 (id, namn, telefon, ocr) VALUES\n");
    for i in 0..rows {
        row(
            &mut out,
            &mut phones,
            if i == 0 { "" } else { ",\n" },
            false,
        );
    }
    out.push_str(";\n");
    (out, phones)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A dump's columns decide alike in every chunk: the statements that name them are
    /// read in order, also when a chunk cuts one.
    #[test]
    fn sql_dumps_read_in_chunks(
        seed in 0u64..1_000_000,
        rows in 20usize..400,
        reads in prop::collection::vec(1usize..9_000, 1..8),
    ) {
        let (text, phones) = sql_dump(seed, rows);
        let text = text.into_bytes();
        let s = scanner();
        let whole = s.find_all_unchunked(&text);
        let found: Vec<(usize, usize)> = whole
            .iter()
            .filter(|f| f.kind == ombud_scan::Kind::Phone)
            .map(|f| (f.start as usize, f.end as usize))
            .collect();
        prop_assert_eq!(&found, &phones);
        prop_assert!(whole.iter().all(|f| f.kind != ombud_scan::Kind::Organisationsnummer));
        prop_assert_eq!(&s.find_all(&text), &whole);
        for threads in [1, 4] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut streamed = Vec::new();
            let reader = Trickle { data: &text, sizes: reads.clone(), k: 0 };
            pool.install(|| s.scan_reader(reader, &mut |f: &Finding, _: &[u8]| streamed.push(*f)))
                .unwrap();
            prop_assert_eq!(&streamed, &whole);
            let file = TempFile::with(&text);
            let mut read = Vec::new();
            pool.install(|| s.scan_file(&file.0, &mut |f: &Finding, _: &[u8]| read.push(*f)))
                .unwrap();
            prop_assert_eq!(&read, &whole);
        }
    }
}
