//! `ombud demo` and `ombud register export | import` as a user runs them.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_ombud");

fn ombud(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .env_remove("OMBUD_DATABASE_URL")
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: Output) -> Output {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn export_json(dir: &Path, db: &str) -> serde_json::Value {
    let out = ok(ombud(
        dir,
        &["register", "export", "--format", "json", "--db", db],
    ));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Activities and audit entries in a SQLite database, read past the binary.
fn counts(db: &Path) -> (i64, i64) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite:{}", db.display()))
            .await
            .unwrap();
        let a: i64 = sqlx::query_scalar("SELECT count(*) FROM activities")
            .fetch_one(&mut c)
            .await
            .unwrap();
        let e: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log")
            .fetch_one(&mut c)
            .await
            .unwrap();
        (a, e)
    })
}

/// Removes what legitimately differs between two exports of the same
/// register: when it was exported, database ids, and the instants of
/// creation, change, submission and approval. Processor and system ids in
/// activities are replaced by the names they point to.
fn normalised(mut doc: serde_json::Value) -> serde_json::Value {
    let obj = doc.as_object_mut().unwrap();
    obj.remove("exported_at");
    let name_of = |list: &serde_json::Value| -> std::collections::HashMap<i64, String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["id"].as_i64().unwrap(),
                    r["name"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let processors = name_of(&obj["processors"]);
    let systems = name_of(&obj["systems"]);
    for list in ["processors", "systems"] {
        for r in obj[list].as_array_mut().unwrap() {
            r.as_object_mut().unwrap().remove("id");
        }
    }
    for a in obj["activities"].as_array_mut().unwrap() {
        let a = a.as_object_mut().unwrap();
        for k in [
            "id",
            "created_at",
            "updated_at",
            "submitted_at",
            "approved_at",
        ] {
            a.remove(k);
        }
        for (k, names) in [("processor_ids", &processors), ("system_ids", &systems)] {
            let resolved: Vec<String> = a[k]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| names[&id.as_i64().unwrap()].clone())
                .collect();
            a.insert(k.to_owned(), serde_json::json!(resolved));
        }
    }
    doc
}

#[test]
fn demo_loads_a_university_register_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(ombud(dir.path(), &["demo", "--db", "demo.db"]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Exempeluniversitetet"));
    let doc = export_json(dir.path(), "demo.db");
    assert_eq!(doc["format"], "ombud-register");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["organisation"]["is_public_authority"], true);
    let activities = doc["activities"].as_array().unwrap();
    assert!(activities.len() >= 30, "{} approved", activities.len());
    assert!(activities.iter().all(|a| a["status"] == "approved"));
    assert!(activities.iter().all(|a| a["review_due"].is_string()));
    assert!(activities.iter().any(|a| a["art9_exceptions"]
        == serde_json::json!(["archive_research_statistics"])
        && a["ethics_approval_ref"] != ""));
    // The DPO's queue is not empty: drafts and submissions beside the register.
    let (all, audit) = counts(&dir.path().join("demo.db"));
    assert!(all > activities.len() as i64);

    // A second run refuses and changes nothing.
    let again = ombud(dir.path(), &["demo", "--db", "demo.db"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a register"));
    assert_eq!(counts(&dir.path().join("demo.db")), (all, audit));

    let verify = ok(ombud(dir.path(), &["audit", "verify", "--db", "demo.db"]));
    assert!(String::from_utf8_lossy(&verify.stdout).contains("intact"));
}

#[test]
fn export_writes_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    ok(ombud(dir.path(), &["demo", "--db", "demo.db"]));
    let n = export_json(dir.path(), "demo.db")["activities"]
        .as_array()
        .unwrap()
        .len();

    let csv = ok(ombud(
        dir.path(),
        &[
            "register", "export", "--format", "csv", "--lang", "en", "--db", "demo.db",
        ],
    ));
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("Id,Status,Version,Name,Purposes,Unit,"),
        "{}",
        &csv[..200]
    );
    // Records end with CRLF; line breaks inside quoted values would be bare LF.
    assert_eq!(csv.matches("\r\n").count(), n + 1);
    assert!(csv.contains(",Approved,1,"));
    assert!(csv.contains("Public task or official authority (Art. 6(1)(e))"));
    assert!(
        csv.contains("Microsoft Ireland Operations Ltd"),
        "processor names, not ids"
    );

    ok(ombud(
        dir.path(),
        &[
            "register", "export", "--format", "csv", "--out", "reg.csv", "--db", "demo.db",
        ],
    ));
    let sv = std::fs::read_to_string(dir.path().join("reg.csv")).unwrap();
    assert!(sv.starts_with("Id,Status,Version,Namn,Ändamål,"));
    assert!(sv.contains(",Godkänd,1,"));

    ok(ombud(
        dir.path(),
        &[
            "register", "export", "--format", "xlsx", "--out", "reg.xlsx", "--db", "demo.db",
        ],
    ));
    let file = std::fs::File::open(dir.path().join("reg.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("an XLSX file is a zip archive");
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    for sheet in ["Behandlingar", "Biträden", "System", "Organisation"] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{sheet}: {workbook}"
        );
    }
    let mut first = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut first)
        .unwrap();
    assert!(
        first.contains("<pane ") && first.contains("state=\"frozen\""),
        "frozen header"
    );
    assert!(first.contains("<autoFilter "), "autofilter");
    assert_eq!(
        first.matches("<row ").count(),
        n + 1,
        "header and one row per activity"
    );

    // XLSX to standard output: allowed when it is not a terminal (here, a pipe).
    let piped = ok(ombud(
        dir.path(),
        &[
            "register", "export", "--format", "xlsx", "--lang", "en", "--db", "demo.db",
        ],
    ));
    assert!(piped.stdout.starts_with(b"PK"), "a zip archive on stdout");
}

#[test]
fn json_export_imports_back_losslessly() {
    let dir = tempfile::tempdir().unwrap();
    ok(ombud(dir.path(), &["demo", "--db", "demo.db"]));
    ok(ombud(
        dir.path(),
        &[
            "register", "export", "--format", "json", "--out", "reg.json", "--db", "demo.db",
        ],
    ));
    let first: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("reg.json")).unwrap())
            .unwrap();

    let out = ok(ombud(
        dir.path(),
        &["register", "import", "reg.json", "--db", "copy.db"],
    ));
    let n = first["activities"].as_array().unwrap().len();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("Imported {n} activities")),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let second = export_json(dir.path(), "copy.db");
    assert_eq!(normalised(second), normalised(first));

    // Importing the same file again: every name is taken, so nothing is added.
    let before = counts(&dir.path().join("copy.db"));
    let again = ombud(
        dir.path(),
        &["register", "import", "reg.json", "--db", "copy.db"],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already in the register"));
    assert_eq!(counts(&dir.path().join("copy.db")), before);
}

#[test]
fn an_import_with_a_bad_row_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(ombud(dir.path(), &["demo", "--db", "demo.db"]));
    let mut doc = export_json(dir.path(), "demo.db");
    let activities = doc["activities"].as_array_mut().unwrap();
    let name3 = activities[2]["name"].as_str().unwrap().to_owned();
    let name5 = activities[4]["name"].as_str().unwrap().to_owned();
    activities[2]["legal_basis"] = serde_json::json!("interest");
    activities[4]["legal_basis"] = serde_json::json!("legitimate_interests");
    std::fs::write(dir.path().join("bad.json"), doc.to_string()).unwrap();

    // Into a database that already holds a register, and into an empty one.
    for db in ["demo.db", "empty.db"] {
        ok(ombud(dir.path(), &["audit", "verify", "--db", db]));
        let before = counts(&dir.path().join(db));
        let out = ombud(
            dir.path(),
            &["register", "import", "bad.json", "--lang", "en", "--db", db],
        );
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("nothing was changed"), "{err}");
        assert!(
            err.contains(&format!(
                "row 3 (activity {name3:?}), field legal_basis: unknown variant `interest`"
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "row 5 (activity {name5:?}), field legal_basis: A public authority may not rely on legitimate interests"
            )),
            "{err}"
        );
        assert_eq!(counts(&dir.path().join(db)), before, "{db} unchanged");
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = ombud(
        dir.path(),
        &["register", "import", "missing.json", "--db", "x.db"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read missing.json"));
    std::fs::write(dir.path().join("not.json"), "{\"format\": \"other\"}").unwrap();
    let out = ombud(
        dir.path(),
        &["register", "import", "not.json", "--db", "x.db"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("field format: must be \"ombud-register\"")
    );
    let out = ombud(dir.path(), &["register", "export", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
}
