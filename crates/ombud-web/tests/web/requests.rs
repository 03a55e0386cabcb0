//! Data-subject requests: the API contract (deadline from the legal
//! calendar, extension), the access report and erasure built from the
//! register, the public page with its abuse protection, the DPO's handling
//! through the pages, minimisation on closing and the purge.

use axum::http::StatusCode;
use ombud_core::Role;
use ombud_core::audit::Actor;
use ombud_core::register::Organisation;
use serde_json::{Value, json};

use crate::common::TestApp;

struct Setup {
    app: TestApp,
    dpo: String,
    staff: String,
}

async fn setup() -> Setup {
    let app = TestApp::new().await;
    let org = Organisation {
        name: "Exempelbolaget AB".into(),
        org_number: "556000-0000".into(),
        email: "info@exempel.se".into(),
        dpo: Some(ombud_core::register::DpoContact {
            name: "Dataskyddsombudet".into(),
            email: "dso@exempel.se".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    app.store
        .set_organisation(&Actor::system("test"), &org)
        .await
        .unwrap();
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    let staff = app.user("staff@example.se", Role::Registrant).await;
    Setup {
        dpo: app.token(&dpo).await,
        staff: app.token(&staff).await,
        app,
    }
}

impl Setup {
    async fn call(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> crate::common::Reply {
        self.app.api(method, path, Some(token), body).await
    }

    async fn approved(&self, body: Value) -> i64 {
        let created = self
            .call("POST", "/api/v1/activities", &self.dpo, Some(body))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let id = created.json()["id"].as_i64().unwrap();
        for step in ["submit", "approve"] {
            let r = self
                .call(
                    "POST",
                    &format!("/api/v1/activities/{id}/{step}"),
                    &self.dpo,
                    None,
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{step}: {}", r.body);
        }
        id
    }

    /// The DPO takes case `id` through `steps` (action, body), each accepted.
    async fn steps(&self, id: i64, steps: Vec<(&str, Value)>) {
        for (path, body) in steps {
            let r = self
                .call(
                    "POST",
                    &format!("/api/v1/requests/{id}/{path}"),
                    &self.dpo,
                    Some(body),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
        }
    }

    /// The checks of case `id` as the DPO reads them (the JSON body).
    async fn checks(&self, id: &Value) -> String {
        self.call(
            "GET",
            &format!("/api/v1/requests/{id}/checks"),
            &self.dpo,
            None,
        )
        .await
        .body
    }

    /// The DPO sets the categories of data subjects that concern case `id`.
    async fn scope(&self, id: i64, categories: &[&str]) {
        self.steps(
            id,
            vec![("scope", json!({ "data_subject_categories": categories }))],
        )
        .await;
    }

    async fn request(&self, body: Value) -> Value {
        let r = self
            .call("POST", "/api/v1/requests", &self.staff, Some(body))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        r.json()
    }
}

fn intake(right: &str, received_on: &str) -> Value {
    json!({
        "right": right,
        "received_on": received_on,
        "language": "sv",
        "requester": {"name": "Anna Andersson", "email": "anna@example.se", "identity_number": "19121212-1212"},
    })
}

/// Deadlines computed by hand from Regulation 1182/71: the same date a month
/// later (or that month's last day), run on past Saturdays, Sundays and
/// Swedish public holidays to the next working day.
#[tokio::test]
async fn the_deadline_is_the_calendars_one_month_deadline_and_moves_with_an_extension() {
    let s = setup().await;
    for (received, deadline) in [
        ("2025-03-05", "2025-04-07"), // Saturday 5 April → Monday 7 April
        ("2025-01-31", "2025-02-28"), // no 31 February
        ("2024-01-31", "2024-02-29"), // leap year
        ("2026-01-31", "2026-03-02"), // 28 Feb 2026 is a Saturday
        ("2024-02-29", "2024-04-02"), // Good Friday 29 March → Easter Monday → Tuesday
        ("2026-03-03", "2026-04-07"), // Good Friday 3 April 2026
        ("2025-04-29", "2025-05-30"), // Ascension Day 29 May
        ("2025-05-06", "2025-06-09"), // National Day, Friday 6 June
        ("2025-11-24", "2025-12-24"), // Christmas Eve is a working day under 1182/71
        ("2025-12-31", "2026-02-02"), // 31 January 2026 is a Saturday
        ("2025-10-31", "2025-12-01"), // 30 November is a Sunday
    ] {
        let j = s.request(intake("access", received)).await;
        assert_eq!(j["deadline"], deadline, "received {received}");
        assert!(j["id"].as_i64().unwrap() > 0);
        assert!(j["reference"].as_str().unwrap().starts_with("DSR-"));
    }
    // The extension: two further months, told within the first month.
    let j = s.request(intake("erasure", "2025-10-31")).await;
    let id = j["id"].as_i64().unwrap();
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{id}/extension"),
            &s.dpo,
            Some(json!({"reason": "Många system berörs.", "notified_on": "2025-11-20"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // 31 Jan 2026 (three months) vs 30 Jan (two months after 30 Nov): the earlier, a Friday.
    assert_eq!(r.json()["deadline"], "2026-01-30");
    let r = s
        .call("GET", &format!("/api/v1/requests/{id}"), &s.staff, None)
        .await;
    assert_eq!(r.json()["deadline"], "2026-01-30");
    assert_eq!(r.json()["status"], "extended");

    // Extended before the notice is sent: the deadline moves, a check reminds.
    let j = s.request(intake("access", "2024-02-29")).await;
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{}/extension", j["id"]),
            &s.dpo,
            Some(json!({"reason": "Många system berörs."})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["deadline"], "2024-05-29");
    let checks = s.checks(&j["id"]).await;
    // Received in 2024: the first month is long past, so an extension never
    // told does not hold.
    assert!(checks.contains("extension_notice_late"), "{checks}");
    // The notice is recorded afterwards (not a second extension): the check clears.
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{}/extension", j["id"]),
            &s.dpo,
            Some(json!({"reason": "Många system berörs.", "notified_on": "2024-03-15"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["extension"]["notified_on"], "2024-03-15");
    let checks = s.checks(&j["id"]).await;
    assert!(!checks.contains("extension_notice"), "{checks}");
    // A real second extension is refused.
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{}/extension", j["id"]),
            &s.dpo,
            Some(json!({"reason": "Igen.", "notified_on": "2024-03-16"})),
        )
        .await;
    assert!(r.body.contains("second_extension"), "{}", r.body);

    // Too late to extend: after the first month.
    let j = s.request(intake("access", "2025-03-05")).await;
    let late = s
        .call(
            "POST",
            &format!("/api/v1/requests/{}/extension", j["id"]),
            &s.dpo,
            Some(json!({"reason": "Sent.", "notified_on": "2025-04-10"})),
        )
        .await;
    assert_eq!(
        late.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        late.body
    );
    assert!(late.body.contains("Art. 12(3)"));
    // Only the DPO handles cases.
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{id}/extension"),
            &s.staff,
            Some(json!({"reason": "x", "notified_on": "2025-11-20"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn bad_intakes_are_refused_with_a_reason() {
    let s = setup().await;
    for (body, needle) in [
        (
            json!({"right": "access", "received_on": "2025-03-05", "language": "sv", "requester": {"name": "Anna"}}),
            "requester",
        ),
        (
            json!({"right": "forget_me", "received_on": "2025-03-05", "language": "sv", "requester": "Anna, anna@example.se"}),
            "right",
        ),
        (
            json!({"right": "access", "received_on": "5/3/2025", "language": "sv", "requester": "Anna, anna@example.se"}),
            "received_on",
        ),
        (
            json!({"right": "access", "received_on": "2025-03-05", "language": "de", "requester": "Anna, anna@example.se"}),
            "language",
        ),
    ] {
        let r = s
            .call("POST", "/api/v1/requests", &s.staff, Some(body))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains(needle), "{needle}: {}", r.body);
    }
    // One line of text is read as the name, with the e-mail address in it.
    let j = s
        .request(json!({"right": "objection", "received_on": "2025-03-05", "language": "en", "requester": "Bo Berg, bo@example.se"}))
        .await;
    assert_eq!(j["requester"]["email"], "bo@example.se");
    assert_eq!(j["language"], "en");
    let list = s.call("GET", "/api/v1/requests", &s.dpo, None).await.json();
    assert_eq!(list["total"], 1);
}

async fn register(s: &Setup) -> (i64, i64, i64) {
    let payroll = s
        .approved(json!({
            "name": "Lönehantering",
            "purposes": ["Betala ut lön"],
            "data_subject_categories": ["Anställda"],
            "personal_data_categories": ["Namn", "Kontonummer", "Lön"],
            "recipients": ["Skatteverket"],
            "legal_basis": "legal_obligation",
            "legal_basis_source_kind": "law",
            "legal_basis_source": "Bokföringslagen (1999:1078)",
            "retention": "7 år efter räkenskapsårets slut",
            "retention_source_kind": "law",
            "retention_source": "Bokföringslagen 7 kap. 2 §",
            "security_measures": "Behörighetsstyrning"
        }))
        .await;
    let newsletter = s
        .approved(json!({
            "name": "Nyhetsbrev",
            "purposes": ["Skicka nyhetsbrev"],
            "data_subject_categories": ["Prenumeranter"],
            "personal_data_categories": ["E-postadress"],
            "legal_basis": "consent",
            "retention": "Tills samtycket återkallas",
            "retention_source_kind": "internal_decision",
            "retention_source": "Beslut 2024-01",
            "security_measures": "Behörighetsstyrning"
        }))
        .await;
    let recruitment = s
        .approved(json!({
            "name": "Rekrytering",
            "purposes": ["Anställa"],
            "data_subject_categories": ["Arbetssökande"],
            "personal_data_categories": ["CV"],
            "legal_basis": "contract",
            "retention": "2 år",
            "retention_source_kind": "internal_decision",
            "retention_source": "Beslut 2024-02",
            "security_measures": "Behörighetsstyrning"
        }))
        .await;
    (payroll, newsletter, recruitment)
}

#[tokio::test]
async fn access_lists_exactly_the_activities_that_concern_the_requester_with_every_article_15_item()
{
    let s = setup().await;
    let (payroll, newsletter, _recruitment) = register(&s).await;
    let j = s.request(intake("access", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    s.scope(id, &["anställda", "Prenumeranter"]).await;
    let report = s
        .call(
            "GET",
            &format!("/api/v1/requests/{id}/access-report"),
            &s.dpo,
            None,
        )
        .await
        .json();
    let ids: Vec<i64> = report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["activity_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [payroll, newsletter]);
    for e in report["entries"].as_array().unwrap() {
        for item in [
            "purposes",
            "personal_data_categories",
            "recipients",
            "retention",
            "rights",
            "complaint",
            "source",
            "automated_decisions",
            "transfer_safeguards",
        ] {
            let lines = e[item]["lines"]
                .as_array()
                .unwrap_or_else(|| panic!("{item}"));
            assert!(!lines.is_empty(), "{item} empty");
            assert!(
                e[item]["article"].as_str().unwrap().contains("15"),
                "{item}"
            );
        }
    }
    let text = report.to_string();
    assert!(
        text.contains("Betala ut lön")
            && text.contains("Skatteverket")
            && text.contains("imy@imy.se")
    );
    assert!(!text.contains("Rekrytering"));
}

#[tokio::test]
async fn erasure_is_refused_for_data_kept_under_a_legal_obligation_and_granted_for_consent() {
    let s = setup().await;
    let (payroll, newsletter, _) = register(&s).await;
    let j = s.request(intake("erasure", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    s.scope(id, &["Anställda", "Prenumeranter"]).await;
    let suggestions = s
        .call(
            "GET",
            &format!("/api/v1/requests/{id}/erasure-suggestions"),
            &s.dpo,
            None,
        )
        .await
        .json();
    let by_id = |a: i64| {
        suggestions
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["activity_id"] == a)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_id(payroll)["decision"], "refuse");
    assert_eq!(by_id(payroll)["ground"], "legal_obligation");
    assert_eq!(by_id(newsletter)["decision"], "erase");

    // The DPO confirms the suggestions through the page, checks identity and answers.
    let b = s.app.signed_in("dpo@example.se").await;
    let page = s.app.get(&b, &format!("/requests/{id}")).await;
    assert!(page.body.contains("erasure.0.decision"), "{}", page.body);
    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, sug) in suggestions.as_array().unwrap().iter().enumerate() {
        fields.push((
            format!("erasure.{i}.activity_id"),
            sug["activity_id"].to_string(),
        ));
        fields.push((
            format!("erasure.{i}.activity_name"),
            sug["activity_name"].as_str().unwrap().into(),
        ));
        fields.push((
            format!("erasure.{i}.decision"),
            sug["decision"].as_str().unwrap().into(),
        ));
        fields.push((
            format!("erasure.{i}.ground"),
            sug["ground"].as_str().unwrap_or("").into(),
        ));
        fields.push((
            format!("erasure.{i}.explanation"),
            sug["explanation"].as_str().unwrap().into(),
        ));
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = s
        .app
        .post_form(&b, &format!("/requests/{id}/erasure-decisions"), &refs)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s
        .app
        .post_form(
            &b,
            &format!("/requests/{id}/identity-check"),
            &[("identity_method", "e_legitimation")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s
        .app
        .post_form(
            &b,
            &format!("/requests/{id}/answer"),
            &[
                ("answered_on", "2025-03-20"),
                ("outcome", "partially_granted"),
                ("answer_summary", "Nyhetsbrevet raderat."),
                (
                    "answer_reasons",
                    "Löneuppgifter sparas enligt bokföringslagen.",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let letter = s
        .call(
            "GET",
            &format!("/api/v1/requests/{id}/letters/answer"),
            &s.dpo,
            None,
        )
        .await;
    assert_eq!(letter.status, StatusCode::OK, "{}", letter.body);
    let text = letter.json().to_string();
    assert!(
        text.contains("Lönehantering") && text.contains("17.3 b"),
        "{text}"
    );
    assert!(text.contains("Nyhetsbrev"));
    assert!(text.contains("IMY") || text.contains("Integritetsskyddsmyndigheten"));
    let html = s
        .app
        .get(&b, &format!("/requests/{id}/letters/answer"))
        .await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains(r#"lang="sv""#));
}

#[tokio::test]
async fn the_public_page_takes_a_request_keeps_it_private_and_stops_robots() {
    let s = setup().await;
    let visitor = s.app.browser().await;
    let r = s.app.get(&visitor, "/rights").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(r#"name="website""#));

    // A filled honeypot: refused, nothing stored.
    let bot = [
        ("right", "access"),
        ("name", "Bot"),
        ("email", "bot@example.se"),
        ("website", "http://spam.example"),
    ];
    let r = s.app.post_form(&visitor, "/rights", &bot).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Missing contact details: refused, what was typed stays.
    let r = s
        .app
        .post_form(
            &visitor,
            "/rights",
            &[("right", "erasure"), ("name", "Cecilia Ek")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"value="Cecilia Ek""#));
    let list = s.call("GET", "/api/v1/requests", &s.dpo, None).await.json();
    assert_eq!(list["total"], 0);

    let person = [
        ("right", "access"),
        ("name", "Cecilia Ek"),
        ("email", "cecilia@example.se"),
        ("description", "Vilka uppgifter har ni om mig?"),
        ("data_subject_categories", "Anställda"),
    ];
    let r = s.app.post_form(&visitor, "/rights", &person).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let link = r.location().unwrap().to_owned();
    assert!(link.starts_with("/rights/case/"));
    let page = s.app.get(&visitor, &link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("DSR-0001"));
    // The private page shows no contact details.
    assert!(!page.body.contains("cecilia@example.se"));
    let list = s.call("GET", "/api/v1/requests", &s.dpo, None).await.json();
    assert_eq!(list["total"], 1);
    let case = &list["items"][0];
    assert_eq!(case["channel"], "web_form");
    assert_eq!(case["data_subject_categories"], json!(["Anställda"]));
    assert_eq!(case["requester"]["email"], "cecilia@example.se");
    // A wrong link finds nothing.
    assert_eq!(
        s.app.get(&visitor, "/rights/case/not-a-token").await.status,
        StatusCode::NOT_FOUND
    );

    // At most five requests an hour from one address (refused attempts have
    // their own, looser limit).
    for _ in 0..4 {
        let r = s.app.post_form(&visitor, "/rights", &person).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let r = s.app.post_form(&visitor, "/rights", &person).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains(r#"value="Cecilia Ek""#));
}

#[tokio::test]
async fn closing_minimises_the_requester_and_the_purge_deletes_after_retention() {
    let s = setup().await;
    let j = s.request(intake("objection", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    s.steps(
        id,
        vec![
        (
            "identity-check",
            json!({"method": "id_document", "note": "Pass kontrollerat"}),
        ),
        (
            "objection",
            json!({"decision": "upheld", "reasoning": "Inga tvingande skäl väger tyngre."}),
        ),
        (
            "answer",
            json!({"answered_on": "2025-03-25", "outcome": "granted", "summary": "Behandlingen har upphört."}),
        ),
        ("close", json!({"closed_on": "2025-03-26"})),
        ],
    )
    .await;
    let j = s
        .call("GET", &format!("/api/v1/requests/{id}"), &s.dpo, None)
        .await
        .json();
    assert_eq!(j["status"], "closed");
    assert_eq!(j["minimised"], true);
    assert_eq!(j["requester"]["name"], "Anna Andersson");
    assert_eq!(j["requester"]["email"], "");
    assert!(j["requester"]["identity_number"].is_null());
    // Every step is audited, and the trail never held the contact details.
    let audit = s
        .call("GET", "/api/v1/audit?entity_type=request", &s.dpo, None)
        .await
        .body;
    for action in [
        "request.create",
        "request.verify",
        "request.object",
        "request.answer",
        "request.close",
    ] {
        assert!(audit.contains(action), "{action}");
    }
    assert!(
        !audit.contains("anna@example.se") && !audit.contains("19121212"),
        "{audit}"
    );

    // Kept 24 months by default: not purged the day after, purged after.
    let today = time::macros::date!(2025 - 03 - 27);
    assert_eq!(
        ombud_web::retention::purge_closed(s.app.store.as_ref(), today)
            .await
            .unwrap(),
        0
    );
    let later = time::macros::date!(2027 - 03 - 26);
    assert_eq!(
        ombud_web::retention::purge_closed(s.app.store.as_ref(), later)
            .await
            .unwrap(),
        1
    );
    let r = s
        .call("GET", &format!("/api/v1/requests/{id}"), &s.dpo, None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let audit = s
        .call("GET", "/api/v1/audit?entity_type=request", &s.dpo, None)
        .await
        .body;
    assert!(audit.contains("request.purge"));
}

#[tokio::test]
async fn the_dashboard_sorts_open_requests_by_deadline_and_marks_the_urgent() {
    let s = setup().await;
    let today = ombud_web::routes::requests_api::today();
    // A receipt date whose deadline falls within the coming week.
    let soon = (20..=35)
        .map(|n| today - time::Duration::days(n))
        .find(|d| {
            let due = ombud_core::calendar::request_deadlines(*d, Default::default())
                .unwrap()
                .latest;
            (0..=7).contains(&(due - today).whole_days())
        })
        .unwrap();
    let late = today - time::Duration::days(60);
    let plenty = today;
    for d in [plenty, late, soon] {
        s.request(intake("access", &d.to_string())).await;
    }
    let b = s.app.signed_in("dpo@example.se").await;
    let body = s.app.get(&b, "/").await.body;
    let pos = |r: &str| body.find(r).unwrap_or_else(|| panic!("{r} missing"));
    // DSR-0002 (received 60 days ago) first, then DSR-0003, then DSR-0001.
    assert!(pos("DSR-0002") < pos("DSR-0003") && pos("DSR-0003") < pos("DSR-0001"));
    assert!(body.contains("clock-overdue") && body.contains("clock-soon"));
}

#[tokio::test]
async fn answers_dated_after_today_and_an_access_answer_without_scope_are_refused() {
    let s = setup().await;
    let tomorrow = ombud_web::routes::requests_api::today() + time::Duration::days(1);
    // A case may be registered ahead; its deadline is computed all the same.
    let ahead = s.request(intake("access", "2027-03-26")).await;
    assert_eq!(ahead["deadline"], "2027-04-26");
    let j = s.request(intake("access", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    let ok = s
        .call(
            "POST",
            &format!("/api/v1/requests/{id}/identity-check"),
            &s.dpo,
            Some(json!({"method": "id_document"})),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    // Without a scope the answer would wrongly say that no data are processed.
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{id}/answer"),
            &s.dpo,
            Some(json!({"answered_on": "2025-03-20", "outcome": "granted"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("data_subject_categories"));
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{id}/answer"),
            &s.dpo,
            Some(json!({"answered_on": tomorrow.to_string(), "outcome": "granted"})),
        )
        .await;
    assert!(r.body.contains("date_in_future"), "{}", r.body);
}

#[tokio::test]
async fn a_refused_erasure_table_comes_back_as_posted() {
    let s = setup().await;
    let (payroll, newsletter, _) = register(&s).await;
    let j = s.request(intake("erasure", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    s.scope(id, &["Anställda", "Prenumeranter"]).await;
    let b = s.app.signed_in("dpo@example.se").await;
    // The newsletter refused for legal claims, but without the explanation.
    let (p, n) = (payroll.to_string(), newsletter.to_string());
    let fields = [
        ("erasure.0.activity_id", p.as_str()),
        ("erasure.0.activity_name", "Lönehantering"),
        ("erasure.0.decision", "refuse"),
        ("erasure.0.ground", "legal_obligation"),
        (
            "erasure.0.explanation",
            "Bokföringslagen kräver att uppgifterna sparas.",
        ),
        ("erasure.1.activity_id", n.as_str()),
        ("erasure.1.activity_name", "Nyhetsbrev"),
        ("erasure.1.decision", "refuse"),
        ("erasure.1.ground", "legal_claims"),
        ("erasure.1.explanation", ""),
    ];
    let r = s
        .app
        .post_form(&b, &format!("/requests/{id}/erasure-decisions"), &fields)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let row1 = &r.body[r.body.find("erasure-1-decision").unwrap()..];
    let row1 = &row1[..row1.find("</fieldset>").unwrap()];
    assert!(row1.contains(r#"value="refuse" selected"#), "{row1}");
    assert!(row1.contains(r#"value="legal_claims" selected"#), "{row1}");
    assert!(r.body.contains("Bokföringslagen kräver"));
    // An unknown decision is refused, not read as "erase".
    let mut bad = fields;
    bad[7] = ("erasure.1.decision", "maybe");
    let r = s
        .app
        .post_form(&b, &format!("/requests/{id}/erasure-decisions"), &bad)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Both rows come back, with what was typed.
    assert!(r.body.contains("erasure-1-decision") && r.body.contains("Bokföringslagen kräver"));
    let j = s
        .call("GET", &format!("/api/v1/requests/{id}"), &s.dpo, None)
        .await
        .json();
    assert_eq!(j["erasure_decisions"], json!([]));
}

#[tokio::test]
async fn an_authority_keeps_closed_cases_until_a_retention_decision_is_named() {
    let s = setup().await;
    let mut org = s.app.store.organisation().await.unwrap();
    org.is_public_authority = true;
    s.app
        .store
        .set_organisation(&Actor::system("test"), &org)
        .await
        .unwrap();
    let j = s.request(intake("objection", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    s.steps(
        id,
        vec![
            ("identity-check", json!({"method": "id_document"})),
            (
                "objection",
                json!({"decision": "upheld", "reasoning": "Inga tvingande skäl."}),
            ),
            (
                "answer",
                json!({"answered_on": "2025-03-25", "outcome": "granted"}),
            ),
            ("close", json!({"closed_on": "2025-03-26"})),
        ],
    )
    .await;
    let later = time::macros::date!(2030 - 01 - 01);
    assert_eq!(
        ombud_web::retention::purge_closed(s.app.store.as_ref(), later)
            .await
            .unwrap(),
        0
    );
    // The settings page asks for the decision.
    let b = s.app.signed_in("dpo@example.se").await;
    let r = s
        .app
        .post_form(&b, "/settings/requests", &[("retention_months", "12")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"value="12""#));
    let r = s
        .app
        .post_form(
            &b,
            "/settings/requests",
            &[
                ("retention_months", "12"),
                ("retention_source", "Gallringsbeslut 2024:3"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        ombud_web::retention::purge_closed(s.app.store.as_ref(), later)
            .await
            .unwrap(),
        1
    );
}

/// Behind a trusted proxy, each client behind it has its own limit.
#[tokio::test]
async fn behind_a_trusted_proxy_the_limit_counts_each_client() {
    use axum::body::Body;
    use axum::extract::ConnectInfo;
    use axum::http::{Request, header};
    let mut s = setup().await;
    let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
    s.app.state = ombud_web::AppState::new(
        s.app.store.clone(),
        ombud_web::WebConfig {
            trusted_proxies: vec![proxy],
            ..Default::default()
        },
    );
    let visitor = s.app.browser().await;
    let post = |client: &str| {
        let mut body = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("csrf", visitor.csrf.as_str()),
            ("right", "access"),
            ("name", "Cecilia Ek"),
            ("email", "cecilia@example.se"),
        ] {
            body.append_pair(k, v);
        }
        let mut req = Request::post("/rights")
            .header(header::COOKIE, format!("ombud_csrf={}", visitor.csrf))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-forwarded-for", client)
            .body(Body::from(body.finish()))
            .unwrap();
        req.extensions_mut()
            .insert(ConnectInfo(std::net::SocketAddr::new(proxy, 40000)));
        req
    };
    for _ in 0..5 {
        assert_eq!(
            s.app.send(post("198.51.100.1")).await.status,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        s.app.send(post("198.51.100.1")).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another client behind the same proxy is not blocked.
    assert_eq!(
        s.app.send(post("198.51.100.2")).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn erasure_decisions_cover_every_activity_concerned_or_record_that_none_is() {
    let s = setup().await;
    let (payroll, _newsletter, _) = register(&s).await;
    let j = s.request(intake("erasure", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    s.scope(id, &["Anställda", "Prenumeranter"]).await;
    // A decision for payroll only: the newsletter is missing.
    let only_one = json!([{"activity_id": payroll, "activity_name": "Lönehantering", "decision": "refuse",
        "ground": "legal_obligation", "explanation": "Bokföringslagen."}]);
    let r = s
        .call(
            "POST",
            &format!("/api/v1/requests/{id}/erasure-decisions"),
            &s.dpo,
            Some(only_one),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("erasure_decisions_invalid") && r.body.contains("Nyhetsbrev"),
        "{}",
        r.body
    );

    // A requester the register does not know: nothing concerns them.
    let j = s.request(intake("erasure", "2025-03-05")).await;
    let id = j["id"].as_i64().unwrap();
    s.scope(id, &["Leverantörer"]).await;
    let b = s.app.signed_in("dpo@example.se").await;
    let page = s.app.get(&b, &format!("/requests/{id}")).await;
    assert!(
        page.body
            .contains("Registrera: inget i registerförteckningen gäller den sökande")
    );
    let r = s
        .app
        .post_form(&b, &format!("/requests/{id}/erasure-decisions"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    s.steps(
        id,
        vec![
            ("identity-check", json!({"method": "id_document"})),
            (
                "answer",
                json!({"answered_on": "2025-03-20", "outcome": "granted"}),
            ),
        ],
    )
    .await;
    let letter = s
        .call(
            "GET",
            &format!("/api/v1/requests/{id}/letters/answer"),
            &s.dpo,
            None,
        )
        .await
        .body;
    assert!(letter.contains("inget att radera"), "{letter}");
}
