//! The JSON API: tokens, roles, errors and the OpenAPI document.

use axum::http::StatusCode;
use ombud_core::Role;
use serde_json::json;

use crate::common::{PASSWORD, TestApp};

#[tokio::test]
async fn tokens_authenticate_and_roles_decide() {
    let app = TestApp::new().await;
    let admin = app.user("admin@example.se", Role::Admin).await;
    let auditor = app.user("aud@example.se", Role::Auditor).await;
    let (ta, tu) = (app.token(&admin).await, app.token(&auditor).await);
    let me = app.api("GET", "/api/v1/me", Some(&tu), None).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["role"], "auditor");
    assert_eq!(
        app.api("GET", "/api/v1/me", Some("ombud_wrong"), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let forbidden = app.api("GET", "/api/v1/users", Some(&tu), None).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    assert_eq!(forbidden.headers["content-type"], "application/json");
    let list = app.api("GET", "/api/v1/users", Some(&ta), None).await;
    assert_eq!(list.json()["total"], 2);

    let body = json!({"email": "ny@example.se", "display_name": "Ny", "role": "registrant", "unit": "HR", "password": PASSWORD});
    let created = app
        .api("POST", "/api/v1/users", Some(&ta), Some(body.clone()))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.json()["unit"], "HR");
    assert!(created.json().get("password_hash").is_none());
    assert_eq!(
        app.api("POST", "/api/v1/users", Some(&ta), Some(body))
            .await
            .status,
        StatusCode::CONFLICT
    );
    let bad = app
        .api(
            "POST",
            "/api/v1/users",
            Some(&ta),
            Some(json!({"email": "x@example.se", "role": "king"})),
        )
        .await;
    assert_eq!(
        (bad.status, bad.json()["error"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid"))
    );
    // A session cookie is not an API credential.
    let b = app.signed_in("admin@example.se").await;
    let with_cookie = app.get(&b, "/api/v1/me").await;
    assert_eq!(with_cookie.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn audit_api_lists_and_verifies() {
    let app = TestApp::new().await;
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    let t = app.token(&dpo).await;
    let page = app
        .api("GET", "/api/v1/audit?action=token.", Some(&t), None)
        .await
        .json();
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["entity_type"], "api_token");
    let v = app
        .api("GET", "/api/v1/audit/verify", Some(&t), None)
        .await
        .json();
    assert_eq!(
        (v["intact"].as_bool(), v["entries"].as_u64()),
        (Some(true), Some(2))
    );
    assert_eq!(
        app.api("GET", "/api/v1/audit?until=bad", Some(&t), None)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[test]
fn openapi_describes_every_api_route() {
    let doc: serde_json::Value =
        serde_json::from_str(&ombud_web::openapi::document_json()).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let table = ombud_web::routes::table();
    let mut n = 0;
    for (method, path) in table
        .routes()
        .iter()
        .filter(|(_, p)| p.starts_with("/api/"))
    {
        let op = &doc["paths"][path][method.as_str().to_lowercase()];
        assert!(
            op.is_object(),
            "{method} {path} is missing from the OpenAPI document"
        );
        n += 1;
    }
    assert!(n >= 6);
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn openapi_json_is_served_publicly() {
    let app = TestApp::new().await;
    let r = app.api("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["info"]["title"], "Ombud API");
}
