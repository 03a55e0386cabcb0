//! Library throughput on generated text (the realistic and the dense profile of
//! `tests/corpus`, and a delimited export whose columns name special categories), next to
//! the memchr floor.
//! `cargo bench -p ombud-scan --bench scan -- --warm-up-time 1 --measurement-time 4`

#[path = "../tests/corpus/mod.rs"]
mod corpus;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use ombud_scan::{Finding, KindSet, Scanner};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let realistic = corpus::realistic_document(42, 16 << 20).text.into_bytes();
    let dense = corpus::document(42, 16 << 20).text.into_bytes();
    profile(c, "realistic_16MiB", &realistic);
    profile(c, "dense_16MiB", &dense);
    export(c, "export_4MiB", &export_csv(4 << 20));
}

/// A register exported as CSV: a person per row, with a diagnosis, a union and a free-text
/// note, under a header that names those columns (every row has cells that the column
/// reading reports and indicator words that the keyword search finds).
fn export_csv(len: usize) -> Vec<u8> {
    const DIAGNOSES: &[&str] = &["diabetes typ 2", "astma", "depression", "", "migrän"];
    const UNIONS: &[&str] = &["Kommunal", "Vision", "Unionen", "", "Sveriges Ingenjörer"];
    const NOTES: &[&str] = &[
        "Sjukskriven två veckor, åter 3/6",
        "Ny adress anmäld",
        "Medlem i Svenska kyrkan",
        "",
        "Ringde om schemat",
    ];
    let mut out = String::from("id;namn;personnummer;diagnos;fackförbund;anteckning\n");
    let mut i = 0usize;
    while out.len() < len {
        // A birth date and serial, with the check digit that makes it valid.
        let nine = format!(
            "{:02}{:02}{:02}{:03}",
            40 + i % 60,
            1 + i % 12,
            1 + i % 28,
            i % 1000
        );
        let sum: u32 = nine
            .bytes()
            .enumerate()
            .map(|(k, b)| {
                let d = u32::from(b - b'0') * if k % 2 == 0 { 2 } else { 1 };
                d / 10 + d % 10
            })
            .sum();
        let pnr = format!("{}-{}{}", &nine[..6], &nine[6..], (10 - sum % 10) % 10);
        let pick = |list: &[&'static str], k: usize| list[(i / k) % list.len()];
        out += &format!(
            "{i};Anna Svensson;{pnr};{};{};{}\n",
            pick(DIAGNOSES, 1),
            pick(UNIONS, 3),
            pick(NOTES, 7)
        );
        i += 1;
    }
    out.into_bytes()
}

fn export(c: &mut Criterion, group: &str, text: &[u8]) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    let s = Scanner::builder().reference_date(2026, 6, 15).build();
    scan(&mut g, "all_kinds", &s, text);
    g.finish();
}

fn profile(c: &mut Criterion, group: &str, text: &[u8]) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("floor_memchr_count", |b| {
        b.iter(|| memchr::memchr_iter(b'7', black_box(text)).count())
    });
    let configs = [
        ("all_kinds", KindSet::all()),
        ("numbers_email_ip", KindSet::parse_list("personnummer,samordningsnummer,organisationsnummer,email,phone,ip_address,iban,payment_card").unwrap()),
        ("keywords_only", KindSet::parse_list("special_category").unwrap()),
    ];
    for (name, kinds) in configs {
        let s = Scanner::builder()
            .kinds(kinds)
            .reference_date(2026, 6, 15)
            .build();
        scan(&mut g, name, &s, text);
    }
    g.finish();
}

/// Benchmarks `s` over `text` as `name`, counting its findings.
fn scan(g: &mut BenchmarkGroup<'_, WallTime>, name: &str, s: &Scanner, text: &[u8]) {
    g.bench_function(name, |b| {
        b.iter(|| {
            let mut n = 0u64;
            s.scan_bytes(black_box(text), &mut |_: &Finding, _: &[u8]| n += 1);
            n
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
