//! DPIA screening (GDPR Art. 35): which WP248 criteria and which cases of
//! Art. 35(3) an activity meets, and whether a DPIA is required.
//!
//! Decision rule (regulatory reference §6.3): a DPIA is required when one of
//! the Art. 35(3) cases applies or when at least two of the criteria C1–C9
//! are met. IMY's Art. 35(4) list reproduces the same nine criteria and asks
//! for a DPIA when at least two are present; one criterion alone makes a
//! DPIA *recommended* (document why it is not needed).

use super::activity::ActivityContent;
use super::org::Organisation;
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// The nine criteria of WP248 rev.01 (endorsed by the EDPB), which IMY's
    /// Art. 35(4) list reproduces. Swedish labels are IMY's wording.
    pub enum DpiaCriterion {
        /// C1: evaluation or scoring, including profiling and predicting.
        /// Met by `evaluation_or_scoring` or `profiling`.
        EvaluationOrScoring = "evaluation_or_scoring", sv: "Utvärdering eller poängsättning", en: "Evaluation or scoring, including profiling and predicting";
        /// C2: automated decision-making with legal or similarly significant
        /// effect. Met by `automated_decisions`.
        AutomatedDecisions = "automated_decisions", sv: "Automatiskt beslutsfattande med rättsliga eller liknande betydande följder", en: "Automated decision-making with legal or similarly significant effect";
        /// C3: systematic monitoring. Met by `systematic_monitoring` or
        /// `public_area_monitoring`.
        SystematicMonitoring = "systematic_monitoring", sv: "Systematisk övervakning", en: "Systematic monitoring";
        /// C4: sensitive data or data of a highly personal nature. Met by
        /// `special_categories`, `criminal_offence_data` or `privacy_sensitive_data`.
        SensitiveData = "sensitive_data", sv: "Känsliga uppgifter eller uppgifter av mycket personlig karaktär", en: "Sensitive data or data of a highly personal nature";
        /// C5: data processed on a large scale. Met by `large_scale`.
        LargeScale = "large_scale", sv: "Uppgifter som behandlas i stor omfattning", en: "Data processed on a large scale";
        /// C6: matching or combining datasets. Met by `matching_datasets`.
        MatchingDatasets = "matching_datasets", sv: "Matchande eller kombinerande uppgiftsserier", en: "Matching or combining datasets";
        /// C7: data concerning vulnerable data subjects. Met by `vulnerable_data_subjects`.
        VulnerableDataSubjects = "vulnerable_data_subjects", sv: "Uppgifter som rör sårbara registrerade", en: "Data concerning vulnerable data subjects";
        /// C8: innovative use or new technological or organisational
        /// solutions. Met by `new_technology`.
        NewTechnology = "new_technology", sv: "Innovativ användning eller ny teknik", en: "Innovative use or new technological or organisational solutions";
        /// C9: the processing prevents data subjects from exercising a right
        /// or using a service or contract. Met by `prevents_exercise_of_rights`.
        PreventsExerciseOfRights = "prevents_exercise_of_rights", sv: "Behandlingen hindrar de registrerade från att utöva en rättighet eller använda en tjänst eller ett avtal", en: "Prevents data subjects from exercising a right or using a service or contract";
    }
}

impl DpiaCriterion {
    /// The criterion's number in WP248, `C1`–`C9`.
    pub fn code(self) -> &'static str {
        match self {
            DpiaCriterion::EvaluationOrScoring => "C1",
            DpiaCriterion::AutomatedDecisions => "C2",
            DpiaCriterion::SystematicMonitoring => "C3",
            DpiaCriterion::SensitiveData => "C4",
            DpiaCriterion::LargeScale => "C5",
            DpiaCriterion::MatchingDatasets => "C6",
            DpiaCriterion::VulnerableDataSubjects => "C7",
            DpiaCriterion::NewTechnology => "C8",
            DpiaCriterion::PreventsExerciseOfRights => "C9",
        }
    }

    /// The citation, e.g. `WP248 rev.01 C4`.
    pub fn citation(self) -> String {
        format!("WP248 rev.01 {}", self.code())
    }

    /// Whether the activity's answers meet this criterion.
    pub fn is_met(self, c: &ActivityContent) -> bool {
        match self {
            DpiaCriterion::EvaluationOrScoring => c.evaluation_or_scoring || c.profiling,
            DpiaCriterion::AutomatedDecisions => c.automated_decisions,
            DpiaCriterion::SystematicMonitoring => {
                c.systematic_monitoring || c.public_area_monitoring
            }
            DpiaCriterion::SensitiveData => {
                c.has_special_categories()
                    || c.criminal_offence_data
                    || !c.privacy_sensitive_data.is_empty()
            }
            DpiaCriterion::LargeScale => c.large_scale,
            DpiaCriterion::MatchingDatasets => c.matching_datasets,
            DpiaCriterion::VulnerableDataSubjects => c.vulnerable_data_subjects,
            DpiaCriterion::NewTechnology => c.new_technology,
            DpiaCriterion::PreventsExerciseOfRights => c.prevents_exercise_of_rights,
        }
    }
}

/// A point of IMY's Art. 35(4) list ("Förteckning över när en
/// konsekvensbedömning ska göras"). The list's points are the WP248
/// criteria C1–C9 with Swedish examples (regulatory reference §6.3), so this
/// is the same type; IMY's rule is likewise *at least two* points.
pub type ImyListItem = DpiaCriterion;

labelled_enum! {
    /// The cases of GDPR Art. 35(3) where a DPIA is always required, each on
    /// its own.
    pub enum MandatoryDpiaCase {
        /// Art. 35(3)(a): systematic and extensive evaluation based on
        /// automated processing, including profiling, with decisions that
        /// produce legal or similarly significant effects. Screened as C1 and
        /// `automated_decisions` together.
        AutomatedEvaluation = "automated_evaluation", sv: "Systematisk och omfattande utvärdering med automatiserade beslut (art. 35.3 a)", en: "Systematic and extensive automated evaluation with decisions (Art. 35(3)(a))";
        /// Art. 35(3)(b): large-scale processing of Art. 9(1) or Art. 10 data.
        LargeScaleSensitive = "large_scale_sensitive", sv: "Behandling i stor omfattning av känsliga personuppgifter eller uppgifter om lagöverträdelser (art. 35.3 b)", en: "Large-scale processing of special-category or criminal-offence data (Art. 35(3)(b))";
        /// Art. 35(3)(c): systematic monitoring of a publicly accessible area
        /// on a large scale.
        PublicAreaMonitoring = "public_area_monitoring", sv: "Systematisk övervakning av allmän plats i stor omfattning (art. 35.3 c)", en: "Large-scale systematic monitoring of a publicly accessible area (Art. 35(3)(c))";
    }
}

impl MandatoryDpiaCase {
    /// The citation, e.g. `GDPR Art. 35(3)(b)`.
    pub fn article(self) -> &'static str {
        match self {
            MandatoryDpiaCase::AutomatedEvaluation => "GDPR Art. 35(3)(a)",
            MandatoryDpiaCase::LargeScaleSensitive => "GDPR Art. 35(3)(b)",
            MandatoryDpiaCase::PublicAreaMonitoring => "GDPR Art. 35(3)(c)",
        }
    }

    /// Whether the activity's answers make this case apply.
    pub fn applies(self, c: &ActivityContent) -> bool {
        match self {
            MandatoryDpiaCase::AutomatedEvaluation => {
                (c.evaluation_or_scoring || c.profiling) && c.automated_decisions
            }
            MandatoryDpiaCase::LargeScaleSensitive => {
                c.large_scale && (c.has_special_categories() || c.criminal_offence_data)
            }
            MandatoryDpiaCase::PublicAreaMonitoring => c.public_area_monitoring && c.large_scale,
        }
    }
}

/// The result of DPIA screening.
///
/// JSON: `{"criteria_met": [...], "imy_list_items": [...],
/// "mandatory_cases": [...], "required": bool, "recommended": bool}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DpiaScreening {
    /// The WP248 criteria met, in C1–C9 order.
    pub criteria_met: Vec<DpiaCriterion>,
    /// The points of IMY's Art. 35(4) list present. IMY's list is made of the
    /// same nine criteria, so this equals `criteria_met`; it is kept apart so
    /// the UI can cite IMY's list and WP248 separately.
    #[schema(value_type = Vec<DpiaCriterion>)]
    pub imy_list_items: Vec<ImyListItem>,
    /// The Art. 35(3) cases that apply; any one makes a DPIA required.
    pub mandatory_cases: Vec<MandatoryDpiaCase>,
    /// A DPIA is required: an Art. 35(3) case applies, or two or more
    /// criteria (WP248; IMY's list) are met.
    pub required: bool,
    /// Exactly one criterion is met and no Art. 35(3) case: a DPIA is not
    /// strictly required but recommended; the reasons for not doing one
    /// should be documented.
    pub recommended: bool,
}

/// Screens an activity for the need of a DPIA from the answers it carries.
///
/// `org` is taken so that the signature stays stable when
/// organisation-dependent screening (e.g. Art. 35(10)) is added; it is not
/// used yet.
pub fn dpia_screening(content: &ActivityContent, org: &Organisation) -> DpiaScreening {
    let _ = org;
    let criteria_met: Vec<DpiaCriterion> = DpiaCriterion::ALL
        .iter()
        .copied()
        .filter(|c| c.is_met(content))
        .collect();
    let mandatory_cases: Vec<MandatoryDpiaCase> = MandatoryDpiaCase::ALL
        .iter()
        .copied()
        .filter(|m| m.applies(content))
        .collect();
    let required = !mandatory_cases.is_empty() || criteria_met.len() >= 2;
    DpiaScreening {
        imy_list_items: criteria_met.clone(),
        recommended: !required && criteria_met.len() == 1,
        criteria_met,
        mandatory_cases,
        required,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::activity::{CriminalDataGround, PrivacySensitiveData, SpecialCategory};
    use crate::register::assert_ids_consistent;

    fn screen(c: &ActivityContent) -> DpiaScreening {
        dpia_screening(c, &Organisation::default())
    }

    #[test]
    fn ids_are_consistent() {
        assert_ids_consistent(DpiaCriterion::ALL, DpiaCriterion::as_str);
        assert_ids_consistent(MandatoryDpiaCase::ALL, MandatoryDpiaCase::as_str);
        let codes: Vec<_> = DpiaCriterion::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(
            codes,
            ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"]
        );
        assert_eq!(DpiaCriterion::SensitiveData.citation(), "WP248 rev.01 C4");
    }

    #[test]
    fn each_answer_meets_its_criterion() {
        type Set = fn(&mut ActivityContent);
        let table: [(Set, DpiaCriterion); 12] = [
            (
                |c| c.evaluation_or_scoring = true,
                DpiaCriterion::EvaluationOrScoring,
            ),
            (|c| c.profiling = true, DpiaCriterion::EvaluationOrScoring),
            (
                |c| c.automated_decisions = true,
                DpiaCriterion::AutomatedDecisions,
            ),
            (
                |c| c.systematic_monitoring = true,
                DpiaCriterion::SystematicMonitoring,
            ),
            (
                |c| c.public_area_monitoring = true,
                DpiaCriterion::SystematicMonitoring,
            ),
            (
                |c| c.special_categories = vec![SpecialCategory::Health],
                DpiaCriterion::SensitiveData,
            ),
            (
                |c| c.criminal_offence_data = true,
                DpiaCriterion::SensitiveData,
            ),
            (
                |c| c.privacy_sensitive_data = vec![PrivacySensitiveData::Salary],
                DpiaCriterion::SensitiveData,
            ),
            (|c| c.large_scale = true, DpiaCriterion::LargeScale),
            (
                |c| c.matching_datasets = true,
                DpiaCriterion::MatchingDatasets,
            ),
            (
                |c| c.vulnerable_data_subjects = true,
                DpiaCriterion::VulnerableDataSubjects,
            ),
            (|c| c.new_technology = true, DpiaCriterion::NewTechnology),
        ];
        for (set, criterion) in table {
            let mut c = ActivityContent::default();
            set(&mut c);
            let s = screen(&c);
            assert_eq!(s.criteria_met, vec![criterion]);
            assert_eq!(s.imy_list_items, vec![criterion]);
            assert!(!s.required, "one criterion alone: {criterion:?}");
            assert!(s.recommended);
        }
        let c = ActivityContent {
            prevents_exercise_of_rights: true,
            ..Default::default()
        };
        assert_eq!(
            screen(&c).criteria_met,
            vec![DpiaCriterion::PreventsExerciseOfRights]
        );
    }

    #[test]
    fn nothing_met_is_neither_required_nor_recommended() {
        let s = screen(&ActivityContent::default());
        assert!(s.criteria_met.is_empty() && s.mandatory_cases.is_empty());
        assert!(!s.required && !s.recommended);
    }

    #[test]
    fn two_criteria_require_a_dpia() {
        let c = ActivityContent {
            vulnerable_data_subjects: true,
            matching_datasets: true,
            ..Default::default()
        };
        let s = screen(&c);
        assert_eq!(
            s.criteria_met,
            vec![
                DpiaCriterion::MatchingDatasets,
                DpiaCriterion::VulnerableDataSubjects
            ]
        );
        assert!(s.mandatory_cases.is_empty());
        assert!(s.required && !s.recommended);
    }

    #[test]
    fn art_35_3_cases() {
        let a = ActivityContent {
            profiling: true,
            automated_decisions: true,
            ..Default::default()
        };
        let b = ActivityContent {
            large_scale: true,
            criminal_offence_data: true,
            criminal_data_ground: Some(CriminalDataGround::OfficialAuthority),
            ..Default::default()
        };
        let c = ActivityContent {
            public_area_monitoring: true,
            large_scale: true,
            ..Default::default()
        };
        for (content, case, article) in [
            (
                a,
                MandatoryDpiaCase::AutomatedEvaluation,
                "GDPR Art. 35(3)(a)",
            ),
            (
                b,
                MandatoryDpiaCase::LargeScaleSensitive,
                "GDPR Art. 35(3)(b)",
            ),
            (
                c,
                MandatoryDpiaCase::PublicAreaMonitoring,
                "GDPR Art. 35(3)(c)",
            ),
        ] {
            let s = screen(&content);
            assert_eq!(s.mandatory_cases, vec![case]);
            assert_eq!(case.article(), article);
            assert!(s.required);
        }
        // Large scale alone is no Art. 35(3) case.
        let s = screen(&ActivityContent {
            large_scale: true,
            ..Default::default()
        });
        assert!(s.mandatory_cases.is_empty() && !s.required);
    }

    #[test]
    fn serialises_to_the_contract_shape() {
        let c = ActivityContent {
            special_categories: vec![SpecialCategory::Health],
            vulnerable_data_subjects: true,
            ..Default::default()
        };
        let json = serde_json::to_value(screen(&c)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "criteria_met": ["sensitive_data", "vulnerable_data_subjects"],
                "imy_list_items": ["sensitive_data", "vulnerable_data_subjects"],
                "mandatory_cases": [],
                "required": true,
                "recommended": false,
            })
        );
    }
}
