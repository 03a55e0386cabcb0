//! The register through the API: workflow, roles, rule checks, versions.

use axum::http::StatusCode;
use ombud_core::Role;
use ombud_core::audit::Actor;
use ombud_core::register::Organisation;
use serde_json::{Value, json};

use crate::common::TestApp;

struct Setup {
    app: TestApp,
    dpo: String,
    hr: String,
    it: String,
    auditor: String,
}

async fn setup() -> Setup {
    let app = TestApp::new().await;
    let org = Organisation {
        name: "Exempeluniversitetet".into(),
        is_public_authority: true,
        ..Default::default()
    };
    app.store
        .set_organisation(&Actor::system("test"), &org)
        .await
        .unwrap();
    let dpo = app.user("dpo@example.se", Role::Dpo).await;
    let auditor = app.user("aud@example.se", Role::Auditor).await;
    let mut units = Vec::new();
    for (email, unit) in [("hr@example.se", "HR"), ("it@example.se", "IT-avdelningen")] {
        let u = app.user(email, Role::Registrant).await;
        let up = ombud_store::UserUpdate {
            display_name: u.display_name.clone(),
            role: u.role,
            unit: Some(unit.into()),
            active: true,
        };
        let u = app
            .store
            .update_user(&Actor::system("test"), u.id, up)
            .await
            .unwrap();
        units.push(app.token(&u).await);
    }
    Setup {
        dpo: app.token(&dpo).await,
        auditor: app.token(&auditor).await,
        it: units.pop().unwrap(),
        hr: units.pop().unwrap(),
        app,
    }
}

fn complete(name: &str) -> Value {
    json!({
        "name": name,
        "purposes": ["Betala ut lön"],
        "data_subject_categories": ["Anställda"],
        "personal_data_categories": ["Namn", "Kontonummer", "Lön"],
        "legal_basis": "legal_obligation",
        "legal_basis_source_kind": "law",
        "legal_basis_source": "Inkomstskattelagen (1999:1229)",
        "retention": "10 år efter räkenskapsårets slut",
        "retention_source_kind": "riksarkivet_regulation",
        "retention_source": "Riksarkivets föreskrifter RA-FS 2021:6",
        "security_measures": "Behörighetsstyrning, loggning, kryptering"
    })
}

impl Setup {
    /// Creates an activity as the DPO and takes it through review into the register.
    async fn approved(&self, body: Value) -> i64 {
        let created = self
            .call("POST", "/api/v1/activities", &self.dpo, Some(body))
            .await;
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

    async fn call(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> crate::common::Reply {
        self.app.api(method, path, Some(token), body).await
    }
}

#[tokio::test]
async fn legitimate_interests_at_an_authority_is_stopped_with_its_article() {
    let s = setup().await;
    let mut body = complete("Lönehantering");
    body["legal_basis"] = json!("legitimate_interests");
    let created = s
        .call("POST", "/api/v1/activities", &s.hr, Some(body))
        .await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "a draft may hold errors: {}",
        created.body
    );
    let id = created.json()["id"].as_i64().unwrap();
    assert_eq!(
        created.json()["unit"],
        "HR",
        "a registrant's unit is filled in"
    );
    let r = s
        .call(
            "POST",
            &format!("/api/v1/activities/{id}/submit?lang=en"),
            &s.hr,
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = r.json()["violations"].as_array().unwrap().clone();
    let li = v
        .iter()
        .find(|v| v["rule"] == "legitimate_interests_public_authority")
        .expect("the rule fires");
    assert_eq!(li["field"], "legal_basis");
    assert_eq!(li["severity"], "error");
    assert!(
        li["article"].as_str().unwrap().contains("Art. 6(1)(f)"),
        "{li}"
    );
    assert!(!li["message"].as_str().unwrap().is_empty());
    for v in &v {
        for key in ["rule", "field", "article", "severity", "message"] {
            assert!(v.get(key).is_some(), "{key} missing in {v}");
        }
    }
    let still = s
        .call("GET", &format!("/api/v1/activities/{id}"), &s.hr, None)
        .await;
    assert_eq!(
        still.json()["status"],
        "draft",
        "a blocked submission changes nothing"
    );
}

#[tokio::test]
async fn a_complete_activity_goes_through_review_into_the_register() {
    let s = setup().await;
    let r = s
        .call(
            "POST",
            "/api/v1/activities",
            &s.hr,
            Some(complete("Lönehantering")),
        )
        .await;
    let id = r.json()["id"].as_i64().unwrap();
    assert_eq!(
        (
            r.json()["status"].as_str(),
            r.json()["legal_basis"].as_str()
        ),
        (Some("draft"), Some("legal_obligation"))
    );
    let path = |action: &str| format!("/api/v1/activities/{id}/{action}");

    assert_eq!(
        s.call("POST", &path("approve"), &s.hr, None).await.status,
        StatusCode::FORBIDDEN
    );
    let sub = s.call("POST", &path("submit"), &s.hr, None).await;
    assert_eq!(sub.status, StatusCode::OK, "{}", sub.body);
    assert_eq!(sub.json()["status"], "submitted");
    assert_eq!(
        s.call(
            "PUT",
            &format!("/api/v1/activities/{id}"),
            &s.hr,
            Some(complete("x"))
        )
        .await
        .status,
        StatusCode::CONFLICT
    );

    let no_comment = s
        .call("POST", &path("request-changes"), &s.dpo, Some(json!({})))
        .await;
    assert_eq!(no_comment.status, StatusCode::UNPROCESSABLE_ENTITY);
    let back = s
        .call(
            "POST",
            &path("request-changes"),
            &s.dpo,
            Some(json!({"comment": "Ange gallringsbeslutet"})),
        )
        .await;
    assert_eq!(
        (
            back.json()["status"].as_str(),
            back.json()["review_comment"].as_str()
        ),
        (Some("changes_requested"), Some("Ange gallringsbeslutet"))
    );
    let mut fixed = complete("Lönehantering");
    fixed["retention_source"] = json!("Gallringsbeslut 2024:3");
    assert_eq!(
        s.call(
            "PUT",
            &format!("/api/v1/activities/{id}"),
            &s.hr,
            Some(fixed)
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        s.call("POST", &path("submit"), &s.hr, None).await.status,
        StatusCode::OK
    );
    let ok = s.call("POST", &path("approve"), &s.dpo, None).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let a = ok.json();
    assert_eq!(
        (a["status"].as_str(), a["in_force_version"].as_i64()),
        (Some("approved"), Some(1))
    );
    assert!(
        a["review_due"].as_str().unwrap().len() == 10,
        "a yearly review date"
    );

    // A change makes version 2; version 1 stays in force; the history diffs them.
    let mut changed = complete("Lönehantering");
    changed["retention_source"] = json!("Gallringsbeslut 2024:3");
    changed["recipients"] = json!(["Skatteverket"]);
    let v2 = s
        .call(
            "PUT",
            &format!("/api/v1/activities/{id}"),
            &s.hr,
            Some(changed),
        )
        .await
        .json();
    assert_eq!(
        (
            v2["version"].as_i64(),
            v2["status"].as_str(),
            v2["in_force_version"].as_i64()
        ),
        (Some(2), Some("draft"), Some(1))
    );
    assert_eq!(
        s.call("POST", &path("archive"), &s.dpo, None).await.status,
        StatusCode::CONFLICT,
        "not while a new version is pending"
    );
    let history = s
        .call("GET", &path("history"), &s.auditor, None)
        .await
        .json();
    let h = history.as_array().unwrap();
    assert_eq!(h.len(), 2);
    let fields: Vec<&str> = h[1]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["recipients"]);

    let approved = s
        .call("GET", "/api/v1/activities?status=approved", &s.dpo, None)
        .await
        .json();
    assert_eq!(approved["total"], 0, "the current version is the draft");
    let drafts = s
        .call(
            "GET",
            "/api/v1/activities?status=draft&legal_basis=legal_obligation",
            &s.dpo,
            None,
        )
        .await
        .json();
    assert_eq!(drafts["total"], 1);
    assert_eq!(
        s.call("GET", "/api/v1/activities?status=bogus", &s.dpo, None)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn get_json_posted_back_creates_a_draft_copy() {
    let s = setup().await;
    let id = s.approved(complete("Rekrytering")).await;
    let original = s
        .call("GET", &format!("/api/v1/activities/{id}"), &s.dpo, None)
        .await
        .json();
    let copy = s
        .call("POST", "/api/v1/activities", &s.dpo, Some(original.clone()))
        .await;
    assert_eq!(copy.status, StatusCode::CREATED, "{}", copy.body);
    let copy = copy.json();
    assert_ne!(copy["id"], original["id"]);
    assert_eq!(
        (copy["status"].as_str(), copy["version"].as_i64()),
        (Some("draft"), Some(1))
    );
    let owned = [
        "id",
        "status",
        "version",
        "created_at",
        "updated_at",
        "submitted_at",
        "approved_at",
        "review_due",
        "in_force_version",
        "review_comment",
    ];
    for (k, v) in original.as_object().unwrap() {
        if !owned.contains(&k.as_str()) {
            assert_eq!(&copy[k], v, "field {k} copied");
        }
    }
}

#[tokio::test]
async fn registrants_see_their_units_drafts_and_the_register_in_force() {
    let s = setup().await;
    let draft = s
        .call(
            "POST",
            "/api/v1/activities",
            &s.hr,
            Some(complete("HR-utkast")),
        )
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let live = s.approved(complete("Gällande")).await;

    let it_sees = s
        .call("GET", "/api/v1/activities", &s.it, None)
        .await
        .json();
    let names: Vec<&str> = it_sees["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Gällande"]);
    assert_eq!(
        s.call("GET", &format!("/api/v1/activities/{draft}"), &s.it, None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.call(
            "PUT",
            &format!("/api/v1/activities/{live}"),
            &s.it,
            Some(complete("x"))
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        s.call("GET", "/api/v1/activities", &s.hr, None)
            .await
            .json()["total"],
        2
    );
    assert_eq!(
        s.call("GET", "/api/v1/activities", &s.auditor, None)
            .await
            .json()["total"],
        2
    );
    assert_eq!(
        s.call(
            "POST",
            "/api/v1/activities",
            &s.auditor,
            Some(complete("x"))
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let checks = s
        .call(
            "GET",
            &format!("/api/v1/activities/{draft}/checks"),
            &s.hr,
            None,
        )
        .await
        .json();
    assert_eq!(checks["blocks_submission"], false);
    assert!(checks["dpia"]["required"].is_boolean());
}

#[tokio::test]
async fn the_public_notice_shows_only_approved_public_activities() {
    let s = setup().await;
    let mut make = Vec::new();
    for (name, public, approve) in [
        ("Alumnnätverk", true, true),
        ("Lönehantering", false, true),
        ("Utkast om kameror", true, false),
    ] {
        let mut body = complete(name);
        body["public_notice"] = json!(public);
        body["recipients"] = json!(["Skatteverket"]);
        let id = s
            .call("POST", "/api/v1/activities", &s.dpo, Some(body))
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        if approve {
            s.call(
                "POST",
                &format!("/api/v1/activities/{id}/submit"),
                &s.dpo,
                None,
            )
            .await;
            assert_eq!(
                s.call(
                    "POST",
                    &format!("/api/v1/activities/{id}/approve"),
                    &s.dpo,
                    None
                )
                .await
                .status,
                StatusCode::OK
            );
        }
        make.push(id);
    }
    let anon = s.app.browser().await;
    let index = s.app.get(&anon, "/privacy").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.body.contains("Alumnnätverk"));
    assert!(!index.body.contains("Lönehantering") && !index.body.contains("Utkast om kameror"));
    assert!(
        index.body.contains("Integritetsskyddsmyndigheten"),
        "the right to complain to IMY"
    );
    assert!(index.body.contains("Exempeluniversitetet"));
    let one = s.app.get(&anon, &format!("/privacy/{}", make[0])).await;
    assert!(
        one.body.contains("Betala ut lön")
            && one.body.contains("Skatteverket")
            && one.body.contains("10 år efter")
    );
    assert_eq!(
        s.app
            .get(&anon, &format!("/privacy/{}", make[1]))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.app
            .get(&anon, &format!("/privacy/{}", make[2]))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_dashboard_counts_the_register_and_lists_the_review_queue() {
    let s = setup().await;
    for name in ["Antagning", "Tentamen"] {
        let id = s
            .call("POST", "/api/v1/activities", &s.hr, Some(complete(name)))
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        s.call(
            "POST",
            &format!("/api/v1/activities/{id}/submit"),
            &s.hr,
            None,
        )
        .await;
    }
    s.approved(complete("Lön")).await;
    let b = s.app.signed_in("dpo@example.se").await;
    let dash = s.app.get(&b, "/").await.body;
    assert!(
        dash.contains("Väntar på granskning: <strong>2</strong>"),
        "{dash}"
    );
    assert!(dash.contains("I förteckningen: <strong>1</strong>"));
    assert!(dash.contains("Årlig granskning försenad: <strong>0</strong>"));
    assert!(
        dash.contains(">Antagning</a>") && dash.contains(">Tentamen</a>"),
        "the review queue"
    );
}

#[tokio::test]
async fn the_printable_register_holds_every_approved_activity_in_either_language() {
    let s = setup().await;
    s.approved(complete("Lönehantering")).await;
    s.call(
        "POST",
        "/api/v1/activities",
        &s.dpo,
        Some(complete("Ett utkast")),
    )
    .await;
    let b = s.app.signed_in("aud@example.se").await;
    let sv = s.app.get(&b, "/register/print").await;
    assert_eq!(sv.status, StatusCode::OK);
    assert!(sv.body.contains("Lönehantering") && !sv.body.contains("Ett utkast"));
    assert!(sv.body.contains("1 behandlingar"));
    for value in [
        "Betala ut lön",
        "Inkomstskattelagen (1999:1229)",
        "10 år efter räkenskapsårets slut",
        "Behörighetsstyrning, loggning, kryptering",
        "Rättslig förpliktelse",
    ] {
        assert!(sv.body.contains(value), "{value} missing");
    }
    let en = s.app.get(&b, "/register/print?lang=en").await;
    assert!(
        en.body.contains("<html lang=\"en\">")
            && en.body.contains("Legal basis (Art. 6(1))")
            && en.body.contains("Legal obligation")
    );
}

#[tokio::test]
async fn pages_keep_registrants_to_their_own_unit() {
    let s = setup().await;
    let hr_draft = s
        .call(
            "POST",
            "/api/v1/activities",
            &s.hr,
            Some(complete("HR:s utkast")),
        )
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let it = s.app.signed_in("it@example.se").await;
    assert_eq!(
        s.app
            .get(&it, &format!("/register/{hr_draft}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.app
            .get(&it, &format!("/register/{hr_draft}/edit"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let post = s
        .app
        .post_form(
            &it,
            &format!("/register/{hr_draft}"),
            &[("name", "Kapat"), ("action", "save")],
        )
        .await;
    assert_eq!(post.status, StatusCode::NOT_FOUND);
    assert!(
        !s.app
            .get(&it, "/register")
            .await
            .body
            .contains("HR:s utkast")
    );
    let hr = s.app.signed_in("hr@example.se").await;
    let mine = s.app.get(&hr, &format!("/register/{hr_draft}")).await;
    assert!(
        mine.status == StatusCode::OK && mine.body.contains(&format!("/register/{hr_draft}/edit"))
    );
    let saved = s
        .app
        .post_form(
            &hr,
            &format!("/register/{hr_draft}"),
            &[("name", "HR:s utkast, ändrat"), ("action", "save")],
        )
        .await;
    assert_eq!(
        saved.location(),
        Some(format!("/register/{hr_draft}?notice=register.saved").as_str())
    );
    let rec = s.app.store.activity(hr_draft).await.unwrap().unwrap();
    assert_eq!(
        (
            rec.current.content.name.as_str(),
            rec.current.content.unit.as_str()
        ),
        ("HR:s utkast, ändrat", "HR"),
        "the unit stays the registrant's"
    );
    let review = s
        .app
        .post_form(
            &hr,
            &format!("/register/{hr_draft}/review"),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(review.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_register_downloads_as_json_and_csv() {
    let s = setup().await;
    s.approved(complete("Lönehantering")).await;
    let b = s.app.signed_in("aud@example.se").await;
    let json = s.app.get(&b, "/register/export.json").await;
    assert_eq!(json.status, StatusCode::OK);
    assert!(
        json.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let doc = json.json();
    assert_eq!(doc["activities"][0]["name"], "Lönehantering");
    assert_eq!(
        doc["activities"][0]["retention_source"],
        "Riksarkivets föreskrifter RA-FS 2021:6"
    );
    let csv = s.app.get(&b, "/register/export.csv?lang=en").await;
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let mut lines = csv.body.lines();
    assert!(lines.next().unwrap().contains("Legal basis"));
    assert!(lines.next().unwrap().contains("Lönehantering"));
    assert_eq!(lines.next(), None);
}
