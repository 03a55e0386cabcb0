//! No input makes a detector panic; every finding lies inside the input, re-validates on its
//! own, and a chunked stream reports exactly what the unchunked scan reports.
//! Run: `cargo +nightly fuzz run detectors` from the repository root.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ombud_scan::{COLUMN_DETECTOR, Finding, KEYED_DETECTOR, MIN_CHUNK, Scanner};
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| {
        Scanner::builder()
            .reference_date(2026, 6, 15)
            .chunk_size(MIN_CHUNK)
            .build()
    })
}

fuzz_target!(|data: &[u8]| {
    let s = scanner();
    let whole = s.find_all_unchunked(data);
    for f in &whole {
        assert!(f.start < f.end && f.end as usize <= data.len());
        assert!((0.0..=1.0).contains(&f.confidence));
        // A cell under a sensitive column's name, or a key's value, is decided by the
        // header or the key, not by itself.
        if f.detector != COLUMN_DETECTOR && f.detector != KEYED_DETECTOR {
            assert!(s.revalidate(f.kind, &data[f.start as usize..f.end as usize]));
        }
    }
    let mut streamed = Vec::new();
    s.scan_reader(data, &mut |f: &Finding, _: &[u8]| streamed.push(*f))
        .unwrap();
    assert_eq!(streamed, whole);
});
