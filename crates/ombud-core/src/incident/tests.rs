use time::OffsetDateTime;
use time::macros::datetime;

use super::rules::*;
use super::*;
use crate::register::assert_ids_consistent;

fn report(aware_at: OffsetDateTime) -> IncidentReport {
    IncidentReport {
        title: "Betygslista till fel mottagare".into(),
        description: "En betygslista skickades med e-post till fel kurs.".into(),
        breach_types: vec![crate::incident::BreachType::Confidentiality],
        occurred_at: aware_at - time::Duration::hours(5),
        ended_at: None,
        aware_at,
        discovery: "En student hörde av sig.".into(),
        system_ids: vec![],
        activity_ids: vec![],
        data_subject_categories: vec!["Studenter".into()],
        data_subjects_approx: Some(40),
        record_categories: vec!["Betyg".into()],
        records_approx: Some(40),
        likely_consequences: "Obehöriga har sett betyg.".into(),
        measures_taken: "Mottagarna ombads radera e-posten.".into(),
        measures_proposed: String::new(),
        contained: true,
    }
}

fn incident(aware_at: OffsetDateTime) -> Incident {
    Incident::new(7, report(aware_at), Some(1), aware_at)
}

fn dpo(at: OffsetDateTime) -> Signature {
    Signature::new(Some(1), "Dataskyddsombudet", at)
}

fn rules_of(v: &[IncidentViolation]) -> Vec<IncidentRule> {
    v.iter().map(|v| v.rule).collect()
}

fn assessed(risk: Risk) -> Incident {
    let aware = datetime!(2025-06-19 14:30 +02:00);
    let mut i = incident(aware);
    IncidentChange::Assess(Assessment {
        risk,
        reasoning: "Betyg till 40 studenter i fel kurs.".into(),
        signed: Signature::default(),
    })
    .apply(&mut i, dpo(aware))
    .unwrap();
    i
}

fn imy(notify: bool, reason: &str) -> ImyDecision {
    ImyDecision {
        notify,
        reason: reason.into(),
        signed: Signature::default(),
    }
}

fn notice(phase: NotificationPhase, at: OffsetDateTime, delay: &str) -> Notification {
    Notification {
        phase,
        submitted_at: at,
        imy_reference: "IMY-2025-1234".into(),
        summary: String::new(),
        delay_reasons: delay.into(),
        signed: Signature::default(),
    }
}

#[test]
fn closed_lists_are_consistent() {
    assert_ids_consistent(IncidentRule::ALL, IncidentRule::as_str);
    assert_ids_consistent(Risk::ALL, Risk::as_str);
    assert_ids_consistent(
        crate::incident::BreachType::ALL,
        crate::incident::BreachType::as_str,
    );
    assert_ids_consistent(Art34Exception::ALL, Art34Exception::as_str);
    assert_ids_consistent(IncidentStatus::ALL, IncidentStatus::as_str);
    assert_ids_consistent(NotificationPhase::ALL, NotificationPhase::as_str);
    for r in IncidentRule::ALL {
        assert!(r.article().starts_with("GDPR Art. 3"), "{r}");
    }
}

/// Art. 33(1): 72 elapsed hours, weekends and holidays included, expressed in
/// the offset `aware_at` was given in (regulatory reference §2.3).
#[test]
fn the_deadline_is_72_elapsed_hours_in_the_offset_of_awareness() {
    // Midsummer weekend: no extension.
    assert_eq!(
        imy_deadline(datetime!(2025-06-19 14:30 +02:00)),
        datetime!(2025-06-22 14:30 +02:00)
    );
    // Across the spring change: 72 real hours; shown in the offset given (+01:00).
    let d = imy_deadline(datetime!(2025-03-28 10:00 +01:00));
    assert_eq!(d, datetime!(2025-03-31 11:00 +02:00));
    assert_eq!(d.offset(), time::macros::offset!(+01:00));
    assert_eq!(d, datetime!(2025-03-31 10:00 +01:00));
    // Across the autumn change; given in UTC, answered in UTC.
    let d = imy_deadline(datetime!(2025-10-24 08:00 UTC));
    assert_eq!(d, datetime!(2025-10-27 09:00 +01:00));
    assert_eq!(d.offset(), time::UtcOffset::UTC);
}

#[test]
fn incident_json_has_the_contract_fields() {
    let i = incident(datetime!(2025-03-28 10:00 +01:00));
    let j = serde_json::to_value(&i).unwrap();
    assert_eq!(j["aware_at"], "2025-03-28T10:00:00+01:00");
    assert_eq!(j["imy_deadline"], "2025-03-31T10:00:00+01:00");
    assert_eq!(j["occurred_at"], "2025-03-28T05:00:00+01:00");
    assert_eq!(j["status"], "reported");
    assert!(j["risk"].is_null());
    assert_eq!(j["reference"], "PUI-0007");
    let back: Incident = serde_json::from_value(j).unwrap();
    assert_eq!(back, i);
}

#[test]
fn a_report_needs_a_description_and_ordered_times() {
    let aware = datetime!(2025-06-19 14:30 +02:00);
    assert!(check_report(&report(aware)).is_empty());
    let mut r = report(aware);
    r.description = " ".into();
    r.occurred_at = aware + time::Duration::minutes(1);
    r.ended_at = Some(aware);
    r.records_approx = Some(-1);
    assert_eq!(
        rules_of(&check_report(&r)),
        [
            IncidentRule::DescriptionMissing,
            IncidentRule::AwareBeforeOccurred,
            IncidentRule::EndedBeforeOccurred,
            IncidentRule::NegativeNumber
        ]
    );
}

/// Art. 33(5): the reasoning is documented whatever the outcome.
#[test]
fn an_assessment_needs_its_reasoning() {
    let mut i = incident(datetime!(2025-06-19 14:30 +02:00));
    let err = IncidentChange::Assess(Assessment {
        risk: Risk::NoneLikely,
        reasoning: String::new(),
        signed: Signature::default(),
    })
    .apply(&mut i, Signature::default())
    .unwrap_err();
    assert_eq!(rules_of(&err), [IncidentRule::RiskReasoningMissing]);
    assert_eq!(err[0].article, "GDPR Art. 33(5)");
    assert_eq!(i.status, IncidentStatus::Reported);
}

#[test]
fn decisions_follow_the_assessment_and_give_reasons() {
    let i = incident(datetime!(2025-06-19 14:30 +02:00));
    assert_eq!(
        rules_of(&check_imy_decision(&i, &imy(true, ""))),
        [
            IncidentRule::DecisionBeforeAssessment,
            IncidentRule::DecisionReasonMissing
        ]
    );
}

/// Art. 33(1): a breach assessed as a risk is notified.
#[test]
fn a_risk_must_be_notified() {
    let i = assessed(Risk::Risk);
    let v = check_imy_decision(&i, &imy(false, "Vi tycker inte det."));
    assert_eq!(rules_of(&v), [IncidentRule::NotNotifyingDespiteRisk]);
    assert_eq!(v[0].article, "GDPR Art. 33(1)");
    let none = assessed(Risk::NoneLikely);
    assert!(check_imy_decision(&none, &imy(false, "Krypterat, nyckeln ej röjd.")).is_empty());
}

/// Art. 34(1) and 34(3).
#[test]
fn high_risk_informs_data_subjects_unless_an_exception_is_recorded() {
    let i = assessed(Risk::HighRisk);
    let mut d = SubjectsDecision {
        inform: false,
        exception: None,
        reason: "Svårt att nå alla.".into(),
        public_communication: String::new(),
        informed_at: None,
        planned_at: None,
        advice: String::new(),
        signed: Signature::default(),
    };
    let v = check_subjects_decision(&i, &d);
    assert_eq!(rules_of(&v), [IncidentRule::HighRiskNotInformed]);
    assert_eq!(v[0].article, "GDPR Art. 34(1), 34(3)");
    d.exception = Some(Art34Exception::DisproportionateEffort);
    assert_eq!(
        rules_of(&check_subjects_decision(&i, &d)),
        [IncidentRule::PublicCommunicationMissing]
    );
    d.public_communication = "Information på webbplatsen.".into();
    assert!(check_subjects_decision(&i, &d).is_empty());
    d.exception = Some(Art34Exception::ProtectedData);
    d.public_communication.clear();
    assert!(check_subjects_decision(&i, &d).is_empty());
    // With a plain risk, not informing needs no exception.
    let r = assessed(Risk::Risk);
    d.exception = None;
    assert!(check_subjects_decision(&r, &d).is_empty());
    // Pending decision on high risk is a warning on the breach.
    assert!(rules_of(&check(&i, i.created_at)).contains(&IncidentRule::SubjectsDecisionPending));
}

/// Art. 33(1) last sentence and 33(4): late notices give reasons; phases in order.
#[test]
fn notifications_in_phases_and_late_ones_with_reasons() {
    let mut i = assessed(Risk::Risk);
    let aware = i.report.aware_at;
    let on_time = aware + time::Duration::hours(71);
    let late = aware + time::Duration::hours(73);
    assert_eq!(
        rules_of(&check_notification(
            &i,
            &notice(NotificationPhase::Initial, on_time, "")
        )),
        [IncidentRule::NotificationWithoutDecision]
    );
    IncidentChange::DecideImy(imy(true, "Risk för studenterna."))
        .apply(&mut i, dpo(aware))
        .unwrap();
    assert_eq!(i.status, IncidentStatus::Decided);
    assert_eq!(
        rules_of(&check_notification(
            &i,
            &notice(NotificationPhase::Supplement, on_time, "")
        )),
        [IncidentRule::PhaseOutOfOrder]
    );
    let v = check_notification(&i, &notice(NotificationPhase::Initial, late, ""));
    assert_eq!(rules_of(&v), [IncidentRule::DelayReasonsMissing]);
    assert_eq!(v[0].article, "GDPR Art. 33(1)");
    assert!(check_notification(&i, &notice(NotificationPhase::Initial, late, "Helg.")).is_empty());
    IncidentChange::Notify(notice(NotificationPhase::Initial, on_time, ""))
        .apply(&mut i, dpo(on_time))
        .unwrap();
    assert_eq!(i.status, IncidentStatus::Notified);
    assert_eq!(
        rules_of(&check_notification(
            &i,
            &notice(NotificationPhase::Initial, late, "x")
        )),
        [IncidentRule::PhaseOutOfOrder]
    );
    // A supplement after 72 hours needs no delay reasons: the first notice was in time.
    IncidentChange::Notify(notice(NotificationPhase::Supplement, late, ""))
        .apply(&mut i, dpo(late))
        .unwrap();
    assert_eq!(i.notifications.len(), 2);
    assert_eq!(i.notifications[1].signed.by, "Dataskyddsombudet");
    assert!(!clock(&i, late).late);
}

#[test]
fn the_clock_runs_from_awareness() {
    let aware = datetime!(2025-06-19 14:30 +02:00);
    let mut i = incident(aware);
    let c = clock(&i, aware + time::Duration::hours(2));
    assert_eq!(
        (c.state, c.hours_left, c.due_within_24h),
        (ClockState::Running, 70, false)
    );
    let c = clock(&i, aware + time::Duration::minutes(48 * 60 + 30));
    assert_eq!(
        (c.state, c.hours_left, c.due_within_24h),
        (ClockState::Running, 23, true)
    );
    let c = clock(&i, aware + time::Duration::minutes(73 * 60 + 30));
    assert_eq!((c.state, c.hours_left), (ClockState::Overdue, -2));
    assert_eq!(
        rules_of(&check(&i, aware + time::Duration::hours(73)))[0],
        IncidentRule::NotificationOverdue
    );
    // Decided not to notify: the clock stops, nothing is overdue.
    IncidentChange::Assess(Assessment {
        risk: Risk::NoneLikely,
        reasoning: "Krypterad enhet.".into(),
        signed: Signature::default(),
    })
    .apply(&mut i, dpo(aware))
    .unwrap();
    assert_eq!(i.risk, Some(Risk::NoneLikely));
    assert_eq!(
        clock(&i, aware + time::Duration::hours(80)).state,
        ClockState::NotRequired
    );
    assert!(check(&i, aware + time::Duration::hours(80)).is_empty());
}

#[test]
fn missing_notification_items_are_warnings() {
    let aware = datetime!(2025-06-19 14:30 +02:00);
    let mut i = incident(aware);
    i.report.likely_consequences.clear();
    i.report.records_approx = None;
    let v = check(&i, aware);
    assert_eq!(
        v.iter().map(|v| v.field).collect::<Vec<_>>(),
        ["records_approx", "likely_consequences"]
    );
    assert!(v.iter().all(|v| !v.is_error()));
    assert!(
        v.iter()
            .all(|v| v.rule == IncidentRule::NotificationContentMissing
                && v.article == "GDPR Art. 33(3), 33(4)")
    );
}

/// Art. 33(1): a notification cannot precede awareness.
#[test]
fn a_notification_before_awareness_is_refused() {
    let mut i = assessed(Risk::Risk);
    let aware = i.report.aware_at;
    IncidentChange::DecideImy(imy(true, "Risk för studenterna."))
        .apply(&mut i, dpo(aware))
        .unwrap();
    let early = notice(
        NotificationPhase::Initial,
        aware - time::Duration::hours(1),
        "",
    );
    let v = check_notification(&i, &early);
    assert_eq!(rules_of(&v), [IncidentRule::NotifiedBeforeAware]);
    assert_eq!(v[0].article, "GDPR Art. 33(1)");
    assert!(v[0].is_error());
}

mod documents {
    use super::*;
    use crate::incident::document::{imy_notification, local_time, subject_letter};
    use crate::lang::Lang;
    use crate::register::{DpoContact, Organisation, System};

    fn org() -> Organisation {
        Organisation {
            name: "Exempeluniversitetet".into(),
            org_number: "202100-0000".into(),
            address: "Box 1, 111 11 Exempelstad".into(),
            dpo: Some(DpoContact {
                name: "Dataskyddsombudet".into(),
                email: "dso@exempel.se".into(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn item<'a>(d: &'a document::IncidentDocument, key: &str) -> Option<&'a document::DocItem> {
        d.sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| i.key == key)
    }

    /// Art. 33(3)(a)–(d): every item is in the notification with its article.
    #[test]
    fn the_imy_notification_carries_every_art_33_3_item() {
        let aware = datetime!(2025-03-28 10:00 +01:00);
        let mut i = incident(aware);
        i.report.system_ids = vec![3];
        let systems = [System {
            id: 3,
            name: "Ladok".into(),
            ..Default::default()
        }];
        let d = imy_notification(&i, &org(), &systems, &["Betyg".into()], Lang::Sv, aware);
        for (key, article) in [
            ("nature", "GDPR Art. 33(3)(a)"),
            ("data_subject_categories", "GDPR Art. 33(3)(a)"),
            ("data_subjects_approx", "GDPR Art. 33(3)(a)"),
            ("record_categories", "GDPR Art. 33(3)(a)"),
            ("records_approx", "GDPR Art. 33(3)(a)"),
            ("contact_point", "GDPR Art. 33(3)(b)"),
            ("likely_consequences", "GDPR Art. 33(3)(c)"),
            ("measures_taken", "GDPR Art. 33(3)(d)"),
            ("measures_proposed", "GDPR Art. 33(3)(d)"),
        ] {
            let it = item(&d, key).unwrap_or_else(|| panic!("{key} missing"));
            assert_eq!(it.article, Some(article), "{key}");
        }
        assert_eq!(
            item(&d, "contact_point").unwrap().value,
            "Dataskyddsombudet, dso@exempel.se"
        );
        assert_eq!(item(&d, "data_subjects_approx").unwrap().value, "ca 40");
        assert_eq!(item(&d, "systems").unwrap().value, "Ladok");
        assert_eq!(item(&d, "activities").unwrap().value, "Betyg");
        // DST starts on 30 March: the deadline shows in summer time.
        assert_eq!(
            item(&d, "imy_deadline").unwrap().value,
            "2025-03-31 11:00 (+02:00)"
        );
        assert_eq!(
            item(&d, "aware_at").unwrap().value,
            "2025-03-28 10:00 (+01:00)"
        );
        assert!(d.missing.is_empty(), "{:?}", d.missing);
        // Not late yet: no delay item.
        assert!(item(&d, "delay_reasons").is_none());
        let en = imy_notification(&i, &org(), &systems, &[], Lang::En, aware);
        assert_eq!(
            item(&en, "data_subjects_approx").unwrap().value,
            "approx. 40"
        );
        assert_eq!(item(&en, "nature").unwrap().label, "What happened");
        assert_eq!(item(&d, "nature").unwrap().label, "Vad har hänt");
    }

    #[test]
    fn a_late_notification_asks_for_the_reasons_and_lists_what_is_missing() {
        let aware = datetime!(2025-06-19 14:30 +02:00);
        let mut i = incident(aware);
        i.report.likely_consequences = String::new();
        let later = aware + time::Duration::hours(80);
        let d = imy_notification(&i, &Organisation::default(), &[], &[], Lang::En, later);
        assert!(item(&d, "delay_reasons").is_some());
        for label in ["Reasons for the delay", "Likely consequences", "Controller"] {
            assert!(
                d.missing.iter().any(|m| m == label),
                "{label}: {:?}",
                d.missing
            );
        }
    }

    /// Art. 34(2): the nature in clear language, and 33(3)(b), (c), (d).
    #[test]
    fn the_letter_tells_what_happened_the_consequences_the_measures_and_whom_to_ask() {
        let aware = datetime!(2025-06-19 14:30 +02:00);
        let mut i = assessed(Risk::HighRisk);
        i.subjects_decision = Some(SubjectsDecision {
            inform: true,
            advice: "Var uppmärksam på misstänkta e-postmeddelanden.".into(),
            ..Default::default()
        });
        let d = subject_letter(&i, &org(), Lang::Sv, aware);
        let text: Vec<&str> = d
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(String::as_str))
            .collect();
        let all = text.join("\n");
        for needle in [
            "En betygslista skickades med e-post till fel kurs.",
            "Betyg",
            "Obehöriga har sett betyg.",
            "Mottagarna ombads radera e-posten.",
            "Var uppmärksam",
            "dso@exempel.se",
            "PUI-0007",
            "imy@imy.se",
        ] {
            assert!(all.contains(needle), "{needle} not in {all}");
        }
        assert!(d.missing.is_empty(), "{:?}", d.missing);
        let keys: Vec<&str> = d.sections.iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            [
                "what_happened",
                "data",
                "consequences",
                "measures",
                "advice",
                "contact",
                "complaint"
            ]
        );
        let en = subject_letter(&i, &Organisation::default(), Lang::En, aware);
        assert_eq!(en.title, "Information about a personal data breach");
        assert!(en.missing.iter().any(|m| m == "contact details"));
    }

    #[test]
    fn local_time_shows_the_stockholm_offset() {
        assert_eq!(
            local_time(datetime!(2025-10-27 08:00 UTC)),
            "2025-10-27 09:00 (+01:00)"
        );
        assert_eq!(
            local_time(datetime!(2025-07-01 08:00 UTC)),
            "2025-07-01 10:00 (+02:00)"
        );
    }
}
