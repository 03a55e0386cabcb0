use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

use super::rules::{self, RequestRule, RequestViolation};
use super::*;
use crate::calendar::{HolidayPolicy, Period, deadline, is_working_day};
use crate::lang::Lang;
use crate::register::{
    Activity, ActivityContent, DataSource, DpoContact, LegalBasis, Organisation, Processor,
    RetentionSource, Status, System, Transfer, TransferMechanism, assert_ids_consistent,
};

const AT: OffsetDateTime = datetime!(2025-03-05 10:00 +01:00);

fn intake(right: Right, received_on: Date, language: Lang) -> RequestIntake {
    RequestIntake {
        right,
        received_on,
        channel: Channel::Email,
        language,
        requester: Requester {
            name: "Anna Andersson".into(),
            email: "anna@example.se".into(),
            phone: "070-000 00 00".into(),
            address: "Storgatan 1, 111 11 Stockholm".into(),
            identity_number: Some("19121212-1212".into()),
            other: "Studentnummer 4711".into(),
        },
        description: "Jag vill veta vilka uppgifter ni har om mig.".into(),
        data_subject_categories: vec![" studenter ".into(), "ALUMNER".into()],
        system_ids: vec![],
    }
}

fn request(right: Right, received_on: Date) -> Request {
    Request::new(1, intake(right, received_on, Lang::Sv), Some(9), AT)
}

fn handler() -> Signature {
    Signature::new(Some(9), "Handläggaren", AT)
}

fn rules_of(v: &[RequestViolation]) -> Vec<RequestRule> {
    v.iter().map(|v| v.rule).collect()
}

fn verify(r: &mut Request) {
    RequestChange::Verify(IdentityCheck {
        method: IdentityMethod::ELegitimation,
        note: "BankID, personnummer stämmer".into(),
        signed: Signature::default(),
    })
    .apply(r, handler())
    .unwrap();
}

fn extension(notified_on: Date) -> Extension {
    Extension {
        reason: "Uppgifter finns i många system.".into(),
        notified_on: Some(notified_on),
        signed: Signature::default(),
    }
}

fn answer(on: Date, outcome: AnswerOutcome, reasons: &str) -> Answer {
    Answer {
        answered_on: on,
        outcome,
        summary: "Svar skickat med e-post.".into(),
        reasons: reasons.into(),
        signed: Signature::default(),
    }
}

#[test]
fn closed_lists_are_consistent() {
    assert_ids_consistent(Right::ALL, Right::as_str);
    assert_ids_consistent(Channel::ALL, Channel::as_str);
    assert_ids_consistent(IdentityMethod::ALL, IdentityMethod::as_str);
    assert_ids_consistent(RequestStatus::ALL, RequestStatus::as_str);
    assert_ids_consistent(AnswerOutcome::ALL, AnswerOutcome::as_str);
    assert_ids_consistent(RestrictionGround::ALL, RestrictionGround::as_str);
    assert_ids_consistent(ObjectionDecision::ALL, ObjectionDecision::as_str);
    assert_ids_consistent(Art17Exception::ALL, Art17Exception::as_str);
    assert_ids_consistent(ErasureOutcome::ALL, ErasureOutcome::as_str);
    assert_ids_consistent(LetterKind::ALL, LetterKind::as_str);
    assert_ids_consistent(RequestRule::ALL, RequestRule::as_str);
    let ids: Vec<_> = Right::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        ids,
        [
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "objection",
            "automated_decision"
        ]
    );
    let articles: Vec<_> = Right::ALL.iter().map(|r| r.article()).collect();
    assert_eq!(
        articles,
        [
            "GDPR Art. 15",
            "GDPR Art. 16",
            "GDPR Art. 17",
            "GDPR Art. 18",
            "GDPR Art. 20",
            "GDPR Art. 21",
            "GDPR Art. 22"
        ]
    );
    for r in Right::ALL {
        assert_ne!(r.label(Lang::Sv), r.label(Lang::En));
    }
    let exceptions: Vec<_> = Art17Exception::ALL.iter().map(|e| e.article()).collect();
    assert_eq!(
        exceptions,
        [
            "GDPR Art. 17(3)(a)",
            "GDPR Art. 17(3)(b)",
            "GDPR Art. 17(3)(b)",
            "GDPR Art. 17(3)(c)",
            "GDPR Art. 17(3)(d)",
            "GDPR Art. 17(3)(e)"
        ]
    );
}

/// Reference §3.4: receipt, nominal one-month end, latest day under
/// Strict1182, extended nominal end.
const DEADLINES: &[(Date, Date, Date, Date)] = &[
    // Same date next month; Saturday roll-forward.
    (
        date!(2025 - 03 - 05),
        date!(2025 - 04 - 05),
        date!(2025 - 04 - 07),
        date!(2025 - 06 - 05),
    ),
    // 31st → last day of February; extension min(30 Apr, 28 Apr).
    (
        date!(2025 - 01 - 31),
        date!(2025 - 02 - 28),
        date!(2025 - 02 - 28),
        date!(2025 - 04 - 28),
    ),
    // Leap year.
    (
        date!(2024 - 01 - 31),
        date!(2024 - 02 - 29),
        date!(2024 - 02 - 29),
        date!(2024 - 04 - 29),
    ),
    // Receipt on a Saturday; clamp and roll.
    (
        date!(2026 - 01 - 31),
        date!(2026 - 02 - 28),
        date!(2026 - 03 - 02),
        date!(2026 - 04 - 28),
    ),
    // 31st → 30th.
    (
        date!(2025 - 03 - 31),
        date!(2025 - 04 - 30),
        date!(2025 - 04 - 30),
        date!(2025 - 06 - 30),
    ),
    // Easter 2024: Långfredagen to annandag påsk.
    (
        date!(2024 - 02 - 29),
        date!(2024 - 03 - 29),
        date!(2024 - 04 - 02),
        date!(2024 - 05 - 29),
    ),
    // Easter 2026.
    (
        date!(2026 - 03 - 03),
        date!(2026 - 04 - 03),
        date!(2026 - 04 - 07),
        date!(2026 - 06 - 03),
    ),
    // Ascension.
    (
        date!(2025 - 04 - 29),
        date!(2025 - 05 - 29),
        date!(2025 - 05 - 30),
        date!(2025 - 07 - 29),
    ),
    // National Day on a Friday.
    (
        date!(2025 - 05 - 06),
        date!(2025 - 06 - 06),
        date!(2025 - 06 - 09),
        date!(2025 - 08 - 06),
    ),
    // Midsommarafton is a working day under Strict1182.
    (
        date!(2025 - 05 - 20),
        date!(2025 - 06 - 20),
        date!(2025 - 06 - 20),
        date!(2025 - 08 - 20),
    ),
    // Julafton likewise.
    (
        date!(2025 - 11 - 24),
        date!(2025 - 12 - 24),
        date!(2025 - 12 - 24),
        date!(2026 - 02 - 24),
    ),
    // Year boundary.
    (
        date!(2025 - 12 - 31),
        date!(2026 - 01 - 31),
        date!(2026 - 02 - 02),
        date!(2026 - 03 - 31),
    ),
    // The two extension readings differ: min(31 Jan, 30 Jan).
    (
        date!(2025 - 10 - 31),
        date!(2025 - 11 - 30),
        date!(2025 - 12 - 01),
        date!(2026 - 01 - 30),
    ),
];

#[test]
fn deadlines_follow_the_reference_table_and_the_extension() {
    for &(receipt, nominal, latest, extended) in DEADLINES {
        let mut r = request(Right::Access, receipt);
        assert_eq!(r.target_date, nominal, "nominal for {receipt}");
        assert_eq!(r.deadline, latest, "latest for {receipt}");
        // The CLI's `ombud calendar deadline --months 1` (default policy) agrees.
        assert_eq!(
            deadline(receipt, Period::Months(1), HolidayPolicy::default()).unwrap(),
            r.deadline
        );
        assert_eq!(r.status, RequestStatus::Received);

        RequestChange::Extend(extension(receipt.next_day().unwrap()))
            .apply(&mut r, handler())
            .unwrap();
        assert_eq!(r.status, RequestStatus::Extended);
        assert_eq!(r.target_date, extended, "extended for {receipt}");
        assert!(r.deadline >= extended);
        assert!(is_working_day(r.deadline, REQUEST_HOLIDAY_POLICY).unwrap());
        assert!((r.deadline - extended).whole_days() < 5);
    }
}

#[test]
fn extended_latest_rolls_forward() {
    // Every extended date of the reference table is a working day; this one
    // is not: receipt 2025-03-08 → 2025-06-08 (a Sunday) → Mon 2025-06-09.
    let mut r = request(Right::Access, date!(2025 - 03 - 08));
    RequestChange::Extend(extension(date!(2025 - 03 - 10)))
        .apply(&mut r, handler())
        .unwrap();
    assert_eq!(r.target_date, date!(2025 - 06 - 08));
    assert_eq!(r.deadline, date!(2025 - 06 - 09));
}

#[test]
fn extension_rules() {
    let receipt = date!(2025 - 03 - 05); // nominal 04-05 (Sat), latest 04-07 (Mon)
    let r = request(Right::Access, receipt);

    // Told after the last lawful day of the first month: refused.
    let late = RequestChange::Extend(extension(date!(2025 - 04 - 08)));
    assert_eq!(
        rules_of(&late.errors(&r)),
        [RequestRule::ExtensionNoticeLate]
    );

    // After the target date but within the latest day: a warning only.
    let weekend = RequestChange::Extend(extension(date!(2025 - 04 - 06)));
    assert!(weekend.errors(&r).is_empty());
    assert_eq!(
        rules_of(&weekend.violations(&r)),
        [RequestRule::ExtensionNoticeAfterTarget]
    );

    // Without a reason; before receipt.
    let bad = RequestChange::Extend(Extension {
        reason: "  ".into(),
        notified_on: Some(date!(2025 - 03 - 01)),
        signed: Signature::default(),
    });
    assert_eq!(
        rules_of(&bad.errors(&r)),
        [
            RequestRule::ExtensionReasonMissing,
            RequestRule::DateBeforeReceipt
        ]
    );

    // Only once.
    let mut r = r;
    RequestChange::Extend(extension(date!(2025 - 03 - 20)))
        .apply(&mut r, handler())
        .unwrap();
    assert_eq!(r.extension.as_ref().unwrap().signed.by, "Handläggaren");
    let again = RequestChange::Extend(extension(date!(2025 - 03 - 21)));
    assert_eq!(
        rules_of(&again.apply(&mut r, handler()).unwrap_err()),
        [RequestRule::SecondExtension]
    );
}

#[test]
fn deadline_state_for_dashboards() {
    let r = request(Right::Access, date!(2025 - 03 - 05)); // 04-05 / 04-07
    let s = deadline_state(&r, date!(2025 - 03 - 20));
    assert_eq!(s.days_left, 18);
    assert!(s.open && !s.due_within_7_days && !s.overdue && !s.late && !s.past_target);

    let s = deadline_state(&r, date!(2025 - 03 - 31));
    assert_eq!(s.days_left, 7);
    assert!(s.due_within_7_days && !s.overdue);

    // Past the target (Saturday) but not the deadline (Monday).
    let s = deadline_state(&r, date!(2025 - 04 - 06));
    assert_eq!(s.days_left, 1);
    assert!(s.past_target && !s.overdue && !s.late && s.due_within_7_days);
    assert!(
        rules::check(&r, date!(2025 - 04 - 06))
            .iter()
            .all(|v| !v.is_error())
    );

    let s = deadline_state(&r, date!(2025 - 04 - 08));
    assert!(s.overdue && s.late);
    assert!(
        rules_of(&rules::check(&r, date!(2025 - 04 - 08))).contains(&RequestRule::DeadlineOverdue)
    );

    // Answered: the clock stops; answering late shows.
    let mut answered = r.clone();
    verify(&mut answered);
    RequestChange::Answer(answer(date!(2025 - 04 - 09), AnswerOutcome::Granted, ""))
        .apply(&mut answered, handler())
        .unwrap();
    let s = deadline_state(&answered, date!(2025 - 05 - 01));
    assert!(!s.open && !s.overdue && !s.due_within_7_days && s.late);
    assert!(rules::check(&answered, date!(2025 - 05 - 01)).is_empty());
}

#[test]
fn answer_needs_identity_for_articles_15_to_21() {
    let mut r = request(Right::Access, date!(2025 - 03 - 05));
    let a = RequestChange::Answer(answer(date!(2025 - 03 - 20), AnswerOutcome::Granted, ""));
    assert_eq!(rules_of(&a.errors(&r)), [RequestRule::AnswerBeforeIdentity]);

    // "Cannot be identified" needs no identity check, but reasons.
    let not_identified = RequestChange::Answer(answer(
        date!(2025 - 03 - 20),
        AnswerOutcome::NotIdentified,
        "",
    ));
    assert_eq!(
        rules_of(&not_identified.errors(&r)),
        [RequestRule::RefusalReasonsMissing]
    );

    verify(&mut r);
    assert_eq!(r.status, RequestStatus::Verified);
    a.apply(&mut r, handler()).unwrap();
    assert_eq!(r.status, RequestStatus::Answered);
    // Once only.
    let again = RequestChange::Answer(answer(date!(2025 - 03 - 21), AnswerOutcome::Granted, ""));
    assert_eq!(rules_of(&again.errors(&r)), [RequestRule::AlreadyAnswered]);

    // Art. 22 is outside Art. 12(6): a warning, not an error.
    let mut ad = request(Right::AutomatedDecision, date!(2025 - 03 - 05));
    RequestChange::ReviewAutomatedDecision(AutomatedDecisionOutcome {
        human_intervention: true,
        explanation: "Beslutet prövades av en handläggare.".into(),
        ..Default::default()
    })
    .apply(&mut ad, handler())
    .unwrap();
    let a = RequestChange::Answer(answer(date!(2025 - 03 - 20), AnswerOutcome::Granted, ""));
    let v = a.violations(&ad);
    assert_eq!(rules_of(&v), [RequestRule::AnswerBeforeIdentity]);
    assert!(!v[0].is_error());
    a.apply(&mut ad, handler()).unwrap();
}

#[test]
fn answer_needs_the_outcome_of_the_right() {
    let mut r = request(Right::Objection, date!(2025 - 03 - 05));
    verify(&mut r);
    let a = RequestChange::Answer(answer(
        date!(2025 - 03 - 20),
        AnswerOutcome::Refused,
        "Skäl",
    ));
    let v = a.errors(&r);
    assert_eq!(rules_of(&v), [RequestRule::OutcomeMissing]);
    assert_eq!(v[0].field, "objection");

    // Direct marketing: always upheld.
    let dm = RequestChange::Object(ObjectionOutcome {
        direct_marketing: true,
        decision: ObjectionDecision::Rejected,
        reasoning: "Kunden är viktig.".into(),
        signed: Signature::default(),
    });
    assert_eq!(
        rules_of(&dm.errors(&r)),
        [RequestRule::DirectMarketingObjectionRejected]
    );
    // Particular situation: the balancing must be recorded.
    let no_balancing = RequestChange::Object(ObjectionOutcome {
        direct_marketing: false,
        decision: ObjectionDecision::Rejected,
        reasoning: String::new(),
        signed: Signature::default(),
    });
    assert_eq!(
        rules_of(&no_balancing.errors(&r)),
        [RequestRule::ObjectionReasoningMissing]
    );
    // An outcome for another right.
    let wrong = RequestChange::Rectify(RectificationOutcome {
        corrected: vec!["Adress".into()],
        ..Default::default()
    });
    assert_eq!(rules_of(&wrong.errors(&r)), [RequestRule::WrongRight]);

    RequestChange::Object(ObjectionOutcome {
        direct_marketing: false,
        decision: ObjectionDecision::Rejected,
        reasoning: "Uppgifterna behövs för att fastställa rättsliga anspråk.".into(),
        signed: Signature::default(),
    })
    .apply(&mut r, handler())
    .unwrap();
    a.apply(&mut r, handler()).unwrap();
    assert!(r.is_refusal());
}

#[test]
fn restriction_is_tracked_until_lifted() {
    let mut r = request(Right::Restriction, date!(2025 - 03 - 05));
    verify(&mut r);
    let no_ground = RequestChange::Restrict(RestrictionOutcome {
        restricted_on: Some(date!(2025 - 03 - 06)),
        ..Default::default()
    });
    assert_eq!(
        rules_of(&no_ground.errors(&r)),
        [RequestRule::RestrictionGroundMissing]
    );
    let restricted = RestrictionOutcome {
        grounds: vec![RestrictionGround::AccuracyContested],
        restricted_on: Some(date!(2025 - 03 - 06)),
        ..Default::default()
    };
    RequestChange::Restrict(restricted.clone())
        .apply(&mut r, handler())
        .unwrap();
    RequestChange::Answer(answer(date!(2025 - 03 - 07), AnswerOutcome::Granted, ""))
        .apply(&mut r, handler())
        .unwrap();
    let close = RequestChange::Close(Closure {
        closed_on: date!(2025 - 03 - 08),
        note: String::new(),
        signed: Signature::default(),
    });
    assert_eq!(
        rules_of(&close.errors(&r)),
        [RequestRule::RestrictionInForce]
    );

    // Lifting without telling the data subject first.
    let silent = RequestChange::Restrict(RestrictionOutcome {
        lifted_on: Some(date!(2025 - 04 - 01)),
        ..restricted.clone()
    });
    assert_eq!(
        rules_of(&silent.errors(&r)),
        [RequestRule::RestrictionLiftedWithoutNotice]
    );
    RequestChange::Restrict(RestrictionOutcome {
        lifting_notified_on: Some(date!(2025 - 03 - 25)),
        lifted_on: Some(date!(2025 - 04 - 01)),
        ..restricted
    })
    .apply(&mut r, handler())
    .unwrap();
    close.apply(&mut r, handler()).unwrap();
    assert_eq!(r.status, RequestStatus::Closed);
}

#[test]
fn closing_needs_an_answer_and_minimises() {
    let mut r = request(Right::Access, date!(2025 - 03 - 05));
    let close = RequestChange::Close(Closure {
        closed_on: date!(2025 - 03 - 30),
        note: String::new(),
        signed: Signature::default(),
    });
    assert_eq!(
        rules_of(&close.errors(&r)),
        [RequestRule::CloseWithoutAnswer]
    );

    verify(&mut r);
    RequestChange::AttachData(vec![DataFound {
        activity_id: Some(1),
        system_id: Some(3),
        items: vec!["Betyg: VG".into()],
    }])
    .apply(&mut r, handler())
    .unwrap();
    RequestChange::Answer(answer(date!(2025 - 03 - 20), AnswerOutcome::Granted, ""))
        .apply(&mut r, handler())
        .unwrap();
    close.apply(&mut r, handler()).unwrap();

    assert!(r.minimised);
    let q = &r.intake.requester;
    assert_eq!(q.name, "Anna Andersson", "the name is kept");
    assert!(q.email.is_empty() && q.phone.is_empty() && q.address.is_empty() && q.other.is_empty());
    assert_eq!(q.identity_number, None);
    assert!(r.identity_check.as_ref().unwrap().note.is_empty());
    assert_eq!(
        r.identity_check.as_ref().unwrap().method,
        IdentityMethod::ELegitimation
    );
    assert_eq!(r.data_found[0].activity_id, Some(1));
    assert!(r.data_found[0].items.is_empty());
    assert!(r.answer.is_some(), "the decision is kept");

    // A closed case cannot change.
    let scope = RequestChange::Scope {
        data_subject_categories: vec![],
        system_ids: vec![],
    };
    assert_eq!(rules_of(&scope.errors(&r)), [RequestRule::CaseClosed]);
    assert_eq!(scope.action(), "request.scope");
}

#[test]
fn purge_due_counts_calendar_months() {
    assert_eq!(purge_due(date!(2025 - 01 - 31), 1), date!(2025 - 02 - 28));
    assert_eq!(purge_due(date!(2024 - 02 - 29), 24), date!(2026 - 02 - 28));
    assert_eq!(purge_due(date!(2025 - 06 - 15), 0), date!(2025 - 06 - 15));
    assert_eq!(purge_due(date!(9999 - 06 - 15), 12), Date::MAX);
}

#[test]
fn intake_rules() {
    let r = request(Right::Erasure, date!(2025 - 03 - 05));
    let mut i = intake(Right::Erasure, date!(2025 - 03 - 05), Lang::Sv);
    i.requester = Requester::default();
    let v = RequestChange::Update(i.clone()).violations(&r);
    assert_eq!(
        rules_of(&v),
        [
            RequestRule::RequesterNameMissing,
            RequestRule::RequesterContactMissing
        ]
    );
    assert_eq!(v[0].field, "requester.name");
    i.received_on = date!(1980 - 01 - 01);
    i.requester.name = "Anna".into();
    i.requester.email = "a@example.se".into();
    assert_eq!(
        rules_of(&RequestChange::Update(i).errors(&r)),
        [RequestRule::ReceivedOutOfRange]
    );
}

#[test]
fn request_json_shape() {
    let r = Request::new(
        12,
        intake(Right::Erasure, date!(2025 - 03 - 05), Lang::En),
        Some(9),
        AT,
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["reference"], "DSR-0012");
    assert_eq!(json["right"], "erasure");
    assert_eq!(json["channel"], "email");
    assert_eq!(json["language"], "en");
    assert_eq!(json["received_on"], "2025-03-05");
    assert_eq!(json["target_date"], "2025-04-05");
    assert_eq!(json["deadline"], "2025-04-07");
    assert_eq!(json["status"], "received");
    assert_eq!(json["requester"]["identity_number"], "19121212-1212");
    assert_eq!(json["data_subject_categories"][0], " studenter ");
    let back: Request = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);

    use utoipa::PartialSchema;
    let schema = serde_json::to_string(&Request::schema()).unwrap();
    for f in ["\"deadline\"", "\"identity_check\"", "RequestIntake"] {
        assert!(schema.contains(f), "{f} missing in {schema}");
    }
}

// — The register used by the access and erasure tests —

fn activity(id: i64, version: i64, status: Status, content: ActivityContent) -> Activity {
    Activity {
        id,
        status,
        version,
        content,
        created_at: AT,
        updated_at: AT,
        submitted_at: None,
        approved_at: None,
        review_due: None,
    }
}

fn content(name: &str, categories: &[&str], systems: &[i64], basis: LegalBasis) -> ActivityContent {
    ActivityContent {
        name: name.into(),
        purposes: vec![format!("Ändamål för {name}")],
        data_subject_categories: categories.iter().map(|c| (*c).to_owned()).collect(),
        personal_data_categories: vec!["Kontaktuppgifter".into()],
        legal_basis: Some(basis),
        retention: "2 år".into(),
        system_ids: systems.to_vec(),
        ..ActivityContent::default()
    }
}

fn register() -> Vec<Activity> {
    let mut studies = content(
        "Studiedokumentation",
        &["Studenter"],
        &[1],
        LegalBasis::PublicTask,
    );
    studies.processor_ids = vec![7];
    studies.recipients = vec!["CSN".into()];
    studies.retention_source_kind = Some(RetentionSource::RiksarkivetRegulation);
    studies.retention_source = "RA-MS 2020:1".into();
    studies.data_source = Some(DataSource::Both);
    studies.data_source_description = "Universitets- och högskolerådet".into();
    studies.transfers = vec![Transfer {
        country: "USA".into(),
        recipient: "Molnleverantör Inc.".into(),
        mechanism: Some(TransferMechanism::StandardContractualClauses),
        derogation: None,
        safeguards: "Kryptering".into(),
    }];
    let mut alumni = content("Alumninätverk", &["Alumner"], &[3], LegalBasis::Consent);
    alumni.automated_decisions = false;
    alumni.profiling = true;
    alumni.automated_decisions_description = "Intressen sorteras efter klick".into();
    vec![
        // 1: matches by category (case and spaces differ), approved: in.
        activity(1, 2, Status::Approved, studies.clone()),
        // 1, older version archived: ignored (the in-force version counts).
        activity(
            1,
            1,
            Status::Archived,
            ActivityContent {
                name: "Gammal".into(),
                ..studies
            },
        ),
        // 2: matches by category: in.
        activity(2, 1, Status::Approved, alumni),
        // 3: neither category nor system: out.
        activity(
            3,
            1,
            Status::Approved,
            content("Lön", &["Anställda"], &[9], LegalBasis::LegalObligation),
        ),
        // 4: matching category but a draft: out.
        activity(
            4,
            1,
            Status::Draft,
            content("Nytt system", &["Studenter"], &[], LegalBasis::Consent),
        ),
        // 5: matching category, rejected: out.
        activity(
            5,
            1,
            Status::Rejected,
            content("Avslaget", &["studenter"], &[3], LegalBasis::Consent),
        ),
    ]
}

fn org() -> Organisation {
    Organisation {
        name: "Exempeluniversitetet".into(),
        org_number: "202100-0000".into(),
        address: "Box 1, 100 00 Stockholm".into(),
        email: "registrator@example.se".into(),
        is_public_authority: true,
        dpo: Some(DpoContact {
            name: "Dataskyddsombudet".into(),
            email: "dso@example.se".into(),
            phone: String::new(),
        }),
        ..Organisation::default()
    }
}

fn processors() -> Vec<Processor> {
    vec![Processor {
        id: 7,
        name: "Molnbolaget AB".into(),
        location: "Sverige".into(),
        ..Processor::default()
    }]
}

fn systems() -> Vec<System> {
    vec![
        System {
            id: 1,
            name: "Ladok".into(),
            ..System::default()
        },
        System {
            id: 3,
            name: "CRM".into(),
            ..System::default()
        },
    ]
}

#[test]
fn access_report_lists_exactly_the_matching_activities() {
    let mut r = Request::new(
        1,
        intake(Right::Access, date!(2025 - 03 - 05), Lang::En),
        None,
        AT,
    );
    r.data_found = vec![DataFound {
        activity_id: Some(1),
        system_id: Some(1),
        items: vec!["Grade in course X: VG".into()],
    }];
    let report = access_report(&r, &register(), &org(), &processors(), &systems());
    let ids: Vec<i64> = report.entries.iter().map(|e| e.activity_id).collect();
    assert_eq!(ids, [1, 2]);
    // Systems narrow the categories: an activity naming its systems must share one.
    let mut narrowed = r.clone();
    narrowed.intake.system_ids = vec![3];
    let ids: Vec<i64> = access::matching_activities(&narrowed, &register())
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, [2]);
    // Without categories, systems alone decide.
    let mut by_system = r.clone();
    by_system.intake.data_subject_categories.clear();
    by_system.intake.system_ids = vec![9];
    let ids: Vec<i64> = access::matching_activities(&by_system, &register())
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, [3]);
    assert!(report.processed);
    assert_eq!(report.controller.name, "Exempeluniversitetet");
    assert_eq!(report.dpo.as_ref().unwrap().email, "dso@example.se");
    assert_eq!(report.data_found[0].source, "Studiedokumentation (Ladok)");

    let e = &report.entries[0];
    assert_eq!(
        e.activity_name, "Studiedokumentation",
        "the version in force"
    );
    assert_eq!(e.systems, ["Ladok"]);
    assert_eq!(e.purposes.label, "Purposes");
    assert_eq!(e.purposes.article, "GDPR Art. 15(1)(a)");
    assert!(e.recipients.lines.contains(&"CSN".to_owned()));
    assert!(
        e.recipients
            .lines
            .contains(&"Processor: Molnbolaget AB (Sverige)".to_owned())
    );
    assert!(
        e.recipients
            .lines
            .iter()
            .any(|l| l.contains("Molnleverantör Inc. (USA)"))
    );
    assert!(e.retention.lines.iter().any(|l| l.contains("RA-MS 2020:1")));
    assert!(e.complaint.lines[0].contains("Box 8114, 104 20 Stockholm"));
    assert!(e.complaint.lines[0].contains("imy@imy.se"));
    assert!(
        e.source
            .lines
            .contains(&"Universitets- och högskolerådet".to_owned())
    );
    assert!(e.transfer_safeguards.lines[0].contains("Standard contractual clauses"));
    assert!(e.rights.lines.iter().any(|l| l.contains("Article 21")));
    assert!(e.rights.lines.iter().any(|l| l.contains("Article 16")));

    let alumni = &report.entries[1];
    assert!(
        alumni
            .automated_decisions
            .lines
            .iter()
            .any(|l| l.contains("Profiling"))
    );
    assert!(
        alumni
            .automated_decisions
            .lines
            .iter()
            .any(|l| l.contains("klick"))
    );
    assert_eq!(
        alumni.transfer_safeguards.lines,
        ["The data are not transferred outside the EU/EEA."]
    );
    assert_eq!(
        alumni.recipients.lines,
        ["The data are not disclosed to any recipients."]
    );
    assert!(
        alumni
            .rights
            .lines
            .iter()
            .any(|l| l.contains("withdraw your consent"))
    );

    // Every item, in every entry, has a label and at least one line; JSON keys are stable.
    let json = serde_json::to_value(&report).unwrap();
    for entry in json["entries"].as_array().unwrap() {
        for key in [
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
            assert!(!entry[key]["label"].as_str().unwrap().is_empty(), "{key}");
            assert!(!entry[key]["lines"].as_array().unwrap().is_empty(), "{key}");
        }
    }

    // Two approved versions of one activity: the higher one counts, once.
    let mut twice = register();
    twice.push(activity(
        2,
        2,
        Status::Approved,
        ActivityContent {
            name: "Alumni v2".into(),
            ..twice[2].content.clone()
        },
    ));
    let names: Vec<String> = access_report(&r, &twice, &org(), &processors(), &systems())
        .entries
        .into_iter()
        .map(|e| e.activity_name)
        .collect();
    assert_eq!(names, ["Studiedokumentation", "Alumni v2"]);

    // Swedish labels in a Swedish case; nothing matching → not processed.
    let mut sv = r.clone();
    sv.intake.language = Lang::Sv;
    sv.intake.data_subject_categories = vec!["Gäster".into()];
    sv.intake.system_ids = vec![];
    sv.data_found.clear();
    let report = access_report(&sv, &register(), &org(), &processors(), &systems());
    assert!(report.entries.is_empty() && !report.processed);
    sv.intake.data_subject_categories = vec!["ANSTÄLLDA".into()];
    let report = access_report(&sv, &register(), &org(), &processors(), &systems());
    assert_eq!(report.entries.len(), 1);
    assert_eq!(report.entries[0].purposes.label, "Ändamål");
}

#[test]
fn erasure_suggestions_follow_basis_and_retention() {
    let mut reg = register();
    let mut consent_archive = content("Enkät", &["Studenter"], &[], LegalBasis::Consent);
    consent_archive.retention_source_kind = Some(RetentionSource::ArchiveAuthorityDecision);
    let mut contract_law = content("Fakturering", &["Studenter"], &[], LegalBasis::Contract);
    contract_law.retention_source_kind = Some(RetentionSource::Law);
    contract_law.retention_source = "Bokföringslagen (1999:1078) 7 kap. 2 §".into();
    reg.extend([
        activity(
            10,
            1,
            Status::Approved,
            content("Lön", &["Studenter"], &[], LegalBasis::LegalObligation),
        ),
        activity(
            11,
            1,
            Status::Approved,
            content("Nyhetsbrev", &["Studenter"], &[], LegalBasis::Consent),
        ),
        activity(12, 1, Status::Approved, consent_archive),
        activity(13, 1, Status::Approved, contract_law),
        activity(
            14,
            1,
            Status::Approved,
            content("Bostad", &["Studenter"], &[], LegalBasis::Contract),
        ),
        activity(
            15,
            1,
            Status::Approved,
            content(
                "Kamera",
                &["Studenter"],
                &[],
                LegalBasis::LegitimateInterests,
            ),
        ),
    ]);
    let r = request(Right::Erasure, date!(2025 - 03 - 05));
    let s = suggest_erasure(&r, &reg);
    let got: Vec<(i64, ErasureOutcome, Option<Art17Exception>)> = s
        .iter()
        .map(|s| (s.activity_id, s.decision, s.ground))
        .collect();
    use Art17Exception as X;
    use ErasureOutcome::{Erase, Refuse};
    assert_eq!(
        got,
        [
            (1, Refuse, Some(X::PublicInterestTask)),
            (2, Erase, None),
            (10, Refuse, Some(X::LegalObligation)),
            (11, Erase, None),
            (12, Refuse, Some(X::ArchivingResearchStatistics)),
            (13, Refuse, Some(X::LegalObligation)),
            (14, Erase, None),
            (15, Erase, None),
        ]
    );
    assert!(
        s[2].explanation.contains("17.3 b"),
        "Swedish: {}",
        s[2].explanation
    );
    assert!(
        s[0].explanation.contains("arkivreglerna"),
        "archive note: {}",
        s[0].explanation
    );
    assert!(s[5].explanation.contains("Bokföringslagen"));
    assert!(s[7].explanation.contains("21.1"));

    // English in an English case.
    let mut en = r.clone();
    en.intake.language = Lang::En;
    let s = suggest_erasure(&en, &reg);
    assert!(s[2].explanation.contains("Article 17(3)(b)"));
}

#[test]
fn erasure_decisions_rules_and_letter() {
    let mut r = request(Right::Erasure, date!(2025 - 03 - 05));
    verify(&mut r);
    let suggestions = suggest_erasure(&r, &register());
    let mut decisions: Vec<ErasureDecision> = suggestions.iter().cloned().map(Into::into).collect();

    // A refusal without its exception; an erasure with one; duplicates.
    let mut bad = decisions.clone();
    bad[0].ground = None;
    bad[1].ground = Some(Art17Exception::LegalClaims);
    bad.push(bad[1].clone());
    let v = RequestChange::DecideErasure(bad).errors(&r);
    assert_eq!(
        rules_of(&v),
        [
            RequestRule::ErasureDecisionsInvalid,
            RequestRule::ErasureRefusalGroundMissing,
            RequestRule::GroundWithoutRefusal,
            RequestRule::GroundWithoutRefusal,
        ]
    );
    // No decision at all is fine on its own (nothing concerns the requester),
    // but not when activities do concern them.
    assert!(RequestChange::DecideErasure(vec![]).errors(&r).is_empty());
    let concerned: Vec<(i64, String)> = suggestions
        .iter()
        .map(|s| (s.activity_id, s.activity_name.clone()))
        .collect();
    assert_eq!(
        rules_of(&rules::check_erasure_coverage(&[], &concerned)),
        vec![RequestRule::ErasureDecisionsInvalid; concerned.len()]
    );
    let all: Vec<ErasureDecision> = suggestions.iter().cloned().map(Into::into).collect();
    assert!(rules::check_erasure_coverage(&all, &concerned).is_empty());

    // The handler changes the alumni decision to legal claims.
    decisions[1].decision = ErasureOutcome::Refuse;
    decisions[1].ground = Some(Art17Exception::LegalClaims);
    decisions[1].explanation = "En tvist om studieavgifter pågår.".into();
    RequestChange::DecideErasure(decisions)
        .apply(&mut r, handler())
        .unwrap();
    assert!(
        r.erasure_decisions
            .iter()
            .all(|d| d.signed.by == "Handläggaren")
    );
    RequestChange::Answer(answer(
        date!(2025 - 03 - 25),
        AnswerOutcome::Refused,
        "Se nedan.",
    ))
    .apply(&mut r, handler())
    .unwrap();

    let letter = letters::erasure_answer(&r, &org());
    assert_eq!(letter.language, Lang::Sv);
    assert!(letter.refusal);
    let text = letter.to_plain_text();
    assert!(text.contains("Studiedokumentation"), "{text}");
    assert!(text.contains("GDPR Art. 17(3)(b)"), "{text}");
    assert!(text.contains("GDPR Art. 17(3)(e)"), "{text}");
    assert!(text.contains("Integritetsskyddsmyndigheten"), "{text}");
    assert!(text.contains("artikel 79"), "{text}");
    assert!(
        text.contains("tre veckor"),
        "public authority appeal: {text}"
    );
    let last = letter.sections.len();
    assert_eq!(
        letter.sections[last - 2].heading.as_deref(),
        Some("Om du inte är nöjd")
    );
}

#[test]
fn letters_in_the_requesters_language() {
    let mut r = Request::new(
        3,
        intake(Right::Rectification, date!(2025 - 05 - 20), Lang::En),
        None,
        AT,
    );
    let ack = letters::acknowledgement(&r, &org());
    let text = ack.to_plain_text();
    assert!(
        text.contains("DSR-0003") && text.contains("2025-05-20") && text.contains("2025-06-20"),
        "{text}"
    );
    assert!(
        text.contains("Article 12(6)"),
        "identity not yet checked: {text}"
    );
    assert!(!ack.refusal && !text.contains("complaint"), "{text}");
    assert!(letters::extension_notice(&r, &org()).is_none());

    RequestChange::Extend(extension(date!(2025 - 06 - 02)))
        .apply(&mut r, handler())
        .unwrap();
    let notice = letters::extension_notice(&r, &org())
        .unwrap()
        .to_plain_text();
    assert!(
        notice.contains("2025-08-20") && notice.contains("Article 12(3)"),
        "{notice}"
    );
    assert!(
        notice.contains("many systems") || notice.contains("många system"),
        "{notice}"
    );

    verify(&mut r);
    RequestChange::Rectify(RectificationOutcome {
        corrected: vec!["Address".into()],
        recipients_notified: true,
        ..Default::default()
    })
    .apply(&mut r, handler())
    .unwrap();
    RequestChange::Answer(answer(date!(2025 - 06 - 10), AnswerOutcome::Granted, ""))
        .apply(&mut r, handler())
        .unwrap();
    let granted = letters::outcome_answer(&r, &org());
    assert!(!granted.refusal);
    let text = granted.to_plain_text();
    assert!(
        text.contains("Corrected: Address") && text.contains("Article 19"),
        "{text}"
    );
    assert!(
        !text.contains("Integritetsskyddsmyndigheten"),
        "no remedies when granted: {text}"
    );

    // Access answer: sections per activity, the copy, the complaint right.
    let mut a = Request::new(
        4,
        intake(Right::Access, date!(2025 - 03 - 05), Lang::Sv),
        None,
        AT,
    );
    verify(&mut a);
    a.data_found = vec![DataFound {
        activity_id: Some(2),
        system_id: None,
        items: vec!["E-post: anna@example.se".into()],
    }];
    let report = access_report(&a, &register(), &org(), &processors(), &systems());
    let letter = letters::access_answer(&a, &report, &org());
    let headings: Vec<_> = letter
        .sections
        .iter()
        .filter_map(|s| s.heading.clone())
        .collect();
    assert_eq!(
        headings,
        [
            "Studiedokumentation",
            "Alumninätverk",
            "Uppgifter om dig",
            "Kontakt"
        ]
    );
    let text = letter.to_plain_text();
    assert!(
        text.contains("Alumninätverk: E-post: anna@example.se"),
        "{text}"
    );
    assert!(text.contains("Integritetsskyddsmyndigheten"), "{text}");
    assert!(!letter.refusal);
}

/// The contract asks for "a name and contact details": every usual shape is read.
#[test]
fn the_requester_is_read_from_an_object_or_a_line_of_text() {
    let read = |v: serde_json::Value| -> Requester {
        let intake: RequestIntake = serde_json::from_value(serde_json::json!({
            "right": "access", "received_on": "2025-03-05", "requester": v
        }))
        .unwrap();
        intake.requester
    };
    let r = read(serde_json::json!({"name": "Anna Andersson", "email": "anna@example.se"}));
    assert_eq!(
        (r.name.as_str(), r.email.as_str()),
        ("Anna Andersson", "anna@example.se")
    );
    let r = read(serde_json::json!({"name": "Anna", "contact": "anna@example.se"}));
    assert_eq!(r.email, "anna@example.se");
    let r = read(
        serde_json::json!({"name": "Anna", "contact_details": ["070-123 45 67", "Storgatan 1, 111 11 Stad"]}),
    );
    assert_eq!(r.phone, "070-123 45 67");
    assert_eq!(r.address, "Storgatan 1, 111 11 Stad");
    let r = read(
        serde_json::json!({"full_name": "Anna", "telephone": "+46 70 123 45 67", "personnummer": "19121212-1212"}),
    );
    assert_eq!(
        (r.name.as_str(), r.phone.as_str()),
        ("Anna", "+46 70 123 45 67")
    );
    assert_eq!(r.identity_number.as_deref(), Some("19121212-1212"));
    let r = read(serde_json::json!("Bo Berg, bo@example.se"));
    assert_eq!(
        (r.name.as_str(), r.email.as_str()),
        ("Bo Berg", "bo@example.se")
    );
    let r = read(serde_json::json!("Bo Berg <bo@example.se>"));
    assert_eq!(r.email, "bo@example.se");
    let r = read(serde_json::json!("Cecilia Ek; 08-123 456 78"));
    assert_eq!(
        (r.name.as_str(), r.phone.as_str()),
        ("Cecilia Ek", "08-123 456 78")
    );
}

#[test]
fn free_text_puts_the_address_and_the_identity_number_in_their_fields() {
    let intake: RequestIntake = serde_json::from_value(serde_json::json!({
        "right": "access", "received_on": "2025-03-05",
        "requester": "Anna Andersson, Storgatan 1, 111 22 Stockholm, 19121212-1212, anna@example.se"
    }))
    .unwrap();
    let q = &intake.requester;
    assert_eq!(q.name, "Anna Andersson");
    assert_eq!(q.address, "Storgatan 1, 111 22 Stockholm");
    assert_eq!(q.identity_number.as_deref(), Some("19121212-1212"));
    assert_eq!(q.email, "anna@example.se");
    assert_eq!(q.phone, "");
}

#[test]
fn the_audit_view_holds_no_requester_and_no_free_text() {
    let mut r = request(Right::Rectification, date!(2025 - 03 - 05));
    r.intake.description = "Min diagnos är fel registrerad.".into();
    r.rectification = Some(RectificationOutcome {
        corrected: vec!["Ny adress: Storgatan 9".into()],
        ..Default::default()
    });
    let v = serde_json::to_string(&r.audit_view()).unwrap();
    let (name, email) = (
        r.intake.requester.name.clone(),
        r.intake.requester.email.clone(),
    );
    for secret in ["Storgatan 9", "diagnos", name.as_str(), email.as_str()] {
        assert!(!secret.is_empty() && !v.contains(secret), "{secret} in {v}");
    }
    assert!(v.contains(&r.reference) && v.contains("rectification"));
}

#[test]
fn phone_numbers_are_not_taken_for_identity_numbers() {
    let read = |t: &str| -> Requester {
        let intake: RequestIntake = serde_json::from_value(serde_json::json!({
            "right": "access", "received_on": "2025-03-05", "requester": t
        }))
        .unwrap();
        intake.requester
    };
    for phone in ["0701234567", "070-1234567", "08-12345678"] {
        let r = read(&format!("Anna Andersson, {phone}"));
        assert_eq!(r.phone, phone, "{phone}");
        assert_eq!(r.identity_number, None, "{phone}");
    }
    // A valid personnummer (Skatteverket's test number) in its forms.
    for pnr in ["19121212-1212", "121212-1212", "191212121212"] {
        let r = read(&format!("Anna Andersson, {pnr}, anna@example.se"));
        assert_eq!(r.identity_number.as_deref(), Some(pnr), "{pnr}");
    }
    // A check digit that fails: not an identity number.
    assert_eq!(read("Anna, 121212-1213, a@b.se").identity_number, None);
    // "Surname, Given" stays a name.
    let r = read("Andersson, Anna, anna@example.se");
    assert_eq!(
        (r.name.as_str(), r.address.as_str()),
        ("Andersson, Anna", "")
    );
}

/// The rules not exercised elsewhere: each fires on its case, with its
/// severity and the article it cites.
#[test]
fn each_remaining_rule_fires_with_its_article() {
    use crate::register::Severity::{Error, Warning};
    let received = date!(2025 - 03 - 05); // deadline 2025-04-07
    let fires = |v: Vec<RequestViolation>, rule: RequestRule, severity, article: &str| {
        let found = v
            .iter()
            .find(|x| x.rule == rule)
            .unwrap_or_else(|| panic!("{rule:?} not in {:?}", rules_of(&v)));
        assert_eq!(found.severity, severity, "{rule:?}");
        assert_eq!(found.article, article, "{rule:?}");
    };

    // Changing the right once an outcome is recorded.
    let mut r = request(Right::Objection, received);
    verify(&mut r);
    RequestChange::Object(ObjectionOutcome {
        direct_marketing: true,
        decision: ObjectionDecision::Upheld,
        reasoning: String::new(),
        signed: Signature::default(),
    })
    .apply(&mut r, handler())
    .unwrap();
    let other = intake(Right::Erasure, received, Lang::Sv);
    fires(
        RequestChange::Update(other).violations(&r),
        RequestRule::RightChangedAfterOutcome,
        Error,
        "GDPR Art. 12(3)",
    );

    // Identity checked "another way" without saying how.
    let r = request(Right::Access, received);
    let c = IdentityCheck {
        method: IdentityMethod::Other,
        note: String::new(),
        signed: Signature::default(),
    };
    fires(
        RequestChange::Verify(c).violations(&r),
        RequestRule::IdentityNoteMissing,
        Error,
        "GDPR Art. 12(6)",
    );
    // Not checked yet: a warning on the case.
    fires(
        rules::check(&r, received),
        RequestRule::IdentityNotChecked,
        Warning,
        "GDPR Art. 12(6)",
    );

    // An extension decided but not yet told, within the first month.
    let mut r = request(Right::Access, received);
    let untold = Extension {
        notified_on: None,
        ..extension(received)
    };
    fires(
        RequestChange::Extend(untold.clone()).violations(&r),
        RequestRule::ExtensionNoticePending,
        Warning,
        "GDPR Art. 12(3)",
    );
    RequestChange::Extend(untold)
        .apply(&mut r, handler())
        .unwrap();
    fires(
        rules::check(&r, date!(2025 - 03 - 20)),
        RequestRule::ExtensionNoticePending,
        Warning,
        "GDPR Art. 12(3)",
    );

    // Outcomes that say nothing.
    let r = request(Right::Rectification, received);
    fires(
        RequestChange::Rectify(RectificationOutcome::default()).violations(&r),
        RequestRule::RectificationEmpty,
        Error,
        "GDPR Art. 16",
    );
    let r = request(Right::Restriction, received);
    fires(
        RequestChange::Restrict(RestrictionOutcome::default()).violations(&r),
        RequestRule::RestrictionRefusalReasonMissing,
        Error,
        "GDPR Art. 12(4)",
    );
    let r = request(Right::AutomatedDecision, received);
    fires(
        RequestChange::ReviewAutomatedDecision(AutomatedDecisionOutcome::default()).violations(&r),
        RequestRule::AutomatedReviewMissing,
        Error,
        "GDPR Art. 22(3)",
    );
    let r = request(Right::Portability, received);
    let delivered = PortabilityOutcome {
        delivered_on: Some(date!(2025 - 03 - 20)),
        ..Default::default()
    };
    fires(
        RequestChange::DeliverPortability(delivered).violations(&r),
        RequestRule::PortabilityFormatMissing,
        Error,
        "GDPR Art. 20(1)",
    );

    // An answer after the deadline (a warning: it is still given), and one dated tomorrow.
    let mut r = request(Right::Objection, received);
    verify(&mut r);
    RequestChange::Object(ObjectionOutcome {
        direct_marketing: false,
        decision: ObjectionDecision::Upheld,
        reasoning: "Inga tvingande skäl.".into(),
        signed: Signature::default(),
    })
    .apply(&mut r, handler())
    .unwrap();
    let late = RequestChange::Answer(answer(date!(2025 - 04 - 08), AnswerOutcome::Granted, ""));
    fires(
        late.violations(&r),
        RequestRule::AnsweredLate,
        Warning,
        "GDPR Art. 12(3)",
    );
    fires(
        rules::future_dates(Some(&late), date!(2025 - 04 - 07)),
        RequestRule::DateInFuture,
        Error,
        "GDPR Art. 12(3)",
    );
    assert!(rules::future_dates(Some(&late), date!(2025 - 04 - 08)).is_empty());
}
