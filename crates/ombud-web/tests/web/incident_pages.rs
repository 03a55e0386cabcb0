//! Breaches through the pages: report → assess → decide → notify →
//! documents, the dashboard's clock panel, and the DPO's e-mail alert
//! delivered to a local SMTP server.

use axum::http::StatusCode;
use ombud_core::Role;
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::common::{Browser, TestApp};
use crate::smtp_sink::SmtpSink;

const REPORT: &[(&str, &str)] = &[
    ("title", "Lista med personnummer i fel kanal"),
    (
        "description",
        "En lista med 120 studenters personnummer delades i en öppen chattkanal.",
    ),
    ("breach_types", "confidentiality"),
    ("occurred_at", "2026-11-20T08:00"),
    ("aware_at", "2026-11-20T09:30"),
    ("discovery", "En lärare såg listan."),
    ("data_subject_categories", "Studenter"),
    ("data_subjects_approx", "120"),
    ("record_categories", "Namn\nPersonnummer"),
    ("records_approx", "120"),
    ("likely_consequences", "Risk för identitetsstöld."),
    ("measures_taken", "Listan togs bort efter 20 minuter."),
    ("contained", "on"),
];

async fn post(
    app: &TestApp,
    b: &Browser,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let r = app.post_form(b, path, fields).await;
    (r.status, r.location().map(str::to_owned).unwrap_or(r.body))
}

#[tokio::test]
async fn a_breach_goes_from_report_to_notification_and_documents_through_the_pages() {
    let app = TestApp::new().await;
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    app.user("reg@example.se", Role::Registrant).await;
    let reg = app.signed_in("reg@example.se").await;
    let b = app.signed_in("dpo@example.se").await;

    let r = app.get(&reg, "/incidents/new").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains(r#"type="datetime-local" id="aware_at""#),
        "{}",
        r.body
    );

    // A report without times or description is refused and keeps what was typed.
    let r = app
        .post_form(
            &reg,
            "/incidents",
            &[("title", "Halvfärdig rapport"), ("occurred_at", "igår")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"value="Halvfärdig rapport""#));
    assert!(r.body.contains(r#"value="igår""#));
    assert!(r.body.contains("ÅÅÅÅ-MM-DD TT:MM"), "{}", r.body);
    assert!(r.body.contains(r##"href="#aware_at""##));

    let (status, to) = post(&app, &reg, "/incidents", REPORT).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let id: i64 = to
        .trim_start_matches("/incidents/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let token = app.token(&dpo).await;
    let j = app
        .api(
            "GET",
            &format!("/api/v1/incidents/{id}"),
            Some(&token),
            None,
        )
        .await
        .json();
    // Stockholm wall clock in, RFC 3339 with the offset then in force out.
    assert_eq!(j["aware_at"], "2026-11-20T09:30:00+01:00");
    assert_eq!(j["imy_deadline"], "2026-11-23T09:30:00+01:00");
    assert_eq!(j["record_categories"], json!(["Namn", "Personnummer"]));
    assert_eq!(j["data_subjects_approx"], 120);
    assert_eq!(j["contained"], true);

    let page = format!("/incidents/{id}");
    let r = app.get(&reg, &page).await;
    assert!(r.body.contains("PUI-"));
    // The reporter sees the breach but not the DPO's forms.
    assert!(
        !r.body
            .contains(&format!(r#"action="/incidents/{id}/assessment""#))
    );
    let r = app.get(&b, &page).await;
    assert!(
        r.body
            .contains(&format!(r#"action="/incidents/{id}/assessment""#))
    );

    // The assessment needs its reasoning (Art. 33(5)); the choice is kept.
    let (status, body) = post(
        &app,
        &b,
        &format!("{page}/assessment"),
        &[("risk", "high_risk")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Art. 33(5)"), "{body}");
    assert!(body.contains(r#"value="high_risk" selected"#));
    let (status, _) = post(
        &app,
        &b,
        &format!("{page}/assessment"),
        &[
            ("risk", "high_risk"),
            ("reasoning", "Personnummer till en öppen kanal."),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Not notifying despite a risk is refused (Art. 33(1)).
    let (status, body) = post(
        &app,
        &b,
        &format!("{page}/imy-decision"),
        &[("notify", "no"), ("imy_reason", "Vi tror inte det behövs.")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Art. 33(1)"), "{body}");
    assert!(body.contains("Vi tror inte det behövs."));
    let (status, _) = post(
        &app,
        &b,
        &format!("{page}/imy-decision"),
        &[("notify", "yes"), ("imy_reason", "Hög risk.")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = post(
        &app,
        &b,
        &format!("{page}/subjects-decision"),
        &[
            ("inform", "yes"),
            ("subjects_reason", "Hög risk för de 120 studenterna."),
            ("advice", "Var uppmärksam på bedrägeriförsök i ditt namn."),
            ("planned_at", "2026-11-24T10:00"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // After the 72 hours, the first notice needs the reasons for the delay.
    let late = [
        ("phase", "initial"),
        ("submitted_at", "2026-11-23T11:00"),
        ("imy_reference", "IMY-2026-1234"),
    ];
    let (status, body) = post(&app, &b, &format!("{page}/notifications"), &late).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#"id="delay_reasons""#) && body.contains("Art. 33(1)"));
    let mut with_reasons = late.to_vec();
    with_reasons.push((
        "delay_reasons",
        "Listan upptäcktes under en helg med få i tjänst.",
    ));
    let (status, _) = post(&app, &b, &format!("{page}/notifications"), &with_reasons).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let j = app
        .api(
            "GET",
            &format!("/api/v1/incidents/{id}"),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(j["status"], "notified");
    assert_eq!(j["risk"], "high_risk");
    assert_eq!(j["clock"]["late"], true);
    assert_eq!(
        j["notifications"][0]["submitted_at"],
        "2026-11-23T11:00:00+01:00"
    );

    let r = app.get(&b, &page).await;
    assert!(r.body.contains("IMY-2026-1234"));
    assert!(r.body.contains("Personnummer till en öppen kanal."));

    // The notification to IMY, printable, in English.
    let r = app
        .get(&b, &format!("{page}/imy-notification?lang=en"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    for needle in [
        "What happened",
        "En lista med 120 studenters personnummer",
        "GDPR Art. 33(3)(b)",
        "GDPR Art. 33(3)(c)",
        "GDPR Art. 33(3)(d)",
        "Reasons for the delay",
        "Listan upptäcktes under en helg",
        "2026-11-23 09:30 (+01:00)",
        r#"lang="en""#,
    ] {
        assert!(r.body.contains(needle), "{needle} missing");
    }
    // The letter as JSON, in Swedish, with the advice to the data subjects.
    let r = app.get(&b, &format!("{page}/letter.json?lang=sv")).await;
    let doc: Value = r.json();
    assert_eq!(doc["kind"], "subject_letter");
    assert_eq!(doc["language"], "sv");
    let text = doc["sections"].to_string();
    assert!(text.contains("Var uppmärksam på bedrägeriförsök"));
    assert!(text.contains("Risk för identitetsstöld."));
    // And through the API.
    let r = app
        .api(
            "GET",
            &format!("/api/v1/incidents/{id}/documents/imy-notification?lang=sv"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["kind"], "imy_notification");
    let r = app
        .api(
            "GET",
            &format!("/api/v1/incidents/{id}/documents/nope"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Every step is in the audit trail.
    let r = app
        .api(
            "GET",
            "/api/v1/audit?entity_type=incident",
            Some(&token),
            None,
        )
        .await;
    let actions = r.json().to_string();
    for a in [
        "incident.create",
        "incident.assess",
        "incident.decide_imy",
        "incident.decide_subjects",
        "incident.notify",
    ] {
        assert!(actions.contains(a), "{a}");
    }
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap()
}

#[tokio::test]
async fn the_dashboard_lists_running_clocks_marking_those_ending_within_a_day_and_the_overdue() {
    let app = TestApp::new().await;
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    let token = app.token(&dpo).await;
    let now = OffsetDateTime::now_utc();
    let mut refs = Vec::new();
    for (hours_ago, title) in [
        (60, "tolv timmar kvar"),
        (1, "gott om tid"),
        (100, "försenad"),
        (100, "ingen risk"),
    ] {
        let r = app
            .api(
                "POST",
                "/api/v1/incidents",
                Some(&token),
                Some(json!({
                    "title": title,
                    "description": "Något hände.",
                    "occurred_at": rfc3339(now - Duration::hours(hours_ago + 1)),
                    "aware_at": rfc3339(now - Duration::hours(hours_ago)),
                })),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        refs.push((r.json()["id"].as_i64().unwrap(), title));
    }
    let (none_id, _) = refs[3];
    for (path, body) in [
        (
            "assessment",
            json!({"risk": "none_likely", "reasoning": "Krypterat."}),
        ),
        (
            "imy-decision",
            json!({"notify": false, "reason": "Ingen risk."}),
        ),
    ] {
        let r = app
            .api(
                "POST",
                &format!("/api/v1/incidents/{none_id}/{path}"),
                Some(&token),
                Some(body),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let b = app.signed_in("dpo@example.se").await;
    let body = app.get(&b, "/").await.body;
    assert!(body.contains("tolv timmar kvar"), "{body}");
    assert!(body.contains("försenad") && body.contains("gott om tid"));
    // Decided not to notify: no clock.
    assert!(!body.contains("ingen risk"));
    // The earliest deadline first: overdue, then within 24 hours, then the rest.
    let pos = |t: &str| body.find(t).unwrap();
    assert!(
        pos("försenad") < pos("tolv timmar kvar") && pos("tolv timmar kvar") < pos("gott om tid")
    );
    assert!(
        body.contains("clock-overdue")
            && body.contains("clock-soon")
            && body.contains("clock-running")
    );
    assert!(body.contains("Mindre än ett dygn kvar"));
}

#[tokio::test]
async fn a_reported_breach_is_mailed_to_the_dpo_through_smtp() {
    let sink = SmtpSink::start().await;
    let app = TestApp::new().await;
    app.user("dpo@example.se", Role::Dpo).await;
    app.user("admin@example.se", Role::Admin).await;
    let reg = app.user("reg@example.se", Role::Registrant).await;
    let admin = app.signed_in("admin@example.se").await;
    let port = sink.port.to_string();
    let mut settings = vec![
        ("host", "127.0.0.1"),
        ("port", port.as_str()),
        ("security", "none"),
        ("password", "hemligt-lösenord"),
        ("from", "inte en adress"),
        ("site_url", "https://ombud.example.se/"),
    ];
    // A bad sender is refused, and what was typed stays.
    let r = app.post_form(&admin, "/settings/email", &settings).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"value="127.0.0.1""#) && r.body.contains(r##"href="#from""##));
    settings[4] = ("from", "Ombud <ombud@example.se>");
    let r = app.post_form(&admin, "/settings/email", &settings).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The password is never shown again, nor written to the audit trail.
    let r = app.get(&admin, "/settings/email").await;
    assert!(!r.body.contains("hemligt"));
    assert!(r.body.contains("/settings/email/test"));

    let t = app.token(&reg).await;
    let r = app
        .api(
            "POST",
            "/api/v1/incidents",
            Some(&t),
            Some(json!({
                "title": "Borttappad dator",
                "description": "En okrypterad dator med löneuppgifter tappades bort.",
                "occurred_at": "2026-11-20T08:00:00+01:00",
                "aware_at": "2026-11-20T09:30:00+01:00",
            })),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].as_i64().unwrap();
    let got = sink.wait_for(1).await;
    assert_eq!(got.len(), 1, "no alert arrived");
    let m = &got[0];
    assert_eq!(m.to, ["<dpo@example.se>"]);
    assert_eq!(m.from, "<ombud@example.se>");
    assert!(m.data.contains(&format!("PUI-{id:04}")), "{}", m.data);
    assert!(
        m.data
            .contains(&format!("https://ombud.example.se/incidents/{id}"))
    );
    assert!(m.data.contains("2026-11-23 09:30 (+01:00)"));
    // Only a reference and times: not what happened.
    assert!(!m.data.contains("okrypterad"));

    // The stored password is never sent to another server.
    let moved = [
        ("host", "smtp.elsewhere.example"),
        ("port", port.as_str()),
        ("security", "none"),
        ("from", "Ombud <ombud@example.se>"),
    ];
    let r = app.post_form(&admin, "/settings/email", &moved).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r##"href="#password""##));
    assert!(r.body.contains(r#"value="smtp.elsewhere.example""#));
    let stored = app.store.setting("smtp").await.unwrap().unwrap();
    assert_eq!(stored["host"], "127.0.0.1");
    assert_eq!(stored["password"], "hemligt-lösenord");
    settings.retain(|(k, _)| *k != "password");
    settings.push(("password", "hemligt-lösenord"));
    let r = app.post_form(&admin, "/settings/email", &settings).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.setting("smtp").await.unwrap().unwrap()["password"],
        "hemligt-lösenord"
    );

    // The test mail from the settings page.
    let r = app.post_form(&admin, "/settings/email/test", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(sink.wait_for(2).await.len(), 2);

    let dpo_token = {
        let dpo = app
            .store
            .user_by_email(&ombud_core::user::Email::parse("dpo@example.se").unwrap())
            .await
            .unwrap()
            .unwrap();
        app.token(&dpo).await
    };
    let audit = app
        .api(
            "GET",
            "/api/v1/audit?entity_type=setting",
            Some(&dpo_token),
            None,
        )
        .await
        .body;
    assert!(
        audit.contains("setting.update") && !audit.contains("hemligt"),
        "{audit}"
    );
}
