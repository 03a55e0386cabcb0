//! Breaches through the API: reporting, the 72-hour deadline, roles, the
//! DPO's assessment and decisions, phased notifications and the rules.

use axum::http::StatusCode;
use ombud_core::Role;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::common::TestApp;

fn report(aware_at: &str) -> Value {
    json!({
        "title": "Betygslista till fel mottagare",
        "description": "En betygslista skickades med e-post till fel kurs.",
        "breach_types": ["confidentiality"],
        "occurred_at": "2025-03-28T08:00:00+01:00",
        "aware_at": aware_at,
        "discovery": "En student hörde av sig.",
        "data_subject_categories": ["Studenter"],
        "data_subjects_approx": 40,
        "record_categories": ["Betyg"],
        "records_approx": 40,
        "likely_consequences": "Obehöriga har sett betyg.",
        "measures_taken": "Mottagarna ombads radera e-posten.",
        "contained": true
    })
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap()
}

#[tokio::test]
async fn reporting_gives_the_deadline_in_the_offset_of_awareness() {
    let app = TestApp::new().await;
    let reg = app.user("reg@example.se", Role::Registrant).await;
    let t = app.token(&reg).await;
    // DST starts on 30 March 2025: 72 elapsed hours, same offset as given.
    let r = app
        .api(
            "POST",
            "/api/v1/incidents",
            Some(&t),
            Some(report("2025-03-28T10:00:00+01:00")),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let j = r.json();
    assert!(j["id"].as_i64().unwrap() > 0);
    assert_eq!(j["occurred_at"], "2025-03-28T08:00:00+01:00");
    assert_eq!(j["aware_at"], "2025-03-28T10:00:00+01:00");
    assert_eq!(j["imy_deadline"], "2025-03-31T10:00:00+01:00");
    assert_eq!(j["status"], "reported");
    assert!(j["risk"].is_null());
    assert_eq!(j["clock"]["state"], "overdue");

    let r = app
        .api(
            "POST",
            "/api/v1/incidents",
            Some(&t),
            Some(report("2025-03-28T09:00:00Z")),
        )
        .await;
    assert_eq!(r.json()["imy_deadline"], "2025-03-31T09:00:00Z");

    let id = j["id"].as_i64().unwrap();
    let got = app
        .api("GET", &format!("/api/v1/incidents/{id}"), Some(&t), None)
        .await;
    assert_eq!(got.json()["imy_deadline"], "2025-03-31T10:00:00+01:00");
}

#[tokio::test]
async fn bad_reports_are_refused_with_the_rule() {
    let app = TestApp::new().await;
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    let t = app.token(&dpo).await;
    let mut r = report("2025-03-28T07:00:00+01:00");
    r["description"] = json!("");
    let res = app
        .api("POST", "/api/v1/incidents?lang=en", Some(&t), Some(r))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    let rules: Vec<_> = res.json()["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["rule"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(rules, ["description_missing", "aware_before_occurred"]);
    let mut r = report("2025-03-28T10:00:00");
    r["title"] = json!("no offset");
    let res = app
        .api("POST", "/api/v1/incidents", Some(&t), Some(r))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(res.json()["error"], "invalid");
    assert!(app.store.incidents().await.unwrap().is_empty());
}

#[tokio::test]
async fn roles_report_read_and_decide() {
    let app = TestApp::new().await;
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    let reg = app.user("reg@example.se", Role::Registrant).await;
    let other = app.user("other@example.se", Role::Registrant).await;
    let aud = app.user("aud@example.se", Role::Auditor).await;
    let (td, tr, to, ta) = (
        app.token(&dpo).await,
        app.token(&reg).await,
        app.token(&other).await,
        app.token(&aud).await,
    );
    let body = report("2025-03-28T10:00:00+01:00");
    let created = app
        .api("POST", "/api/v1/incidents", Some(&ta), Some(body.clone()))
        .await;
    assert_eq!(created.status, StatusCode::FORBIDDEN, "auditors read only");
    let id = app
        .api("POST", "/api/v1/incidents", Some(&tr), Some(body))
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/incidents/{id}");
    for (t, status) in [
        (&td, StatusCode::OK),
        (&ta, StatusCode::OK),
        (&tr, StatusCode::OK),
        (&to, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(app.api("GET", &path, Some(t), None).await.status, status);
    }
    let list = app.api("GET", "/api/v1/incidents", Some(&to), None).await;
    assert_eq!(list.json()["total"], 0);
    let assess = json!({"risk": "risk", "reasoning": "Betyg till fel mottagare."});
    let r = app
        .api(
            "POST",
            &format!("{path}/assessment"),
            Some(&tr),
            Some(assess),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_dpo_assesses_decides_and_notifies_in_phases() {
    let app = TestApp::new().await;
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    let t = app.token(&dpo).await;
    let aware = OffsetDateTime::now_utc() - time::Duration::hours(80);
    let mut body = report(&rfc3339(aware));
    body["occurred_at"] = json!(rfc3339(aware - time::Duration::hours(1)));
    let id = app
        .api("POST", "/api/v1/incidents", Some(&t), Some(body))
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/incidents/{id}");
    let checks = app
        .api("GET", &format!("{path}/checks"), Some(&t), None)
        .await
        .json();
    assert_eq!(checks["violations"][0]["rule"], "notification_overdue");
    assert_eq!(checks["violations"][0]["article"], "GDPR Art. 33(1)");

    let early = app
        .api(
            "POST",
            &format!("{path}/imy-decision"),
            Some(&t),
            Some(json!({"notify": true, "reason": "Risk."})),
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        early.json()["violations"][0]["rule"],
        "decision_before_assessment"
    );

    let r = app
        .api(
            "POST",
            &format!("{path}/assessment"),
            Some(&t),
            Some(json!({"risk": "high_risk", "reasoning": "Betyg är känsliga för studenterna."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    assert_eq!(
        (j["risk"].clone(), j["status"].clone()),
        (json!("high_risk"), json!("assessed"))
    );
    assert_eq!(j["assessment"]["signed"]["by_id"], dpo.id);

    let r = app
        .api(
            "POST",
            &format!("{path}/imy-decision"),
            Some(&t),
            Some(json!({"notify": true, "reason": "Hög risk."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    let no = app
        .api(
            "POST",
            &format!("{path}/subjects-decision?lang=en"),
            Some(&t),
            Some(json!({"inform": false, "reason": "Svårt."})),
        )
        .await;
    assert_eq!(no.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = &no.json()["violations"][0];
    assert_eq!(v["rule"], "high_risk_not_informed");
    assert_eq!(v["article"], "GDPR Art. 34(1), 34(3)");
    assert!(v["message"].as_str().unwrap().contains("Art. 34(3)"));
    let r = app
        .api(
            "POST",
            &format!("{path}/subjects-decision"),
            Some(&t),
            Some(json!({"inform": true, "reason": "Hög risk: studenterna informeras."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "decided");

    let now = rfc3339(OffsetDateTime::now_utc());
    let late = app
        .api(
            "POST",
            &format!("{path}/notifications"),
            Some(&t),
            Some(json!({"phase": "initial", "submitted_at": now})),
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        late.json()["violations"][0]["rule"],
        "delay_reasons_missing"
    );
    let r = app
        .api(
            "POST",
            &format!("{path}/notifications"),
            Some(&t),
            Some(json!({"phase": "initial", "submitted_at": now, "delay_reasons": "Incidenten upptäcktes under en helg."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    assert_eq!(j["status"], "notified");
    assert_eq!(
        (j["clock"]["state"].clone(), j["clock"]["late"].clone()),
        (json!("notified"), json!(true))
    );
    let r = app
        .api(
            "POST",
            &format!("{path}/notifications"),
            Some(&t),
            Some(json!({"phase": "supplement", "submitted_at": now, "imy_reference": "IMY-2025-99", "summary": "Antal berörda bekräftat."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let phases: Vec<_> = r.json()["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["phase"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(phases, ["initial", "supplement"]);
    let trail = app
        .api("GET", "/api/v1/audit?entity_type=incident", Some(&t), None)
        .await
        .json();
    assert_eq!(trail["total"], 6);
}
