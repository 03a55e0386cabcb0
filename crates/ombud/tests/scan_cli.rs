//! `ombud scan` through the built binary: the output contract, masking, `.gz`, binary files,
//! unreadable paths and exit codes.

use serde_json::Value;
use std::io::Write;
use std::process::Command;

const TEXT: &str = "Kund 811218-9876 ringde från 070-123 45 67 (anna@example.se).\n\
Order 811218-9877 och ver 1.2.3.4 samt 0701234.\n";

fn ombud(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ombud"))
        .arg("scan")
        .args(args)
        .output()
        .expect("run ombud");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn jsonl_contract_and_masking() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, TEXT).unwrap();
    let (code, out, _) = ombud(&["--format", "jsonl", p.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v = lines(&out);
    let kinds: Vec<&str> = v.iter().map(|x| x["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["personnummer", "phone", "email"]);
    for x in &v {
        let (s, e) = (
            x["start"].as_u64().unwrap() as usize,
            x["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(x["path"].as_str().unwrap(), p.to_str().unwrap());
        let c = x["confidence"].as_f64().unwrap();
        assert!(c > 0.0 && c <= 1.0);
        assert!(x["detector"].is_string());
        assert!(s < e && e <= TEXT.len());
    }
    assert_eq!(
        &TEXT[v[0]["start"].as_u64().unwrap() as usize..v[0]["end"].as_u64().unwrap() as usize],
        "811218-9876"
    );
    assert_eq!(v[0]["value"], "811218-****");
    assert_eq!(v[2]["value"], "a***@example.se");
    assert!(!out.contains("9876"));

    let (_, shown, _) = ombud(&["--show-values", p.to_str().unwrap()]);
    assert_eq!(lines(&shown)[0]["value"], "811218-9876");
}

#[test]
fn kinds_filter_and_unknown_kind() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let (code, out, _) = ombud(&["--kinds", "email,phone", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    let kinds: Vec<String> = lines(&out)
        .iter()
        .map(|x| x["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["phone", "email"]);
    let (code, _, err) = ombud(&["--kinds", "shoe_size", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("shoe_size"));
}

#[test]
fn gz_binary_recursion_and_json_document() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("exports/2024");
    std::fs::create_dir_all(&sub).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(TEXT.as_bytes()).unwrap();
    std::fs::write(sub.join("log.txt.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.path().join("img.bin"), b"\x89PNG\0\0811218-9876").unwrap();
    std::fs::write(dir.path().join("empty.csv"), "id;namn\n1;Ingen\n").unwrap();
    let (code, out, _) = ombud(&["--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(doc["files_scanned"], 2);
    assert_eq!(doc["binary_skipped"], 1);
    assert_eq!(doc["errors"], 0);
    let f = doc["findings"].as_array().unwrap();
    assert_eq!(f.len(), 3);
    // Offsets refer to the decompressed stream.
    assert_eq!(f[0]["start"], TEXT.find("811218-9876").unwrap() as u64);
    assert!(f[0]["path"].as_str().unwrap().ends_with("log.txt.gz"));
}

#[test]
fn unreadable_path_is_reported_and_the_rest_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, TEXT).unwrap();
    let missing = dir.path().join("no-such-file.txt");
    let (code, out, err) = ombud(&[missing.to_str().unwrap(), p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.txt"));
    assert_eq!(lines(&out).len(), 3);
}

#[test]
fn nothing_found_is_success_and_table_summarises() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plain.txt"),
        "Inget att se här, version 2.1.0.\n",
    )
    .unwrap();
    let (code, out, err) = ombud(&[dir.path().to_str().unwrap()]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let (code, out, _) = ombud(&["--format", "table", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    let row = out
        .lines()
        .find(|l| l.contains("a.txt") && l.contains("personnummer"))
        .unwrap();
    assert!(row.trim_end().ends_with(" 1"), "{row}");
    assert!(out.contains("files scanned: 2"));
}

/// `text` in UTF-16, with or without a byte order mark.
fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let units = bom
        .then_some(0xFEFFu16)
        .into_iter()
        .chain(text.encode_utf16());
    units
        .flat_map(|u| match little {
            true => u.to_le_bytes(),
            false => u.to_be_bytes(),
        })
        .collect()
}

#[test]
fn utf16_files_are_text_with_offsets_into_their_bytes() {
    let text = "Namn\tPersonnummer\tTelefon\r\nÅsa Öberg\t811218–9876\t070\u{a0}123 45 67\r\n\
                Жанна 😀 Ek\tanna@example.se\t\r\n";
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("le-bom.txt", utf16(text, true, true)),
        ("be.txt", utf16(text, false, false)),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&files[0].1).unwrap();
    std::fs::write(dir.path().join("le-bom.txt.gz"), gz.finish().unwrap()).unwrap();

    let (code, out, _) = ombud(&[
        "--format",
        "json",
        "--show-values",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            doc["files_scanned"].as_u64(),
            doc["binary_skipped"].as_u64()
        ),
        (Some(3), Some(0))
    );
    let total: usize = files.iter().map(|(_, b)| b.len()).sum::<usize>() + files[0].1.len();
    assert_eq!(doc["bytes_scanned"].as_u64(), Some(total as u64));
    for (name, bytes) in &files {
        for gz in [false, true] {
            let path = format!("{name}{}", if gz { ".gz" } else { "" });
            let found: Vec<&Value> = doc["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["path"].as_str().unwrap().ends_with(&format!("/{path}")))
                .collect();
            if gz && *name == "be.txt" {
                assert!(found.is_empty());
                continue;
            }
            let kinds: Vec<&str> = found.iter().map(|f| f["kind"].as_str().unwrap()).collect();
            assert_eq!(kinds, ["personnummer", "phone", "email"], "{path}");
            // Each finding's offsets cut the file's own bytes at its value.
            for f in found {
                let (s, e) = (
                    f["start"].as_u64().unwrap() as usize,
                    f["end"].as_u64().unwrap() as usize,
                );
                let units: Vec<u16> = bytes[s..e]
                    .chunks_exact(2)
                    .map(|p| match *name == "be.txt" {
                        true => u16::from_be_bytes([p[0], p[1]]),
                        false => u16::from_le_bytes([p[0], p[1]]),
                    })
                    .collect();
                assert_eq!(
                    String::from_utf16(&units).unwrap(),
                    f["value"].as_str().unwrap()
                );
            }
        }
    }
}

#[test]
fn windows_1252_values_are_shown_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("sjuk.txt");
    std::fs::write(
        &p,
        b"Fr\xe5nvaro p\xe5 grund av sjukskrivning, pnr 811218\x969876.\n",
    )
    .unwrap();
    let (code, out, _) = ombud(&["--show-values", p.to_str().unwrap()]);
    assert_eq!(code, 0);
    let values: Vec<String> = lines(&out)
        .iter()
        .map(|f| f["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(values, ["sjukskrivning", "811218–9876"]);
}

/// Runs `ombud scan ARGS` with `input` on standard input.
fn ombud_stdin(args: &[&str], input: &[u8]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ombud"))
        .arg("scan")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run ombud");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn a_dash_reads_standard_input_plain_or_gzip() {
    let (code, out) = ombud_stdin(&["--show-values", "-"], TEXT.as_bytes());
    assert_eq!(code, 0);
    let v = lines(&out);
    assert_eq!(v.len(), 3);
    assert!(v.iter().all(|x| x["path"] == "-"));
    assert_eq!(v[0]["value"], "811218-9876");
    assert_eq!(v[0]["start"], 5);

    // gzip is known by its magic bytes; offsets count the decompressed text.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(TEXT.as_bytes()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b.txt");
    std::fs::write(&p, "mail: bo@example.se\n").unwrap();
    let (code, out) = ombud_stdin(
        &["--format", "json", "-", p.to_str().unwrap(), "-"],
        &gz.finish().unwrap(),
    );
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let found = doc["findings"].as_array().unwrap();
    let paths: Vec<&str> = found.iter().map(|x| x["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["-", "-", "-", p.to_str().unwrap()]);
    assert_eq!(found[0]["start"], 5);
    assert_eq!(doc["files_scanned"], 2);

    // Binary input is skipped and counted.
    let (code, out) = ombud_stdin(&["--format", "json", "-"], b"\x00\x01\x02 811218-9876");
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["binary_skipped"], 1);
    assert!(doc["findings"].as_array().unwrap().is_empty());
}
