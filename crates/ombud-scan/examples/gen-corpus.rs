//! Writes a generated corpus for benchmarks:
//! `gen-corpus [--profile realistic|dense] OUT_DIR MEGABYTES [FILE_MB]`.
//!
//! * `realistic` (default): logs, CSV exports, JSON records and Swedish/English prose full of
//!   ordinary numbers (timestamps, amounts, ids, versions, hex ids), with one planted
//!   identifier every 1–4 KiB.
//! * `dense`: the stress profile — one finding per ~110 bytes and decoys on every other line.
//!
//! Labels go to the sibling directory `OUT_DIR.labels/NAME.jsonl` (outside the scanned tree).
//!
//! `cargo run --release -p ombud-scan --example gen-corpus -- --profile realistic /tmp/corpus-realistic 1024`

#[path = "../tests/corpus/mod.rs"]
mod corpus;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args: Vec<String> = std::env::args().collect();
    let mut realistic = true;
    if args.get(1).map(String::as_str) == Some("--profile") {
        realistic = match args.get(2).map(String::as_str) {
            Some("realistic") => true,
            Some("dense") => false,
            _ => {
                eprintln!("--profile is realistic or dense");
                std::process::exit(2);
            }
        };
        args.drain(1..3);
    }
    if args.len() < 3 {
        eprintln!("usage: gen-corpus [--profile realistic|dense] OUT_DIR MEGABYTES [FILE_MB]");
        std::process::exit(2);
    }
    let dir = std::path::Path::new(&args[1]);
    let total: usize = args[2].parse().expect("MEGABYTES");
    let per: usize = args.get(3).map_or(16, |s| s.parse().expect("FILE_MB"));
    let label_dir = std::path::PathBuf::from(format!("{}.labels", dir.display()));
    std::fs::create_dir_all(dir)?;
    std::fs::create_dir_all(&label_dir)?;
    let files = total.div_ceil(per);
    for i in 0..files {
        let seed = 1000 + i as u64;
        let doc = if realistic {
            corpus::realistic_document(seed, per << 20)
        } else {
            corpus::document(seed, per << 20)
        };
        let name = format!("part-{i:04}.txt");
        std::fs::write(dir.join(&name), &doc.text)?;
        let mut labels = std::io::BufWriter::new(std::fs::File::create(
            label_dir.join(format!("{name}.jsonl")),
        )?);
        for l in &doc.labels {
            writeln!(
                labels,
                "{{\"start\":{},\"end\":{},\"kind\":\"{}\"}}",
                l.start, l.end, l.kind
            )?;
        }
    }
    eprintln!("wrote {files} files of {per} MiB to {}", dir.display());
    Ok(())
}
