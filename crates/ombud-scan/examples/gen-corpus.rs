//! Writes a generated corpus for benchmarks: `gen-corpus OUT_DIR MEGABYTES [FILE_MB]`.
//! Files of realistic mixed text (CSV, NDJSON, logs, prose) with planted personal data and
//! decoys; labels go to the sibling directory `OUT_DIR.labels/NAME.jsonl` (outside the scanned tree).
//!
//! `cargo run --release -p ombud-scan --example gen-corpus -- /tmp/corpus 1024`

#[path = "../tests/corpus/mod.rs"]
mod corpus;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: gen-corpus OUT_DIR MEGABYTES [FILE_MB]");
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
        let doc = corpus::document(1000 + i as u64, per << 20);
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
