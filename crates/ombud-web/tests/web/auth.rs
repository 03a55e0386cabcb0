//! Signing in and out, sessions, CSRF, throttling and first-start setup.

use axum::http::StatusCode;
use ombud_core::Role;

use crate::common::{PASSWORD, TestApp};

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let app = TestApp::new().await;
    app.user("anna@example.se", Role::Dpo).await;
    let b = app.browser().await;
    let wrong = app
        .post_form(
            &b,
            "/login",
            &[("email", "anna@example.se"), ("password", "fel lösenord!!")],
        )
        .await;
    let unknown = app
        .post_form(
            &b,
            "/login",
            &[
                ("email", "nobody@example.se"),
                ("password", "fel lösenord!!"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.status, unknown.status);
    assert!(wrong.body.contains("Fel e-postadress eller lösenord."));
    let strip = |s: &str| {
        s.replace("anna@example.se", "")
            .replace("nobody@example.se", "")
    };
    assert_eq!(
        strip(&wrong.body),
        strip(&unknown.body),
        "the pages differ only in the typed address"
    );
    assert!(
        wrong.body.contains("value=\"anna@example.se\""),
        "the typed address is kept"
    );
    assert!(wrong.cookie("ombud_session").is_none());
}

#[tokio::test]
async fn sign_in_sets_a_hardened_session_cookie_and_renews_it() {
    let app = TestApp::new().await;
    app.user("anna@example.se", Role::Dpo).await;
    let b = app.signed_in("anna@example.se").await;
    let dash = app.get(&b, "/").await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(dash.body.contains("Test dpo"));

    // Signing in again from the same browser issues a new id and ends the old one.
    let again = app
        .post_form(
            &b,
            "/login",
            &[("email", "anna@example.se"), ("password", PASSWORD)],
        )
        .await;
    let line = again.set_cookie_line("ombud_session").unwrap();
    assert!(
        line.contains("HttpOnly") && line.contains("SameSite=Lax") && line.contains("Path=/"),
        "{line}"
    );
    assert!(!line.contains("Secure"), "not Secure without TLS");
    let new_id = again.cookie("ombud_session").unwrap();
    assert_ne!(Some(&new_id), b.session.as_ref());
    assert!(
        app.get(&b, "/")
            .await
            .location()
            .is_some_and(|l| l.starts_with("/login")),
        "old session ended"
    );
    let mut renewed = b.clone();
    renewed.session = Some(new_id);
    assert_eq!(app.get(&renewed, "/").await.status, StatusCode::OK);

    // Signing out ends the session.
    let out = app.post_form(&renewed, "/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(
        app.get(&renewed, "/")
            .await
            .location()
            .is_some_and(|l| l.starts_with("/login"))
    );
}

#[tokio::test]
async fn secure_cookies_when_configured() {
    let mut app = TestApp::new().await;
    app.state = ombud_web::AppState::new(
        app.store.clone(),
        ombud_web::WebConfig {
            secure_cookies: true,
            ..Default::default()
        },
    );
    app.user("anna@example.se", Role::Dpo).await;
    let first = app
        .send(
            axum::http::Request::get("/login")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        first
            .set_cookie_line("ombud_csrf")
            .unwrap()
            .contains("Secure")
    );
    let b = crate::common::Browser {
        csrf: first.cookie("ombud_csrf").unwrap(),
        ..Default::default()
    };
    let r = app
        .post_form(
            &b,
            "/login",
            &[("email", "anna@example.se"), ("password", PASSWORD)],
        )
        .await;
    assert!(
        r.set_cookie_line("ombud_session")
            .unwrap()
            .contains("Secure")
    );
}

#[tokio::test]
async fn forms_without_a_matching_csrf_token_are_refused() {
    let app = TestApp::new().await;
    app.user("admin@example.se", Role::Admin).await;
    let b = app.signed_in("admin@example.se").await;
    let fields = "email=x%40example.se&display_name=X&role=dpo&password=aaaaaaaaaaaaaaa";
    let missing = app.post_raw(&b, "/admin/users", fields.to_owned()).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(missing.body.contains("Formuläret hade gått ut"));
    let wrong = app
        .post_raw(
            &b,
            "/admin/users",
            format!("csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&{fields}"),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.store.count_users().await.unwrap(),
        1,
        "nothing was created"
    );
    let right = app
        .post_raw(&b, "/admin/users", format!("csrf={}&{fields}", b.csrf))
        .await;
    assert_eq!(right.status, StatusCode::SEE_OTHER, "{}", right.body);
    assert_eq!(app.store.count_users().await.unwrap(), 2);
}

#[tokio::test]
async fn repeated_failures_throttle_sign_in() {
    let app = TestApp::new().await;
    app.user("anna@example.se", Role::Dpo).await;
    let b = app.browser().await;
    for _ in 0..ombud_web::auth::MAX_FAILURES_PER_ACCOUNT {
        let r = app
            .post_form(
                &b,
                "/login",
                &[
                    ("email", "Anna@example.se"),
                    ("password", "gissning gissning"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let right = app
        .post_form(
            &b,
            "/login",
            &[("email", "anna@example.se"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        right.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(right.body.contains("För många misslyckade försök"));
    assert!(right.cookie("ombud_session").is_none());
}

#[tokio::test]
async fn setup_link_creates_the_first_admin_once() {
    let app = TestApp::new().await;
    let token = app.state.setup.issue();
    let b = app.browser().await;
    assert_eq!(
        app.get(&b, "/setup/wrong").await.status,
        StatusCode::NOT_FOUND
    );
    let page = app.get(&b, &format!("/setup/{token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let path = format!("/setup/{token}");
    let short = app
        .post_form(
            &b,
            &path,
            &[
                ("email", "boss@example.se"),
                ("display_name", "Chefen"),
                ("password", "kort"),
                ("password_confirm", "kort"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        short.body.contains("value=\"Chefen\"") && short.body.contains("value=\"boss@example.se\""),
        "typed values kept"
    );
    assert!(short.body.contains("minst 12 tecken"));
    let ok = app
        .post_form(
            &b,
            &path,
            &[
                ("email", "boss@example.se"),
                ("display_name", "Chefen"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let users = app.store.list_users().await.unwrap();
    assert_eq!((users.len(), users[0].role), (1, Role::Admin));
    assert!(ok.cookie("ombud_session").is_some(), "signed in at once");
    assert_eq!(
        app.get(&b, &path).await.status,
        StatusCode::NOT_FOUND,
        "the link works once"
    );
}
