//! The throughput floor: reads every file under the given paths exactly like the scanner
//! does (1 MiB reads, one file per rayon task) and only counts one byte value with `memchr`.
//!
//! `cargo run --release -p ombud-scan --example floor -- [--threads N] PATH…`

use rayon::prelude::*;
use std::io::Read;
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut threads = None;
    if args.first().map(String::as_str) == Some("--threads") {
        threads = Some(args[1].parse::<usize>().expect("threads"));
        args.drain(..2);
    }
    let paths: Vec<std::path::PathBuf> = args.iter().map(Into::into).collect();
    let files: Vec<_> =
        ombud_scan::walk::collect_files(&paths, &mut |p, e| eprintln!("{}: {e}", p.display()))
            .into_iter()
            .map(|(p, _)| p)
            .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .unwrap();
    let t = Instant::now();
    let (bytes, count) = pool.install(|| {
        files
            .par_iter()
            .with_max_len(1)
            .map(|p| {
                let mut f = std::fs::File::open(p).unwrap();
                let mut buf = vec![0u8; 1 << 20];
                let (mut bytes, mut count) = (0u64, 0u64);
                loop {
                    let n = f.read(&mut buf).unwrap();
                    if n == 0 {
                        break;
                    }
                    bytes += n as u64;
                    count += memchr::memchr_iter(b'7', &buf[..n]).count() as u64;
                }
                (bytes, count)
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} files, {bytes} bytes, {count} '7' bytes, {secs:.3} s, {:.0} MB/s",
        files.len(),
        bytes as f64 / secs / 1e6
    );
}
