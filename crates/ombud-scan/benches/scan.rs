//! Library throughput on generated text (the realistic and the dense profile of
//! `tests/corpus`), next to the memchr floor.
//! `cargo bench -p ombud-scan --bench scan -- --warm-up-time 1 --measurement-time 4`

#[path = "../tests/corpus/mod.rs"]
mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ombud_scan::{Finding, KindSet, Scanner};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let realistic = corpus::realistic_document(42, 16 << 20).text.into_bytes();
    let dense = corpus::document(42, 16 << 20).text.into_bytes();
    profile(c, "realistic_16MiB", &realistic);
    profile(c, "dense_16MiB", &dense);
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
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0u64;
                s.scan_bytes(black_box(text), &mut |_: &Finding, _: &[u8]| n += 1);
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
