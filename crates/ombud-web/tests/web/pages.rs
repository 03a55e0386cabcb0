//! Pages: languages, security headers, user administration, the audit trail.

use axum::http::{StatusCode, header};
use ombud_core::Role;

use crate::common::{PASSWORD, TestApp};

#[tokio::test]
async fn language_follows_accept_language_and_the_users_choice() {
    let app = TestApp::new().await;
    let sv = app
        .send(
            axum::http::Request::get("/login")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(sv.body.contains("<html lang=\"sv\">") && sv.body.contains("Logga in"));
    let en = app
        .send(
            axum::http::Request::get("/login")
                .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(en.body.contains("<html lang=\"en\">") && en.body.contains("Sign in"));
    let mut b = app.browser().await;
    let switch = app.get(&b, "/lang/en?next=%2Flogin").await;
    assert_eq!(switch.location(), Some("/login"));
    b.lang = switch.cookie("ombud_lang");
    assert_eq!(b.lang.as_deref(), Some("en"));
    assert!(app.get(&b, "/login").await.body.contains("E-mail address"));
    // Only local paths are followed back.
    assert_eq!(
        app.get(&b, "/lang/sv?next=https%3A%2F%2Fevil.example")
            .await
            .location(),
        Some("/")
    );
    assert_eq!(
        app.get(&b, "/lang/sv?next=%2F%2Fevil.example")
            .await
            .location(),
        Some("/")
    );
}

#[tokio::test]
async fn security_headers_on_pages_errors_and_api() {
    let app = TestApp::new().await;
    let b = app.browser().await;
    for path in ["/login", "/no-such-page", "/api/v1/me", "/healthz"] {
        let r = app.get(&b, path).await;
        let h = |n: &str| {
            r.headers
                .get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        };
        let csp = h("content-security-policy");
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h("x-content-type-options"), "nosniff", "{path}");
    }
    let missing = app.get(&b, "/no-such-page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Sidan finns inte."));
    let api_missing = app.api("GET", "/api/v1/nothing", None, None).await;
    assert_eq!(
        (api_missing.status, api_missing.json()["error"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn pages_contain_no_inline_script_or_style() {
    let app = TestApp::new().await;
    app.user("admin@example.se", Role::Admin).await;
    let b = app.signed_in("admin@example.se").await;
    for path in [
        "/",
        "/admin/users",
        "/admin/users/new",
        "/admin/users/1",
        "/account",
        "/login",
    ] {
        let r = app.get(&b, path).await;
        assert!(
            !r.body.contains("<script") && !r.body.contains("style=") && !r.body.contains("<style"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn admin_creates_and_edits_users_and_a_rejected_form_keeps_the_input() {
    let app = TestApp::new().await;
    app.user("admin@example.se", Role::Admin).await;
    let b = app.signed_in("admin@example.se").await;
    let bad = app
        .post_form(
            &b,
            "/admin/users",
            &[
                ("email", "inte-en-adress"),
                ("display_name", "Karin Ek"),
                ("role", "auditor"),
                ("unit", "Ekonomi"),
                ("password", "kort"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for kept in [
        "value=\"inte-en-adress\"",
        "value=\"Karin Ek\"",
        "value=\"Ekonomi\"",
        "<option value=\"auditor\" selected>",
    ] {
        assert!(bad.body.contains(kept), "missing {kept}");
    }
    assert!(
        bad.body.contains("href=\"#email\"") && bad.body.contains("href=\"#password\""),
        "error summary links to the fields"
    );
    assert!(
        !bad.body.contains("value=\"kort\""),
        "the password is never sent back"
    );

    let ok = app
        .post_form(
            &b,
            "/admin/users",
            &[
                ("email", "karin@example.se"),
                ("display_name", "Karin Ek"),
                ("role", "auditor"),
                ("unit", "Ekonomi"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(ok.location(), Some("/admin/users?notice=users.created"));
    let list = app.get(&b, "/admin/users?notice=users.created").await;
    assert!(list.body.contains("Användaren skapades.") && list.body.contains("karin@example.se"));
    let dup = app
        .post_form(
            &b,
            "/admin/users",
            &[
                ("email", "KARIN@example.se"),
                ("display_name", "K"),
                ("role", "dpo"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert!(dup.body.contains("Det finns redan en användare"));

    let karin = app
        .store
        .list_users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.email.as_str() == "karin@example.se")
        .unwrap();
    let path = format!("/admin/users/{}", karin.id);
    let edit = app
        .post_form(
            &b,
            &path,
            &[("display_name", "Karin Ek"), ("role", "dpo"), ("unit", "")],
        )
        .await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER);
    let karin = app.store.user_by_id(karin.id).await.unwrap().unwrap();
    assert_eq!(
        (karin.role, karin.active, karin.unit),
        (Role::Dpo, false, None),
        "unchecked box deactivates"
    );
    // Karin is now inactive: her sign-in fails.
    let kb = app.browser().await;
    let r = app
        .post_form(
            &kb,
            "/login",
            &[("email", "karin@example.se"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_audit_trail_shows_changes_to_dpo_and_filters() {
    let app = TestApp::new().await;
    app.user("admin@example.se", Role::Admin).await;
    app.user("dpo@example.se", Role::Dpo).await;
    let admin = app.signed_in("admin@example.se").await;
    app.post_form(
        &admin,
        "/admin/users",
        &[
            ("email", "new@example.se"),
            ("display_name", "Ny Person"),
            ("role", "registrant"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let dpo = app.signed_in("dpo@example.se").await;
    let all = app.get(&dpo, "/audit").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains("3 poster"), "three accounts created");
    assert!(all.body.contains("admin@example.se") && all.body.contains("Ny Person"));
    let filtered = app.get(&dpo, "/audit?actor=1").await;
    assert!(filtered.body.contains("1 poster"), "{}", filtered.body);
    let bad = app.get(&dpo, "/audit?from=2026-13-01").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("ÅÅÅÅ-MM-DD"));
    let dash = app.get(&dpo, "/").await;
    assert!(dash.body.contains("Senaste ändringarna") && dash.body.contains("user.create"));
}

#[tokio::test]
async fn changing_ones_own_password_ends_the_session() {
    let app = TestApp::new().await;
    app.user("anna@example.se", Role::Registrant).await;
    let b = app.signed_in("anna@example.se").await;
    let wrong = app
        .post_form(
            &b,
            "/account/password",
            &[
                ("current", "fel"),
                ("password", "nytt lösenord 123"),
                ("password_confirm", "nytt lösenord 123"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Det nuvarande lösenordet är fel."));
    let ok = app
        .post_form(
            &b,
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "nytt lösenord 123"),
                ("password_confirm", "nytt lösenord 123"),
            ],
        )
        .await;
    assert_eq!(ok.location(), Some("/login?notice=account.changed"));
    assert!(
        app.get(&b, "/")
            .await
            .location()
            .is_some_and(|l| l.starts_with("/login"))
    );
    let nb = app.browser().await;
    let r = app
        .post_form(
            &nb,
            "/login",
            &[
                ("email", "anna@example.se"),
                ("password", "nytt lösenord 123"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn organisation_processors_and_systems_are_kept_through_their_forms() {
    let app = TestApp::new().await;
    app.user("dpo@example.se", Role::Dpo).await;
    let b = app.signed_in("dpo@example.se").await;
    let fields = [
        ("name", "Exempeluniversitetet"),
        ("org_number", "202100-0000"),
        ("is_public_authority", "on"),
        ("units", "HR\nIT-avdelningen"),
        ("dpo_name", "Dana Ombud"),
        ("dpo_email", "dso@example.se"),
    ];
    let r = app.post_form(&b, "/settings/organisation", &fields).await;
    assert_eq!(
        r.location(),
        Some("/settings/organisation?notice=saved"),
        "{}",
        r.body
    );
    let org = app.store.organisation().await.unwrap();
    assert!(org.is_public_authority);
    assert_eq!(org.units, ["HR", "IT-avdelningen"]);
    assert_eq!(org.dpo.unwrap().email, "dso@example.se");
    let empty = app
        .post_form(
            &b,
            "/settings/organisation",
            &[("org_number", "202100-0000")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty.body.contains("value=\"202100-0000\""),
        "typed values kept"
    );

    let p = app
        .post_form(
            &b,
            "/processors",
            &[
                ("name", "Lönebyrån AB"),
                ("agreement_in_place", "on"),
                ("agreement_date", "2025-01-15"),
                ("sub_processors", "Molnet AB; Sverige; drift"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some("/processors"));
    let saved = &app.store.processors().await.unwrap()[0];
    assert!(saved.agreement_in_place);
    assert_eq!(saved.sub_processors[0].service, "drift");
    let bad_date = app
        .post_form(
            &b,
            "/processors",
            &[("name", "X"), ("agreement_date", "15/1 2025")],
        )
        .await;
    assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_date.body.contains("value=\"15/1 2025\""));

    let s = app
        .post_form(
            &b,
            "/systems",
            &[("name", "Ladok"), ("hosting", "Ladokkonsortiet")],
        )
        .await;
    assert_eq!(s.location(), Some("/systems"));
    let id = app.store.systems().await.unwrap()[0].id;
    app.post_form(
        &b,
        &format!("/systems/{id}"),
        &[("name", "Ladok"), ("hosting", "Egen drift")],
    )
    .await;
    assert_eq!(app.store.systems().await.unwrap()[0].hosting, "Egen drift");
    let list = app.get(&b, "/systems").await;
    assert!(list.body.contains("Ladok") && list.body.contains("Egen drift"));
    // The activity form offers them.
    let form = app.get(&b, "/register/new").await;
    assert!(form.body.contains("Lönebyrån AB") && form.body.contains(">Ladok</label>"));
}
