//! The `ombud` binary as a user runs it: serve, admin, audit.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ombud");
const PASSWORD: &str = "ett långt lösenord";

fn ombud(dir: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.current_dir(dir)
        .env_remove("OMBUD_DATABASE_URL")
        .env_remove("OMBUD_LISTEN");
    c
}

fn run_with_stdin(mut cmd: Command, input: &str) -> std::process::Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may exit before reading (e.g. a usage error): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn create_user(dir: &Path, db: Option<&str>, email: &str, role: &str) -> std::process::Output {
    let mut c = ombud(dir);
    c.args(["admin", "create-user", "--email", email, "--role", role]);
    if let Some(db) = db {
        c.args(["--db", db]);
    }
    run_with_stdin(c, &format!("{PASSWORD}\n"))
}

/// A running server and the base URL it printed.
struct Server {
    child: Child,
    base: String,
    stdout: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn start(dir: &Path, extra: &[&str]) -> Server {
        let mut child = ombud(dir)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        let base = first
            .trim()
            .strip_prefix("Ombud is running at ")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .trim_end_matches('/')
            .to_owned();
        Server {
            child,
            base,
            stdout,
        }
    }

    fn addr(&self) -> &str {
        self.base.strip_prefix("http://").unwrap()
    }

    /// A plain HTTP/1.1 request; returns status line and body.
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut s = TcpStream::connect(self.addr()).unwrap();
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("Content-Length: 0\r\n\r\n");
        s.write_all(req.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        let status = out.split(' ').nth(1).unwrap().parse().unwrap();
        let body = out
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    /// Sends SIGTERM and waits: a graceful stop exits 0.
    fn stop(mut self) {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let status = self.child.wait().unwrap();
        assert!(status.success(), "server exit after SIGTERM: {status}");
    }
}

#[test]
fn serve_creates_ombud_db_prints_a_setup_link_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(dir.path(), &[]);
    assert!(
        dir.path().join("ombud.db").exists(),
        "ombud.db created in the working directory"
    );
    let mut second = String::new();
    server.stdout.read_line(&mut second).unwrap();
    assert!(
        second.contains(&format!("{}/setup/", server.base)),
        "{second}"
    );
    let (status, body) = server.request("GET", "/healthz", &[]);
    assert_eq!(status, 200);
    assert!(body.contains("\"database\":\"sqlite\""), "{body}");
    let setup_path = second
        .trim()
        .rsplit_once(&server.base)
        .unwrap()
        .1
        .to_owned();
    assert_eq!(server.request("GET", &setup_path, &[]).0, 200);
    server.stop();
}

#[test]
fn cli_user_and_token_reach_the_api_and_roles_are_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let out = create_user(dir.path(), None, "dpo@example.se", "dpo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("created user 1 <dpo@example.se> with role dpo")
    );
    let tok = ombud(dir.path())
        .args(["admin", "create-token", "--email", "dpo@example.se"])
        .output()
        .unwrap();
    assert!(tok.status.success());
    let token = String::from_utf8(tok.stdout).unwrap().trim().to_owned();
    assert!(token.starts_with("ombud_"), "{token}");

    let server = Server::start(dir.path(), &[]);
    let auth = format!("Bearer {token}");
    let (status, body) = server.request("GET", "/api/v1/me", &[("Authorization", &auth)]);
    assert_eq!(
        (status, body.contains("\"role\":\"dpo\"")),
        (200, true),
        "{body}"
    );
    let (status, body) = server.request("GET", "/api/v1/users", &[("Authorization", &auth)]);
    assert_eq!(status, 403, "a DPO is not an administrator");
    assert!(body.contains("\"error\":\"forbidden\""));
    assert_eq!(server.request("GET", "/api/v1/me", &[]).0, 401);
    server.stop();
}

#[test]
fn admin_refuses_bad_input_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut short = ombud(dir.path());
    short.args([
        "admin",
        "create-user",
        "--email",
        "a@example.se",
        "--role",
        "dpo",
    ]);
    let out = run_with_stdin(short, "kort\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 12"));
    assert!(
        create_user(dir.path(), None, "a@example.se", "dpo")
            .status
            .success()
    );
    let dup = create_user(dir.path(), None, "A@example.se", "auditor");
    assert_eq!(dup.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let bad_role = create_user(dir.path(), None, "b@example.se", "king");
    assert_eq!(
        bad_role.status.code(),
        Some(2),
        "clap refuses an unknown role"
    );
    let no_user = ombud(dir.path())
        .args(["admin", "create-token", "--email", "x@example.se"])
        .output()
        .unwrap();
    assert_eq!(no_user.status.code(), Some(2));
}

#[test]
fn audit_verify_passes_then_fails_after_a_hand_edit() {
    let dir = tempfile::tempdir().unwrap();
    for (i, role) in ["admin", "dpo", "auditor"].iter().enumerate() {
        assert!(
            create_user(dir.path(), None, &format!("u{i}@example.se"), role)
                .status
                .success()
        );
    }
    let ok = ombud(dir.path())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("3 entries verified"));

    let db = dir.path().join("ombud.db");
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite:{}", db.display()))
            .await
            .unwrap();
        sqlx::query("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
            .execute(&mut c)
            .await
            .unwrap();
    });
    let bad = ombud(dir.path())
        .args([
            "audit",
            "verify",
            "--db",
            &format!("sqlite:{}", db.display()),
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("first bad entry: 2"), "{err}");
}

#[test]
fn the_same_features_run_on_postgresql() {
    let admin = std::env::var("OMBUD_TEST_PG_URL")
        .expect("OMBUD_TEST_PG_URL is not set: the PostgreSQL tests need a server (run scripts/test, which starts one)");
    let name = format!("ombud_cli_{}", std::process::id());
    let url = format!("{}/{name}", admin.rsplit_once('/').unwrap().0);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let exec = |sql: String| {
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut c)
                .await
                .unwrap();
        })
    };
    exec(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    exec(format!("CREATE DATABASE {name}"));
    let dir = tempfile::tempdir().unwrap();
    let out = create_user(dir.path(), Some(&url), "dpo@example.se", "dpo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = Server::start(dir.path(), &["--db", &url]);
    let (status, body) = server.request("GET", "/healthz", &[]);
    assert_eq!(
        (status, body.contains("\"database\":\"postgres\"")),
        (200, true),
        "{body}"
    );
    server.stop();
    assert!(
        !dir.path().join("ombud.db").exists(),
        "no SQLite file when PostgreSQL is configured"
    );
    let ok = ombud(dir.path())
        .args(["audit", "verify", "--db", &url])
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query("DELETE FROM audit_log WHERE seq = 1")
            .execute(&mut c)
            .await
            .unwrap();
    });
    let bad = ombud(dir.path())
        .args(["audit", "verify", "--db", &url])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    exec(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
}
