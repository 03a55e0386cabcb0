//! The demo register: Exempeluniversitetet, a fictional Swedish state
//! university (a public authority), with its processors, systems and
//! processing activities.
//!
//! Processors and systems carry demo-local ids (1, 2, …, their position in
//! the list); activities refer to them by those ids, and `ombud demo` maps
//! them to the ids the database assigns. Organisation numbers and reference
//! numbers ("dnr") are invented; the statutes cited are real.

use ombud_core::register::{
    ActivityContent, Art9Exception, CriminalDataGround, DataSource, DpoContact, LegalBasis,
    LegalBasisSource, Organisation, PersonnummerJustification, PrivacySensitiveData, Processor,
    RetentionSource, SpecialCategory, Status, SubProcessor, System, Transfer, TransferMechanism,
};
use time::macros::date;

/// The whole demo register.
pub struct DemoRegister {
    pub organisation: Organisation,
    /// Demo-local ids 1..=n, in order.
    pub processors: Vec<Processor>,
    /// Demo-local ids 1..=n, in order.
    pub systems: Vec<System>,
    pub activities: Vec<DemoActivity>,
}

/// An activity and the workflow status the demo leaves it in.
pub struct DemoActivity {
    pub content: ActivityContent,
    /// `Approved`, `Submitted`, `ChangesRequested` or `Draft`.
    pub status: Status,
    /// The DPO's comment when changes are requested.
    pub comment: Option<&'static str>,
}

// Units.
const REKTOR: &str = "Rektors kansli";
const STUDENT: &str = "Studentavdelningen";
const HR: &str = "Personalavdelningen";
const EKONOMI: &str = "Ekonomiavdelningen";
const IT: &str = "IT-avdelningen";
const BIBLIOTEK: &str = "Universitetsbiblioteket";
const KOMMUNIKATION: &str = "Kommunikationsavdelningen";
const JURIDIK: &str = "Juridiska avdelningen";
const FORSKNINGSSTOD: &str = "Forskningsstödsavdelningen";
const SAKERHET: &str = "Lokalförsörjning och säkerhet";
const STUDENTHALSAN: &str = "Studenthälsan";
const MEDICIN: &str = "Institutionen för medicin";
const PSYKOLOGI: &str = "Institutionen för psykologi";
const ARKIV: &str = "Arkiv och registratur";
const INTERNATIONELL: &str = "Internationella kontoret";

// Demo-local processor ids (position in `processors()`).
const P_LADOK: i64 = 1;
const P_MICROSOFT: i64 = 2;
const P_INSTRUCTURE: i64 = 3;
const P_ZOOM: i64 = 4;
const P_EXLIBRIS: i64 = 5;
const P_SUNET: i64 = 6;
const P_SSC: i64 = 7;
const P_KAMERA: i64 = 8;
const P_REKRYTERING: i64 = 9;
const P_VISSEL: i64 = 10;
const P_FHV: i64 = 11;
const P_INSPERA: i64 = 12;
const P_UTSKICK: i64 = 13;
const P_ENKAT: i64 = 14;

// Demo-local system ids (position in `systems()`).
const S_LADOK: i64 = 1;
const S_NYA: i64 = 2;
const S_PRIMULA: i64 = 3;
const S_CANVAS: i64 = 4;
const S_M365: i64 = 5;
const S_ALMA: i64 = 6;
const S_ZOOM: i64 = 7;
const S_VARBI: i64 = 8;
const S_VMS: i64 = 9;
const S_PASSER: i64 = 10;
const S_DIARIUM: i64 = 11;
const S_SIEM: i64 = 12;
const S_JOURNAL: i64 = 13;
const S_UTSKICK: i64 = 14;
const S_RAINDANCE: i64 = 15;
const S_REDCAP: i64 = 16;
const S_VISSEL: i64 = 17;
const S_BESOK: i64 = 18;
const S_SURVEY: i64 = 19;
const S_INSPERA: i64 = 20;

fn s(x: &str) -> String {
    x.to_owned()
}

fn v(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| (*x).to_owned()).collect()
}

const SEC_STANDARD: &str = "Behörighetsstyrning efter roll, inloggning med tvåfaktorsautentisering, kryptering vid överföring (TLS), loggning av åtkomst, säkerhetskopiering, informationsklassning enligt universitetets riktlinjer.";
const SEC_HIGH: &str = "Behörighet endast för handläggare med behov, tvåfaktorsautentisering, kryptering vid överföring och lagring, åtkomstloggar som följs upp månadsvis, sekretessmarkering, säkerhetskopiering, informationsklassning hög konfidentialitet.";

/// A public-task activity with the fields most activities share.
fn base(name: &str, unit: &str, owner: &str) -> ActivityContent {
    ActivityContent {
        name: s(name),
        unit: s(unit),
        owner: s(owner),
        legal_basis: Some(LegalBasis::PublicTask),
        legal_basis_source_kind: Some(LegalBasisSource::Law),
        legal_basis_source: s("Högskolelagen (1992:1434) 1 kap. 2 §"),
        data_source: Some(DataSource::DataSubject),
        security_measures: s(SEC_STANDARD),
        retention_source_kind: Some(RetentionSource::RiksarkivetRegulation),
        retention_source: s(
            "Riksarkivets föreskrifter om gallring hos universitet och högskolor (RA-MS); informationshanteringsplan dnr EU 2024/118",
        ),
        ..ActivityContent::default()
    }
}

fn dpf_transfer(recipient: &str) -> Transfer {
    Transfer {
        country: s("USA"),
        recipient: s(recipient),
        mechanism: Some(TransferMechanism::AdequacyDecision),
        derogation: None,
        safeguards: s(
            "Mottagaren är certifierad enligt EU–US Data Privacy Framework (kommissionens beslut (EU) 2023/1795); standardavtalsklausuler (2021/914) i biträdesavtalet som reserv.",
        ),
    }
}

/// The demo register.
pub fn demo_register() -> DemoRegister {
    DemoRegister {
        organisation: organisation(),
        processors: processors(),
        systems: systems(),
        activities: activities(),
    }
}

fn organisation() -> Organisation {
    Organisation {
        name: s("Exempeluniversitetet"),
        org_number: s("202100-0000"),
        address: s("Box 100, 100 00 Exempelstad"),
        email: s("registrator@exempeluniversitetet.se"),
        phone: s("010-000 00 00"),
        is_public_authority: true,
        dpo: Some(DpoContact {
            name: s("Dataskyddsombudet"),
            email: s("dataskyddsombud@exempeluniversitetet.se"),
            phone: s("010-000 00 10"),
        }),
        units: v(&[
            REKTOR,
            STUDENT,
            HR,
            EKONOMI,
            IT,
            BIBLIOTEK,
            KOMMUNIKATION,
            JURIDIK,
            FORSKNINGSSTOD,
            SAKERHET,
            STUDENTHALSAN,
            MEDICIN,
            PSYKOLOGI,
            ARKIV,
            INTERNATIONELL,
        ]),
    }
}

fn processors() -> Vec<Processor> {
    let p =
        |id: i64, name: &str, location: &str, agreement: Option<(time::Date, &str)>| Processor {
            id,
            name: s(name),
            location: s(location),
            agreement_in_place: agreement.is_some(),
            agreement_date: agreement.map(|(d, _)| d),
            agreement_ref: agreement.map(|(_, r)| s(r)).unwrap_or_default(),
            ..Processor::default()
        };
    vec![
        Processor {
            contact: s("Ladok-konsortiets driftorganisation"),
            ..p(
                P_LADOK,
                "Umeå universitet (Ladok-konsortiets driftorganisation)",
                "Sverige",
                Some((date!(2021 - 06 - 15), "Dnr EU 2021/310")),
            )
        },
        Processor {
            contact: s("Microsoft Products and Services Data Protection Addendum"),
            sub_processors: vec![SubProcessor {
                name: s("Microsoft Corporation"),
                location: s("USA"),
                service: s("Support och drift utanför EU Data Boundary"),
            }],
            ..p(
                P_MICROSOFT,
                "Microsoft Ireland Operations Ltd",
                "Irland (EU Data Boundary)",
                Some((date!(2023 - 09 - 01), "Dnr EU 2023/877")),
            )
        },
        Processor {
            sub_processors: vec![SubProcessor {
                name: s("Amazon Web Services EMEA SARL"),
                location: s("Tyskland (Frankfurt)"),
                service: s("Drift av datacenter"),
            }],
            ..p(
                P_INSTRUCTURE,
                "Instructure Global Ltd (Canvas)",
                "Irland",
                Some((date!(2022 - 01 - 10), "Dnr EU 2021/1290")),
            )
        },
        p(
            P_ZOOM,
            "Zoom Video Communications Inc. (avtal via Sunet)",
            "USA",
            Some((date!(2023 - 03 - 20), "Sunet-avtal, dnr EU 2023/204")),
        ),
        p(
            P_EXLIBRIS,
            "Ex Libris (Deutschland) GmbH (Alma)",
            "Nederländerna",
            Some((date!(2020 - 11 - 02), "Dnr EU 2020/955")),
        ),
        p(
            P_SUNET,
            "Vetenskapsrådet (Sunet)",
            "Sverige",
            Some((date!(2022 - 08 - 30), "Dnr EU 2022/640")),
        ),
        p(
            P_SSC,
            "Statens servicecenter",
            "Sverige",
            Some((date!(2019 - 12 - 01), "Dnr EU 2019/1150")),
        ),
        p(
            P_KAMERA,
            "Kameraservice Syd AB",
            "Sverige",
            Some((date!(2024 - 02 - 12), "Dnr EU 2024/95")),
        ),
        p(
            P_REKRYTERING,
            "Rekryteringssystem Norden AB (Varbi)",
            "Sverige",
            Some((date!(2021 - 04 - 01), "Dnr EU 2021/201")),
        ),
        p(
            P_VISSEL,
            "Visselblåsartjänsten Norden AB",
            "Sverige",
            Some((date!(2022 - 07 - 01), "Dnr EU 2022/530")),
        ),
        p(
            P_FHV,
            "Företagshälsan Exempelstad AB",
            "Sverige",
            Some((date!(2023 - 01 - 01), "Dnr EU 2022/1401")),
        ),
        p(
            P_INSPERA,
            "Inspera AS",
            "Norge",
            Some((date!(2022 - 05 - 16), "Dnr EU 2022/388")),
        ),
        p(
            P_UTSKICK,
            "Utskicksverktyget Sverige AB",
            "Sverige",
            Some((date!(2024 - 05 - 06), "Dnr EU 2024/301")),
        ),
        // No agreement yet: referenced only by a draft, which the DPO will catch.
        Processor {
            contact: s("support@enkatverktyget.example"),
            ..p(P_ENKAT, "Enkätverktyget Online AB", "Sverige", None)
        },
    ]
}

fn systems() -> Vec<System> {
    let sys = |id: i64, name: &str, owner: &str, hosting: &str, location: &str| System {
        id,
        name: s(name),
        owner: s(owner),
        hosting: s(hosting),
        location: s(location),
    };
    vec![
        sys(
            S_LADOK,
            "Ladok",
            STUDENT,
            "Gemensam drift (Ladok-konsortiet)",
            "Sverige",
        ),
        sys(
            S_NYA,
            "NyA (antagning.se)",
            "Universitets- och högskolerådet",
            "Drift hos UHR",
            "Sverige",
        ),
        sys(
            S_PRIMULA,
            "Primula",
            HR,
            "Drift hos Statens servicecenter",
            "Sverige",
        ),
        sys(
            S_CANVAS,
            "Canvas",
            STUDENT,
            "Molntjänst (SaaS)",
            "Tyskland (Frankfurt)",
        ),
        sys(
            S_M365,
            "Microsoft 365",
            IT,
            "Molntjänst (SaaS)",
            "EU (EU Data Boundary)",
        ),
        sys(
            S_ALMA,
            "Alma",
            BIBLIOTEK,
            "Molntjänst (SaaS)",
            "Nederländerna",
        ),
        sys(S_ZOOM, "Zoom", IT, "Molntjänst (SaaS)", "EU och USA"),
        sys(S_VARBI, "Varbi", HR, "Molntjänst (SaaS)", "Sverige"),
        sys(
            S_VMS,
            "Videohanteringssystem (VMS)",
            SAKERHET,
            "Egen drift",
            "Sverige",
        ),
        sys(
            S_PASSER,
            "Passer- och larmsystem",
            SAKERHET,
            "Egen drift",
            "Sverige",
        ),
        sys(
            S_DIARIUM,
            "Ärendehanteringssystemet (diarium)",
            ARKIV,
            "Egen drift",
            "Sverige",
        ),
        sys(
            S_SIEM,
            "Central loggserver (SIEM)",
            IT,
            "Egen drift",
            "Sverige",
        ),
        sys(
            S_JOURNAL,
            "Journalsystem för Studenthälsan",
            STUDENTHALSAN,
            "Egen drift",
            "Sverige",
        ),
        sys(
            S_UTSKICK,
            "Utskicksverktyget",
            KOMMUNIKATION,
            "Molntjänst (SaaS)",
            "Sverige",
        ),
        sys(S_RAINDANCE, "Raindance", EKONOMI, "Egen drift", "Sverige"),
        sys(S_REDCAP, "REDCap", FORSKNINGSSTOD, "Egen drift", "Sverige"),
        sys(
            S_VISSEL,
            "Visselblåsarplattformen",
            JURIDIK,
            "Molntjänst (SaaS)",
            "Sverige",
        ),
        sys(S_BESOK, "Besökssystemet", SAKERHET, "Egen drift", "Sverige"),
        sys(
            S_SURVEY,
            "Sunet Survey",
            STUDENT,
            "Molntjänst (Sunet)",
            "Sverige",
        ),
        sys(
            S_INSPERA,
            "Inspera Assessment",
            STUDENT,
            "Molntjänst (SaaS)",
            "Norge",
        ),
    ]
}

fn approved(content: ActivityContent) -> DemoActivity {
    DemoActivity {
        content,
        status: Status::Approved,
        comment: None,
    }
}

fn activities() -> Vec<DemoActivity> {
    use Art9Exception as E9;
    use SpecialCategory as Sc;
    let pnr_secure = |reason: &str| {
        (
            true,
            Some(PersonnummerJustification::SecureIdentification),
            s(reason),
        )
    };
    let with_pnr = |mut c: ActivityContent, reason: &str| {
        let (p, j, r) = pnr_secure(reason);
        c.personnummer = p;
        c.personnummer_justification = j;
        c.personnummer_reasoning = r;
        c
    };

    let mut out = vec![
        // — Education and students —
        approved(with_pnr(
            ActivityContent {
                purposes: v(&[
                    "Handlägga anmälningar och antagning till utbildning på grund- och avancerad nivå",
                    "Bedöma behörighet och urval",
                ]),
                joint_controllers: v(&[
                    "Universitets- och högskolerådet (UHR), registrator@uhr.se — ansvarar för NyA och antagning.se",
                ]),
                data_subject_categories: v(&["Sökande"]),
                data_subject_count: Some(25_000),
                personal_data_categories: v(&[
                    "Namn och kontaktuppgifter",
                    "Personnummer",
                    "Betyg och meriter",
                    "Högskoleprovsresultat",
                ]),
                privacy_sensitive_data: vec![PrivacySensitiveData::Evaluations],
                legal_basis_source: s(
                    "Högskoleförordningen (1993:100) 7 kap.; förordning (1993:1153) om redovisning av studier m.m. vid universitet och högskolor",
                ),
                official_authority: true,
                recipients: v(&[
                    "Universitets- och högskolerådet",
                    "Överklagandenämnden för högskolan",
                ]),
                processor_ids: vec![P_LADOK],
                retention: s(
                    "Antagningsbeslut bevaras; underlag för behörighetsbedömning gallras två år efter beslut",
                ),
                system_ids: vec![S_NYA, S_LADOK],
                data_source: Some(DataSource::Both),
                data_source_description: s("Betyg hämtas från Skolverkets betygsdatabas och UHR"),
                large_scale: true,
                dpia_ref: s("KB 2023:01 Antagning"),
                ..base("Antagning till utbildning", STUDENT, "Antagningschef")
            },
            "Säker identifiering av sökande mot betygsregister och folkbokföring",
        )),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&[
                    "Dokumentera studenters registreringar, resultat och examina",
                    "Utfärda intyg och examensbevis",
                ]),
                data_subject_categories: v(&["Studenter", "Doktorander", "Tidigare studenter"]),
                data_subject_count: Some(40_000),
                personal_data_categories: v(&[
                    "Namn och kontaktuppgifter",
                    "Personnummer",
                    "Kursregistreringar",
                    "Studieresultat och betyg",
                ]),
                privacy_sensitive_data: vec![PrivacySensitiveData::Evaluations],
                legal_basis_source: s(
                    "Förordning (1993:1153) om redovisning av studier m.m. vid universitet och högskolor",
                ),
                official_authority: true,
                recipients: v(&[
                    "Centrala studiestödsnämnden (CSN)",
                    "Statistiska centralbyrån",
                    "Universitetskanslersämbetet",
                ]),
                processor_ids: vec![P_LADOK],
                retention: s("Studiedokumentation bevaras"),
                system_ids: vec![S_LADOK],
                large_scale: true,
                dpia_ref: s("KB 2023:02 Ladok"),
                security_measures: s(SEC_HIGH),
                ..base(
                    "Studiedokumentation i Ladok",
                    STUDENT,
                    "Studieadministrativ chef",
                )
            },
            "Studieresultat ska kunna knytas säkert till rätt person under hela livet",
        )),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&[
                    "Genomföra salstentamen och digital examination",
                    "Besluta om betyg",
                ]),
                data_subject_categories: v(&["Studenter"]),
                data_subject_count: Some(18_000),
                personal_data_categories: v(&[
                    "Namn",
                    "Personnummer",
                    "Tentamenssvar",
                    "Betyg",
                    "Anonymiseringskod",
                ]),
                privacy_sensitive_data: vec![PrivacySensitiveData::Evaluations],
                legal_basis_source: s("Högskoleförordningen (1993:100) 6 kap. 18–24 §§"),
                official_authority: true,
                recipients: v(&["Examinatorer"]),
                processor_ids: vec![P_INSPERA],
                retention: s("Skriftliga tentamenssvar gallras två år efter betygsbeslut"),
                system_ids: vec![S_INSPERA, S_LADOK],
                ..base(
                    "Examination och betygssättning",
                    STUDENT,
                    "Prefekter och examinatorer",
                )
            },
            "Identifiering vid tentamen så att resultat registreras på rätt student",
        )),
        approved(ActivityContent {
            purposes: v(&[
                "Tillhandahålla lärplattform för kurser",
                "Kommunicera med studenter om kursen",
            ]),
            data_subject_categories: v(&["Studenter", "Lärare"]),
            data_subject_count: Some(35_000),
            personal_data_categories: v(&[
                "Namn",
                "E-postadress",
                "Inlämningar",
                "Kommentarer och återkoppling",
            ]),
            legal_basis_source: s(
                "Högskolelagen (1992:1434) 1 kap. 2 §; högskoleförordningen (1993:100) 6 kap.",
            ),
            recipients: v(&["Lärare och kursadministratörer"]),
            processor_ids: vec![P_INSTRUCTURE],
            retention: s(
                "Kursrum gallras tre år efter kursens slut; betygsgrundande inlämningar enligt tentamensgallring",
            ),
            system_ids: vec![S_CANVAS],
            ..base("Lärplattform (Canvas)", STUDENT, "Chef för utbildningsstöd")
        }),
        approved(ActivityContent {
            purposes: v(&[
                "Låta studenter lämna synpunkter på kurser",
                "Sammanställa och återkoppla kursvärderingar",
            ]),
            data_subject_categories: v(&["Studenter", "Kursansvariga lärare"]),
            data_subject_count: Some(20_000),
            personal_data_categories: v(&["E-postadress för inbjudan", "Fritextsvar"]),
            legal_basis_source: s("Högskoleförordningen (1993:100) 1 kap. 14 §"),
            recipients: v(&["Kursansvariga", "Studentkåren (sammanställningar)"]),
            processor_ids: vec![P_SUNET],
            retention: s("Svar gallras när sammanställningen är klar; sammanställningar bevaras"),
            system_ids: vec![S_SURVEY],
            ..base("Kursvärderingar", STUDENT, "Kvalitetssamordnare")
        }),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&["Pröva ansökningar om examen och utfärda examensbevis"]),
                data_subject_categories: v(&["Studenter som ansöker om examen"]),
                data_subject_count: Some(6_000),
                personal_data_categories: v(&["Namn", "Personnummer", "Studieresultat"]),
                legal_basis_source: s("Högskoleförordningen (1993:100) 6 kap. 11–13 §§"),
                official_authority: true,
                processor_ids: vec![P_LADOK],
                retention: s("Examensbevis och beslut bevaras"),
                system_ids: vec![S_LADOK],
                ..base("Examensbevis", STUDENT, "Examenshandläggare")
            },
            "Examensbeviset måste utfärdas till rätt person",
        )),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&["Rapportera studieaktivitet och studieresultat till CSN"]),
                data_subject_categories: v(&["Studenter med studiestöd"]),
                data_subject_count: Some(15_000),
                personal_data_categories: v(&["Personnummer", "Registreringar", "Studieresultat"]),
                legal_basis: Some(LegalBasis::LegalObligation),
                legal_basis_source: s("Studiestödsförordningen (2000:655) 6 kap. 7 §"),
                recipients: v(&["Centrala studiestödsnämnden (CSN)"]),
                processor_ids: vec![P_LADOK],
                retention: s("Uppgifterna finns i studiedokumentationen, som bevaras"),
                system_ids: vec![S_LADOK],
                ..base("Rapportering till CSN", STUDENT, "Studieadministrativ chef")
            },
            "CSN identifierar studenten med personnummer",
        )),
        approved(ActivityContent {
            purposes: v(&[
                "Besluta om och förmedla pedagogiskt stöd till studenter med funktionsnedsättning",
            ]),
            data_subject_categories: v(&["Studenter med funktionsnedsättning"]),
            data_subject_count: Some(1_500),
            personal_data_categories: v(&[
                "Namn och kontaktuppgifter",
                "Intyg om funktionsnedsättning",
                "Beslutat stöd",
            ]),
            special_categories: vec![Sc::Health],
            art9_exceptions: vec![E9::SubstantialPublicInterest],
            art9_provision: s(
                "DSL (2018:218) 3 kap. 3 § första stycket 2 (handläggning av ärende)",
            ),
            legal_basis_source: s(
                "Diskrimineringslagen (2008:567) 2 kap. 5 och 7 §§; högskoleförordningen (1993:100) 1 kap.",
            ),
            official_authority: true,
            recipients: v(&["Examinatorer (endast beslutat stöd, inte diagnos)"]),
            retention: s("Intyg gallras två år efter avslutade studier; beslut bevaras"),
            system_ids: vec![S_DIARIUM],
            vulnerable_data_subjects: true,
            security_measures: s(SEC_HIGH),
            dpia_ref: s("KB 2022:04 Pedagogiskt stöd"),
            ..base(
                "Stöd till studenter med funktionsnedsättning",
                STUDENT,
                "Samordnare för pedagogiskt stöd",
            )
        }),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&[
                    "Ge hälso- och sjukvård inom studenthälsovården",
                    "Föra patientjournal",
                ]),
                data_subject_categories: v(&["Studenter som söker Studenthälsan"]),
                data_subject_count: Some(3_000),
                personal_data_categories: v(&[
                    "Namn",
                    "Personnummer",
                    "Journalanteckningar",
                    "Hälsouppgifter",
                ]),
                special_categories: vec![Sc::Health],
                art9_exceptions: vec![E9::HealthSocialCare],
                art9_provision: s("DSL (2018:218) 3 kap. 5 §; patientdatalagen (2008:355)"),
                legal_basis: Some(LegalBasis::LegalObligation),
                legal_basis_source: s("Patientdatalagen (2008:355) 3 kap. 1 §"),
                retention: s("Journalhandlingar bevaras minst tio år efter sista anteckningen"),
                retention_source_kind: Some(RetentionSource::Law),
                retention_source: s("Patientdatalagen (2008:355) 3 kap. 17 §"),
                system_ids: vec![S_JOURNAL],
                vulnerable_data_subjects: true,
                security_measures: s(SEC_HIGH),
                dpia_ref: s("KB 2021:03 Studenthälsan"),
                ..base(
                    "Studenthälsovård",
                    STUDENTHALSAN,
                    "Verksamhetschef Studenthälsan",
                )
            },
            "Patientsäkerhet kräver säker identifiering",
        )),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&[
                    "Utreda misstänkt fusk och störande uppträdande",
                    "Besluta om disciplinåtgärder",
                ]),
                data_subject_categories: v(&["Studenter", "Anmälare och vittnen"]),
                data_subject_count: Some(300),
                personal_data_categories: v(&[
                    "Namn",
                    "Personnummer",
                    "Anmälan och utredning",
                    "Beslut",
                ]),
                criminal_offence_data: true,
                criminal_data_ground: Some(CriminalDataGround::OfficialAuthority),
                criminal_data_provision: s(
                    "DSL (2018:218) 3 kap. 8 § första stycket; högskoleförordningen (1993:100) 10 kap.",
                ),
                legal_basis_source: s("Högskoleförordningen (1993:100) 10 kap."),
                official_authority: true,
                recipients: v(&["Disciplinnämnden", "Förvaltningsrätten vid överklagande"]),
                retention: s("Disciplinärenden bevaras"),
                system_ids: vec![S_DIARIUM],
                security_measures: s(SEC_HIGH),
                dpia_ref: s("KB 2022:06 Disciplinärenden"),
                vulnerable_data_subjects: true,
                ..base("Disciplinärenden", JURIDIK, "Chefsjurist")
            },
            "Besluten riktar sig till en enskild och måste kunna delges rätt person",
        )),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&["Pröva och besluta om tillgodoräknande av tidigare utbildning"]),
                data_subject_categories: v(&["Studenter"]),
                data_subject_count: Some(2_500),
                personal_data_categories: v(&["Namn", "Personnummer", "Tidigare studieresultat"]),
                legal_basis_source: s("Högskoleförordningen (1993:100) 6 kap. 6–8 §§"),
                official_authority: true,
                processor_ids: vec![P_LADOK],
                retention: s("Beslut bevaras"),
                system_ids: vec![S_LADOK],
                ..base("Tillgodoräknande", STUDENT, "Studieadministrativ chef")
            },
            "Beslutet registreras i studiedokumentationen",
        )),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&["Upprätta och följa upp individuella studieplaner för doktorander"]),
                data_subject_categories: v(&["Doktorander", "Handledare"]),
                data_subject_count: Some(900),
                personal_data_categories: v(&[
                    "Namn",
                    "Personnummer",
                    "Studieplan",
                    "Finansiering",
                    "Handledning",
                ]),
                privacy_sensitive_data: vec![PrivacySensitiveData::Evaluations],
                legal_basis_source: s("Högskoleförordningen (1993:100) 6 kap. 29 §"),
                processor_ids: vec![P_LADOK],
                retention: s("Individuella studieplaner bevaras"),
                system_ids: vec![S_LADOK],
                ..base(
                    "Individuella studieplaner för doktorander",
                    FORSKNINGSSTOD,
                    "Forskarutbildningshandläggare",
                )
            },
            "Studieplanen hör till doktorandens studiedokumentation",
        )),
        approved(ActivityContent {
            purposes: v(&["Administrera studentutbyten med partneruniversitet utanför EU"]),
            data_subject_categories: v(&["Utresande och inresande utbytesstudenter"]),
            data_subject_count: Some(400),
            personal_data_categories: v(&[
                "Namn och kontaktuppgifter",
                "Studieresultat",
                "Nominering",
            ]),
            legal_basis_source: s("Högskoleförordningen (1993:100) 1 kap. 4 §"),
            recipients: v(&["Partneruniversitet"]),
            transfers: vec![
                Transfer {
                    country: s("Japan"),
                    recipient: s("Partneruniversitet i Japan"),
                    mechanism: Some(TransferMechanism::AdequacyDecision),
                    derogation: None,
                    safeguards: s("Kommissionens beslut (EU) 2019/419"),
                },
                Transfer {
                    country: s("Kanada"),
                    recipient: s("Partneruniversitet i Kanada"),
                    mechanism: Some(TransferMechanism::StandardContractualClauses),
                    derogation: None,
                    safeguards: s("Standardavtalsklausuler (2021/914) i utbytesavtalet"),
                },
            ],
            retention: s("Nomineringar gallras två år efter avslutat utbyte"),
            system_ids: vec![S_LADOK, S_M365],
            ..base(
                "Internationellt studentutbyte",
                INTERNATIONELL,
                "Chef för internationella kontoret",
            )
        }),
        // — Staff —
        approved(with_pnr(
            ActivityContent {
                purposes: v(&[
                    "Administrera anställningar",
                    "Sjukfrånvaro och ledigheter",
                    "Avdrag för fackavgift",
                ]),
                data_subject_categories: v(&["Anställda"]),
                data_subject_count: Some(5_000),
                personal_data_categories: v(&[
                    "Namn och kontaktuppgifter",
                    "Personnummer",
                    "Anställningsvillkor",
                    "Frånvaro",
                    "Fackmedlemskap",
                ]),
                special_categories: vec![Sc::Health, Sc::TradeUnionMembership],
                art9_exceptions: vec![E9::EmploymentSocial],
                art9_provision: s("DSL (2018:218) 3 kap. 2 §"),
                legal_basis: Some(LegalBasis::LegalObligation),
                legal_basis_source: s(
                    "Lag (1994:260) om offentlig anställning; lag (1982:80) om anställningsskydd; villkorsavtal för statlig sektor",
                ),
                recipients: v(&[
                    "Försäkringskassan",
                    "Statens tjänstepensionsverk (SPV)",
                    "Arbetsgivarverket",
                ]),
                processor_ids: vec![P_SSC],
                retention: s("Personalakter bevaras; frånvarouppgifter gallras efter två år"),
                system_ids: vec![S_PRIMULA],
                vulnerable_data_subjects: true,
                security_measures: s(SEC_HIGH),
                dpia_ref: s("KB 2022:01 Personaladministration"),
                ..base("Personaladministration", HR, "Personalchef")
            },
            "Anställda identifieras säkert mot Skatteverket och Försäkringskassan",
        )),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&[
                    "Betala ut lön och ersättningar",
                    "Redovisa skatt och avgifter",
                    "Lönerevision",
                ]),
                data_subject_categories: v(&["Anställda", "Uppdragstagare med arvode"]),
                data_subject_count: Some(5_500),
                personal_data_categories: v(&[
                    "Personnummer",
                    "Lön",
                    "Bankkonto",
                    "Skatteuppgifter",
                ]),
                privacy_sensitive_data: vec![PrivacySensitiveData::Salary],
                legal_basis: Some(LegalBasis::LegalObligation),
                legal_basis_source: s(
                    "Skatteförfarandelagen (2011:1244); socialavgiftslagen (2000:980)",
                ),
                recipients: v(&[
                    "Skatteverket",
                    "Statens tjänstepensionsverk (SPV)",
                    "Banken (utbetalning)",
                ]),
                processor_ids: vec![P_SSC],
                retention: s("Löneunderlag gallras tio år efter räkenskapsårets slut"),
                retention_source_kind: Some(RetentionSource::Law),
                retention_source: s("Förordning (2000:606) om myndigheters bokföring"),
                system_ids: vec![S_PRIMULA],
                ..base("Löneadministration", HR, "Lönechef")
            },
            "Kontrolluppgifter till Skatteverket kräver personnummer",
        )),
        approved(ActivityContent {
            purposes: v(&["Rekrytera personal", "Bedöma sökandes meriter"]),
            data_subject_categories: v(&["Sökande till anställningar", "Referenspersoner"]),
            data_subject_count: Some(12_000),
            personal_data_categories: v(&[
                "Namn och kontaktuppgifter",
                "CV och meriter",
                "Sakkunnigutlåtanden",
            ]),
            privacy_sensitive_data: vec![PrivacySensitiveData::Evaluations],
            legal_basis_source: s(
                "Högskoleförordningen (1993:100) 4 kap.; anställningsförordningen (1994:373)",
            ),
            official_authority: true,
            recipients: v(&[
                "Rekryteringsgrupp",
                "Sakkunniga",
                "Överklagandenämnden för högskolan",
            ]),
            processor_ids: vec![P_REKRYTERING],
            retention: s("Ansökningar från ej anställda gallras två år efter avslutad rekrytering"),
            system_ids: vec![S_VARBI],
            ..base("Rekrytering", HR, "Rekryteringsansvarig")
        }),
        approved(ActivityContent {
            purposes: v(&[
                "Genomföra medarbetar- och lönesamtal",
                "Dokumentera utvecklingsplaner",
            ]),
            data_subject_categories: v(&["Anställda"]),
            data_subject_count: Some(5_000),
            personal_data_categories: v(&[
                "Namn",
                "Utvecklingsplan",
                "Lönekriterier och bedömning",
            ]),
            privacy_sensitive_data: vec![
                PrivacySensitiveData::Evaluations,
                PrivacySensitiveData::Salary,
            ],
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source_kind: Some(LegalBasisSource::CollectiveAgreement),
            legal_basis_source: s(
                "Ramavtal om löner m.m. för arbetstagare inom det statliga avtalsområdet (RALS)",
            ),
            retention: s("Dokumentation gallras när den ersatts av ny, senast efter tre år"),
            system_ids: vec![S_PRIMULA],
            ..base("Medarbetar- och lönesamtal", HR, "Chefer")
        }),
        approved(with_pnr(
            ActivityContent {
                purposes: v(&["Arbetslivsinriktad rehabilitering", "Företagshälsovård"]),
                data_subject_categories: v(&["Anställda"]),
                data_subject_count: Some(250),
                personal_data_categories: v(&[
                    "Namn",
                    "Personnummer",
                    "Hälsouppgifter",
                    "Rehabiliteringsplan",
                ]),
                special_categories: vec![Sc::Health],
                art9_exceptions: vec![E9::EmploymentSocial],
                art9_provision: s("DSL (2018:218) 3 kap. 2 §"),
                legal_basis: Some(LegalBasis::LegalObligation),
                legal_basis_source: s(
                    "Arbetsmiljölagen (1977:1160) 3 kap. 2 a §; socialförsäkringsbalken (2010:110) 30 kap. 6 §",
                ),
                recipients: v(&["Försäkringskassan"]),
                processor_ids: vec![P_FHV],
                retention: s("Rehabiliteringsärenden gallras två år efter avslutat ärende"),
                system_ids: vec![S_PRIMULA],
                vulnerable_data_subjects: true,
                security_measures: s(SEC_HIGH),
                dpia_ref: s("KB 2022:02 Rehabilitering"),
                ..base(
                    "Rehabilitering och företagshälsovård",
                    HR,
                    "HR-specialist arbetsmiljö",
                )
            },
            "Samordning med Försäkringskassan kräver säker identifiering",
        )),
        approved(ActivityContent {
            purposes: v(&["Rapportera och utreda arbetsskador och tillbud"]),
            data_subject_categories: v(&["Anställda", "Studenter"]),
            data_subject_count: Some(200),
            personal_data_categories: v(&["Namn", "Händelsebeskrivning", "Skadans art"]),
            special_categories: vec![Sc::Health],
            art9_exceptions: vec![E9::EmploymentSocial],
            art9_provision: s("DSL (2018:218) 3 kap. 2 §"),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s(
                "Arbetsmiljölagen (1977:1160); arbetsmiljöförordningen (1977:1166) 2 §",
            ),
            recipients: v(&["Arbetsmiljöverket", "Försäkringskassan", "AFA Försäkring"]),
            retention: s("Anmälningar bevaras"),
            system_ids: vec![S_DIARIUM],
            security_measures: s(SEC_HIGH),
            ..base("Arbetsskador och tillbud", HR, "Arbetsmiljösamordnare")
        }),
        // — Research —
        approved(with_pnr(
            ActivityContent {
                purposes: v(&["Forskning om riskfaktorer för hjärt-kärlsjukdom hos unga vuxna"]),
                joint_controllers: v(&["Region Exempel, dataskyddsombud@regionexempel.se"]),
                data_subject_categories: v(&["Forskningspersoner 18–30 år"]),
                data_subject_count: Some(2_000),
                personal_data_categories: v(&[
                    "Personnummer",
                    "Provsvar",
                    "Journaluppgifter",
                    "Livsstilsenkät",
                ]),
                special_categories: vec![Sc::Health],
                art9_exceptions: vec![E9::ArchiveResearchStatistics],
                art9_provision: s(
                    "DSL (2018:218) 3 kap. 7 §; lag (2003:460) om etikprövning av forskning som avser människor",
                ),
                legal_basis_source: s("Högskolelagen (1992:1434) 1 kap. 2 §"),
                recipients: v(&["Socialstyrelsen (registeruttag)"]),
                retention: s("Forskningsdata bevaras"),
                retention_source: s(
                    "Riksarkivets föreskrifter om gallring hos universitet och högskolor (RA-MS), forskningshandlingar",
                ),
                system_ids: vec![S_REDCAP],
                data_source: Some(DataSource::Both),
                data_source_description: s(
                    "Patientregistret hos Socialstyrelsen; journaler hos Region Exempel",
                ),
                research: true,
                ethics_approval_ref: s("Dnr 2024-01234-01"),
                ethics_approval_date: Some(date!(2024 - 04 - 18)),
                matching_datasets: true,
                security_measures: s(SEC_HIGH),
                dpia_ref: s("KB 2024:03 Hjärthälsa"),
                ..base(
                    "Forskningsprojekt: hjärthälsa hos unga vuxna",
                    MEDICIN,
                    "Projektledare, professor i kardiologi",
                )
            },
            "Samkörning med hälsodataregister kräver personnummer",
        )),
        approved(ActivityContent {
            purposes: v(&["Registrera forskningsprojekt, finansiering och publikationer"]),
            data_subject_categories: v(&["Forskare", "Externa medförfattare"]),
            data_subject_count: Some(3_000),
            personal_data_categories: v(&["Namn", "Anställning", "Publikationer", "ORCID"]),
            legal_basis_source: s(
                "Högskolelagen (1992:1434) 1 kap. 2 §; förordning (2024:1212) om ansvar för forskningsinformation",
            ),
            recipients: v(&[
                "Vetenskapsrådet (SweCRIS)",
                "Allmänheten via publiceringsdatabasen",
            ]),
            retention: s("Projektregistreringar bevaras"),
            system_ids: vec![S_DIARIUM],
            data_source: Some(DataSource::Both),
            data_source_description: s("Publikationsdatabaser (Web of Science, Scopus)"),
            ..base(
                "Forskningsinformation och publikationer",
                BIBLIOTEK,
                "Överbibliotekarie",
            )
        }),
        // — Security, IT and premises —
        approved(ActivityContent {
            purposes: v(&["Förebygga och utreda brott och skadegörelse på campus"]),
            data_subject_categories: v(&["Besökare", "Studenter", "Anställda"]),
            personal_data_categories: v(&["Bild och film från övervakningskameror"]),
            legal_basis_source: s(
                "Kamerabevakningslagen (2018:1200); IMY:s tillstånd dnr DI-2023-0000",
            ),
            recipients: v(&["Polismyndigheten vid brottsmisstanke"]),
            processor_ids: vec![P_KAMERA],
            retention: s(
                "Inspelningar raderas automatiskt efter 72 timmar om de inte lämnats till polisen",
            ),
            retention_source_kind: Some(RetentionSource::RiksarkivetRegulation),
            retention_source: s(
                "RA-FS 1991:6 (handlingar av tillfällig betydelse); beslut dnr EU 2023/777",
            ),
            system_ids: vec![S_VMS],
            systematic_monitoring: true,
            public_area_monitoring: true,
            large_scale: true,
            security_measures: s(
                "Inspelningar krypterade, åtkomst endast för två säkerhetssamordnare med loggning, skyltning vid entréer.",
            ),
            dpia_ref: s("KB 2023:05 Kamerabevakning"),
            ..base("Kamerabevakning av campus", SAKERHET, "Säkerhetschef")
        }),
        approved(ActivityContent {
            purposes: v(&["Ge behöriga tillträde till lokaler", "Utreda incidenter"]),
            data_subject_categories: v(&["Anställda", "Studenter", "Entreprenörer"]),
            data_subject_count: Some(45_000),
            personal_data_categories: v(&["Namn", "Kortnummer", "Passerhändelser"]),
            retention: s("Passerloggar gallras efter tre månader"),
            retention_source: s("RA-FS 1991:6 (handlingar av tillfällig betydelse)"),
            system_ids: vec![S_PASSER],
            ..base("Passersystem", SAKERHET, "Säkerhetschef")
        }),
        approved(ActivityContent {
            purposes: v(&["Registrera besökare i säkerhetsklassade lokaler"]),
            data_subject_categories: v(&["Besökare"]),
            data_subject_count: Some(4_000),
            personal_data_categories: v(&["Namn", "Organisation", "Besökstid", "Värd"]),
            legal_basis_source_kind: Some(LegalBasisSource::Decision),
            legal_basis_source: s(
                "Säkerhetsskyddslagen (2018:585); rektors beslut om lokalsäkerhet dnr EU 2023/512",
            ),
            retention: s("Besöksloggar gallras efter sex månader"),
            retention_source: s("RA-FS 1991:6 (handlingar av tillfällig betydelse)"),
            system_ids: vec![S_BESOK],
            ..base("Besöksregistrering", SAKERHET, "Säkerhetschef")
        }),
        approved(ActivityContent {
            purposes: v(&[
                "Upptäcka och utreda säkerhetsincidenter",
                "Felsöka IT-tjänster",
            ]),
            data_subject_categories: v(&["Anställda", "Studenter", "Gäster i nätverket"]),
            data_subject_count: Some(45_000),
            personal_data_categories: v(&[
                "Användarnamn",
                "IP-adresser",
                "Inloggningshändelser",
                "Systemloggar",
            ]),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s(
                "Myndigheten för samhällsskydd och beredskaps föreskrifter (MSBFS 2020:6) om informationssäkerhet för statliga myndigheter",
            ),
            retention: s("Loggar gallras efter 12 månader"),
            retention_source: s(
                "RA-FS 1991:6 (handlingar av tillfällig betydelse); informationshanteringsplan dnr EU 2024/118",
            ),
            system_ids: vec![S_SIEM],
            systematic_monitoring: true,
            large_scale: true,
            security_measures: s(SEC_HIGH),
            dpia_ref: s("KB 2023:04 Loggning"),
            ..base(
                "IT-loggar och informationssäkerhet",
                IT,
                "Informationssäkerhetssamordnare",
            )
        }),
        approved(ActivityContent {
            purposes: v(&["E-post, kalender och dokumentsamarbete för anställda och studenter"]),
            data_subject_categories: v(&["Anställda", "Studenter", "Externa kontakter"]),
            data_subject_count: Some(45_000),
            personal_data_categories: v(&[
                "Namn",
                "E-postadress",
                "E-postinnehåll",
                "Dokument",
                "Användningsloggar",
            ]),
            legal_basis_source: s(
                "Högskolelagen (1992:1434) 1 kap. 2 §; förvaltningslagen (2017:900) 6 §",
            ),
            processor_ids: vec![P_MICROSOFT],
            transfers: vec![dpf_transfer("Microsoft Corporation")],
            retention: s(
                "Brevlådor raderas 90 dagar efter avslutad anställning eller studier; allmänna handlingar diarieförs",
            ),
            system_ids: vec![S_M365],
            large_scale: true,
            dpia_ref: s("KB 2023:06 Microsoft 365"),
            new_technology: true,
            ..base(
                "E-post och samarbetsplattform (Microsoft 365)",
                IT,
                "IT-chef",
            )
        }),
        approved(ActivityContent {
            purposes: v(&["Videomöten och distansundervisning"]),
            data_subject_categories: v(&["Anställda", "Studenter", "Externa mötesdeltagare"]),
            data_subject_count: Some(30_000),
            personal_data_categories: v(&[
                "Namn",
                "E-postadress",
                "Bild och ljud",
                "Mötesmetadata",
            ]),
            processor_ids: vec![P_ZOOM],
            transfers: vec![dpf_transfer("Zoom Video Communications Inc.")],
            retention: s("Inspelningar raderas efter kursens slut; metadata efter 12 månader"),
            system_ids: vec![S_ZOOM],
            ..base("Videomöten (Zoom)", IT, "IT-chef")
        }),
        approved(ActivityContent {
            purposes: v(&["Låna ut medier och hantera låntagarkonton"]),
            data_subject_categories: v(&["Studenter", "Anställda", "Externa låntagare"]),
            data_subject_count: Some(30_000),
            personal_data_categories: v(&[
                "Namn och kontaktuppgifter",
                "Lånekortsnummer",
                "Pågående lån",
                "Avgifter",
            ]),
            processor_ids: vec![P_EXLIBRIS],
            retention: s(
                "Lånehistorik raderas när lånet återlämnats; konton raderas två år efter senaste aktivitet",
            ),
            retention_source: s("RA-FS 1991:6 (handlingar av tillfällig betydelse)"),
            system_ids: vec![S_ALMA],
            ..base("Bibliotekslån", BIBLIOTEK, "Överbibliotekarie")
        }),
        // — Administration —
        approved(ActivityContent {
            purposes: v(&["Registrera allmänna handlingar", "Handlägga ärenden"]),
            data_subject_categories: v(&[
                "Avsändare och mottagare av handlingar",
                "Parter i ärenden",
            ]),
            personal_data_categories: v(&[
                "Namn och kontaktuppgifter",
                "Ärendemening",
                "Handlingar",
            ]),
            special_categories: vec![Sc::Health],
            art9_exceptions: vec![E9::SubstantialPublicInterest],
            art9_provision: s(
                "DSL (2018:218) 3 kap. 3 § första stycket 1 (uppgifter som lämnats till myndigheten)",
            ),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s("Offentlighets- och sekretesslagen (2009:400) 5 kap. 1 §"),
            retention: s("Diarier bevaras"),
            retention_source_kind: Some(RetentionSource::Law),
            retention_source: s("Arkivlagen (1990:782); arkivförordningen (1991:446)"),
            system_ids: vec![S_DIARIUM],
            data_source: Some(DataSource::Both),
            data_source_description: s(
                "Handlingar som kommer in från andra myndigheter och enskilda",
            ),
            security_measures: s(SEC_HIGH),
            ..base("Diarieföring och ärendehantering", ARKIV, "Arkivarie")
        }),
        approved(ActivityContent {
            purposes: v(&[
                "Genomföra upphandlingar",
                "Pröva uteslutningsgrunder för leverantörer",
            ]),
            data_subject_categories: v(&["Företrädare för leverantörer", "Kontaktpersoner"]),
            data_subject_count: Some(800),
            personal_data_categories: v(&[
                "Namn och kontaktuppgifter",
                "Uppgifter om brottmålsdomar (uteslutningsgrund)",
            ]),
            criminal_offence_data: true,
            criminal_data_ground: Some(CriminalDataGround::AuthorisedByLaw),
            criminal_data_provision: s(
                "Lag (2016:1145) om offentlig upphandling 13 kap. 1 §; DSL (2018:218) 3 kap. 8 §",
            ),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s("Lag (2016:1145) om offentlig upphandling"),
            retention: s(
                "Upphandlingsdokument bevaras; anbud från ej antagna leverantörer gallras efter tio år",
            ),
            system_ids: vec![S_DIARIUM],
            security_measures: s(SEC_HIGH),
            ..base("Upphandling", EKONOMI, "Upphandlingschef")
        }),
        approved(ActivityContent {
            purposes: v(&["Betala leverantörsfakturor och utlägg", "Bokföring"]),
            data_subject_categories: v(&["Enskilda firmor", "Anställda med utlägg"]),
            data_subject_count: Some(6_000),
            personal_data_categories: v(&["Namn", "Bankkonto", "Belopp"]),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s("Förordning (2000:606) om myndigheters bokföring"),
            retention: s("Räkenskapsinformation gallras tio år efter räkenskapsårets slut"),
            retention_source_kind: Some(RetentionSource::Ordinance),
            retention_source: s("Förordning (2000:606) om myndigheters bokföring"),
            system_ids: vec![S_RAINDANCE],
            ..base(
                "Leverantörsreskontra och utlägg",
                EKONOMI,
                "Redovisningschef",
            )
        }),
        approved(ActivityContent {
            purposes: v(&["Ta emot och följa upp rapporter om missförhållanden"]),
            data_subject_categories: v(&[
                "Rapporterande personer",
                "Personer som rapporterna gäller",
            ]),
            data_subject_count: Some(30),
            personal_data_categories: v(&[
                "Namn (om den rapporterande uppger det)",
                "Uppgifter i rapporten",
            ]),
            criminal_offence_data: true,
            criminal_data_ground: Some(CriminalDataGround::AuthorisedByLaw),
            criminal_data_provision: s(
                "Lag (2021:890) om skydd för personer som rapporterar om missförhållanden 7 kap.",
            ),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s(
                "Lag (2021:890) om skydd för personer som rapporterar om missförhållanden",
            ),
            processor_ids: vec![P_VISSEL],
            retention: s("Högst två år efter att uppföljningsärendet avslutats"),
            retention_source_kind: Some(RetentionSource::Law),
            retention_source: s(
                "Lag (2021:890) om skydd för personer som rapporterar om missförhållanden 7 kap.",
            ),
            system_ids: vec![S_VISSEL],
            security_measures: s(SEC_HIGH),
            vulnerable_data_subjects: true,
            dpia_ref: s("KB 2022:07 Visselblåsning"),
            ..base("Visselblåsarfunktion", JURIDIK, "Chefsjurist")
        }),
        approved(ActivityContent {
            purposes: v(&["Handlägga begäranden från registrerade (tillgång, rättelse, radering)"]),
            data_subject_categories: v(&["Registrerade som begär något"]),
            data_subject_count: Some(100),
            personal_data_categories: v(&["Namn och kontaktuppgifter", "Begäran och svar"]),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s("Dataskyddsförordningen (EU) 2016/679 art. 12–22"),
            retention: s("Ärenden bevaras"),
            system_ids: vec![S_DIARIUM],
            ..base("Registrerades rättigheter", REKTOR, "Dataskyddsombudet")
        }),
        approved(ActivityContent {
            purposes: v(&["Dokumentera, utreda och anmäla personuppgiftsincidenter"]),
            data_subject_categories: v(&["Personer som berörs av incidenter", "Anmälare"]),
            data_subject_count: Some(200),
            personal_data_categories: v(&[
                "Namn och kontaktuppgifter",
                "Beskrivning av incidenten",
            ]),
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: s("Dataskyddsförordningen (EU) 2016/679 art. 33–34"),
            recipients: v(&["Integritetsskyddsmyndigheten (IMY)"]),
            retention: s("Incidentärenden bevaras"),
            system_ids: vec![S_DIARIUM],
            ..base("Personuppgiftsincidenter", REKTOR, "Dataskyddsombudet")
        }),
        approved(ActivityContent {
            purposes: v(&["Skicka nyhetsbrev och inbjudningar till alumner"]),
            data_subject_categories: v(&["Alumner som anmält sig"]),
            data_subject_count: Some(8_000),
            personal_data_categories: v(&["Namn", "E-postadress", "Examensår och program"]),
            legal_basis: Some(LegalBasis::Consent),
            legal_basis_source_kind: None,
            legal_basis_source: String::new(),
            processor_ids: vec![P_UTSKICK],
            retention: s(
                "Uppgifterna raderas när samtycket återkallas, senast fem år efter senaste utskick",
            ),
            retention_source: s("RA-FS 1991:6 (handlingar av tillfällig betydelse)"),
            system_ids: vec![S_UTSKICK],
            ..base(
                "Alumnnätverk och nyhetsbrev",
                KOMMUNIKATION,
                "Kommunikationschef",
            )
        }),
    ];

    // The DPO's queue: drafts, submissions and a request for changes.
    out.push(DemoActivity {
        content: ActivityContent {
            purposes: v(&["Kartlägga studenters psykiska välbefinnande under första studieåret"]),
            data_subject_categories: v(&["Förstaårsstudenter som deltar"]),
            data_subject_count: Some(600),
            personal_data_categories: v(&["E-postadress", "Enkätsvar om psykisk hälsa"]),
            special_categories: vec![Sc::Health],
            art9_exceptions: vec![E9::ArchiveResearchStatistics],
            art9_provision: s("DSL (2018:218) 3 kap. 7 §"),
            retention: s("Forskningsdata bevaras"),
            system_ids: vec![S_REDCAP],
            research: true,
            ethics_approval_ref: s("Dnr 2025-04567-01"),
            ethics_approval_date: Some(date!(2025 - 09 - 02)),
            vulnerable_data_subjects: true,
            security_measures: s(SEC_HIGH),
            dpia_ref: s("KB 2025:02 Studenters välbefinnande"),
            ..base(
                "Forskningsprojekt: studenters psykiska välbefinnande",
                PSYKOLOGI,
                "Projektledare, docent i psykologi",
            )
        },
        status: Status::Submitted,
        comment: None,
    });
    out.push(DemoActivity {
        content: ActivityContent {
            purposes: v(&["Besvara vanliga studentfrågor med en AI-assistent på webbplatsen"]),
            data_subject_categories: v(&["Studenter", "Blivande studenter"]),
            personal_data_categories: v(&["Frågor i fritext", "IP-adress"]),
            processor_ids: vec![P_MICROSOFT],
            retention: s("Konversationer raderas efter 30 dagar"),
            retention_source: s("RA-FS 1991:6 (handlingar av tillfällig betydelse)"),
            system_ids: vec![S_M365],
            new_technology: true,
            ..base(
                "AI-assistent för studentfrågor",
                STUDENT,
                "Chef för studentservice",
            )
        },
        status: Status::Submitted,
        comment: None,
    });
    out.push(DemoActivity {
        content: ActivityContent {
            purposes: v(&["Registrera närvaro på obligatoriska moment med QR-kod"]),
            data_subject_categories: v(&["Studenter"]),
            data_subject_count: Some(5_000),
            personal_data_categories: v(&["Namn", "Närvarotidpunkt"]),
            legal_basis: Some(LegalBasis::Consent),
            legal_basis_source_kind: None,
            legal_basis_source: String::new(),
            official_authority: true,
            retention: s("Gallras efter avslutad kurs"),
            system_ids: vec![S_CANVAS],
            processor_ids: vec![P_INSTRUCTURE],
            ..base("Närvaroregistrering med QR-kod", MEDICIN, "Studierektor")
        },
        status: Status::ChangesRequested,
        comment: Some(
            "Samtycke är inte frivilligt när närvaron krävs för betyg (skäl 43). Använd art. 6.1 e med stöd i högskoleförordningen och ange gallringsstöd.",
        ),
    });
    out.push(DemoActivity {
        content: ActivityContent {
            purposes: v(&["Förutse studenter som riskerar att avbryta studierna"]),
            data_subject_categories: v(&["Studenter"]),
            personal_data_categories: v(&["Aktivitet i lärplattformen", "Studieresultat"]),
            legal_basis: None,
            system_ids: vec![S_CANVAS, S_LADOK],
            profiling: true,
            evaluation_or_scoring: true,
            matching_datasets: true,
            new_technology: true,
            ..base(
                "Lärandeanalys (avhopp)",
                STUDENT,
                "Chef för utbildningsstöd",
            )
        },
        status: Status::Draft,
        comment: None,
    });
    out.push(DemoActivity {
        content: ActivityContent {
            purposes: v(&["Mittkursutvärdering med extern enkättjänst"]),
            data_subject_categories: v(&["Studenter"]),
            personal_data_categories: v(&["E-postadress", "Fritextsvar"]),
            processor_ids: vec![P_ENKAT],
            system_ids: vec![],
            ..base("Mittkursutvärdering (pilot)", PSYKOLOGI, "Studierektor")
        },
        status: Status::Draft,
        comment: None,
    });
    out
}
