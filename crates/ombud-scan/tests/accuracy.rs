//! Precision and recall per kind on a generated labelled corpus (see `tests/corpus`).
//! A finding counts as a true positive only with the exact labelled span and kind.

mod corpus;

use ombud_scan::Scanner;
use std::collections::{BTreeMap, HashSet};

/// Thresholds: validated identifiers and structured kinds, and indicator words.
const MIN_PRECISION: f64 = 0.99;
const MIN_RECALL: f64 = 0.99;
const MIN_PRECISION_WORDS: f64 = 0.95;
const MIN_RECALL_WORDS: f64 = 0.95;

#[test]
fn precision_and_recall_per_kind() {
    check((0..8).map(|seed| corpus::document(seed, 256 * 1024)));
}

/// The realistic profile (sparse identifiers among ordinary numbers) must be as exact.
#[test]
fn precision_and_recall_per_kind_realistic() {
    check((0..16).map(|seed| corpus::realistic_document(seed, 1 << 20)));
}

fn check(docs: impl Iterator<Item = corpus::Doc>) {
    let (y, m, d) = corpus::REF;
    let scanner = Scanner::builder().reference_date(y, m, d).build();
    let mut tp: BTreeMap<String, u64> = BTreeMap::new();
    let mut fp: BTreeMap<String, u64> = BTreeMap::new();
    let mut fneg: BTreeMap<String, u64> = BTreeMap::new();
    let mut fp_examples = Vec::new();
    let mut fn_examples = Vec::new();
    for doc in docs {
        let truth: HashSet<(usize, usize, &str)> = doc
            .labels
            .iter()
            .map(|l| (l.start, l.end, l.kind))
            .collect();
        let mut seen = HashSet::new();
        for f in scanner.find_all(doc.text.as_bytes()) {
            let key = (f.start as usize, f.end as usize, f.kind.name());
            if truth.contains(&key) {
                *tp.entry(key.2.to_string()).or_default() += 1;
                seen.insert(key);
            } else {
                *fp.entry(key.2.to_string()).or_default() += 1;
                if fp_examples.len() < 20 {
                    let mut from = key.0.saturating_sub(30);
                    while !doc.text.is_char_boundary(from) {
                        from -= 1;
                    }
                    fp_examples.push(format!(
                        "{}: {:?} after {:?}",
                        key.2,
                        &doc.text[key.0..key.1],
                        &doc.text[from..key.0]
                    ));
                }
            }
        }
        for l in &doc.labels {
            if !seen.contains(&(l.start, l.end, l.kind)) {
                *fneg.entry(l.kind.to_string()).or_default() += 1;
                if fn_examples.len() < 20 {
                    fn_examples.push(format!("{}: {:?}", l.kind, &doc.text[l.start..l.end]));
                }
            }
        }
    }
    let kinds: std::collections::BTreeSet<&String> =
        tp.keys().chain(fp.keys()).chain(fneg.keys()).collect();
    println!(
        "{:<30} {:>7} {:>5} {:>5} {:>9} {:>9}",
        "kind", "tp", "fp", "fn", "precision", "recall"
    );
    let mut failures = Vec::new();
    for k in kinds {
        let t = *tp.get(k).unwrap_or(&0) as f64;
        let p = *fp.get(k).unwrap_or(&0) as f64;
        let n = *fneg.get(k).unwrap_or(&0) as f64;
        let precision = if t + p == 0.0 { 1.0 } else { t / (t + p) };
        let recall = if t + n == 0.0 { 1.0 } else { t / (t + n) };
        println!("{k:<30} {t:>7} {p:>5} {n:>5} {precision:>9.4} {recall:>9.4}");
        let (mp, mr) = if k.starts_with("special_category") {
            (MIN_PRECISION_WORDS, MIN_RECALL_WORDS)
        } else {
            (MIN_PRECISION, MIN_RECALL)
        };
        assert!(t > 20.0, "too few labelled {k} in the corpus");
        if precision < mp || recall < mr {
            failures.push(format!("{k}: precision {precision:.4} recall {recall:.4}"));
        }
    }
    // Shown with `--nocapture` even when the thresholds hold.
    println!("false positives: {fp_examples:#?}\nmissed: {fn_examples:#?}");
    assert!(
        failures.is_empty(),
        "below thresholds: {failures:?}\nfalse positives: {fp_examples:#?}\nmissed: {fn_examples:#?}"
    );
}
