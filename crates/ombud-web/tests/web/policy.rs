//! Walks every registered route with every role and checks the answer
//! against the declared policy table.

use axum::http::{Method, StatusCode};
use ombud_core::Role;
use ombud_web::policy::{POLICY, access_for};

use crate::common::{Browser, TestApp};

fn concrete(path: &str) -> String {
    path.replace("{id}", "1")
        .replace("{token}", "not-a-token")
        .replace("{code}", "en")
        .replace("{name}", "letter")
        .replace("{kind}", "acknowledgement")
        .replace("{form}", "close")
}

#[test]
fn every_route_has_a_policy_and_every_policy_a_route() {
    let table = ombud_web::routes::table();
    for (method, path) in table.routes() {
        assert!(
            access_for(method, path).is_some(),
            "{method} {path} has no entry in the policy table"
        );
    }
    for (m, p, _) in POLICY {
        assert!(
            table
                .routes()
                .iter()
                .any(|(rm, rp)| rm.as_str() == *m && rp == p),
            "policy entry {m} {p} names no route"
        );
    }
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_policy_says() {
    let app = TestApp::new().await;
    let mut callers: Vec<(Option<Role>, Browser, Option<String>)> =
        vec![(None, app.browser().await, None)];
    for role in Role::ALL {
        let email = format!("{role}@example.se");
        let user = app.user(&email, role).await;
        let token = app.token(&user).await;
        callers.push((Some(role), app.signed_in(&email).await, Some(token)));
    }
    let table = ombud_web::routes::table();
    let mut checked = 0;
    for (method, path) in table.routes() {
        let access = access_for(method, path).unwrap();
        let uri = concrete(path);
        let api = path.starts_with("/api/");
        // Sign-out ends the session, so every caller signs out last.
        if *path == "/logout" {
            continue;
        }
        for (role, browser, token) in &callers {
            let r = if api {
                let body = (*method == Method::POST).then(|| serde_json::json!({}));
                app.api(method.as_str(), &uri, token.as_deref(), body).await
            } else if *method == Method::POST {
                app.post_form(browser, &uri, &[]).await
            } else {
                app.get(browser, &uri).await
            };
            let who = role.map(|r| r.as_str()).unwrap_or("anonymous");
            let to_login = r.location().is_some_and(|l| l.starts_with("/login?next="));
            if access.allows(*role) {
                assert!(
                    r.status != StatusCode::UNAUTHORIZED
                        && r.status != StatusCode::FORBIDDEN
                        && !to_login,
                    "{method} {path} as {who}: allowed by the policy but got {} {:?}",
                    r.status,
                    r.location()
                );
            } else if role.is_none() {
                if api {
                    assert_eq!(
                        r.status,
                        StatusCode::UNAUTHORIZED,
                        "{method} {path} anonymous"
                    );
                    assert_eq!(r.json()["error"], "unauthorized");
                } else {
                    assert!(
                        to_login,
                        "{method} {path} anonymous: expected a redirect to sign in, got {}",
                        r.status
                    );
                }
            } else {
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{method} {path} as {who}");
                if api {
                    assert_eq!(r.json()["error"], "forbidden");
                }
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 100,
        "only {checked} route × caller pairs checked"
    );

    // Finally sign-out, which every signed-in caller may do.
    for (role, browser, _) in &callers[1..] {
        let r = app.post_form(browser, "/logout", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "logout as {role:?}");
        assert_eq!(r.location(), Some("/login?notice=login.signed_out"));
    }
    let anon = app.post_form(&callers[0].1, "/logout", &[]).await;
    assert!(
        anon.location()
            .is_some_and(|l| l.starts_with("/login?next="))
    );
}
