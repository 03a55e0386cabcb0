//! Erasure (Art. 17): a suggested decision per activity concerned, driven by
//! the activity's legal basis and the source of its retention rule, and the
//! decision the handler confirms or changes.
//!
//! The suggestion, in order of precedence:
//!
//! 1. Legal obligation (Art. 6(1)(c)) → refuse, Art. 17(3)(b) legal obligation.
//! 2. Public task or official authority (Art. 6(1)(e), or
//!    `official_authority` set) → refuse, Art. 17(3)(b) public-interest task.
//! 3. Retention governed by archive rules (Riksarkivet's regulations or an
//!    archive authority's gallringsbeslut) → refuse, Art. 17(3)(d) archiving
//!    in the public interest: public records may only be destroyed as the
//!    archive rules allow (arkivlagen; TF 2 kap.; reference §10.1).
//! 4. Retention required by an act or ordinance (e.g. bookkeeping) → refuse,
//!    Art. 17(3)(b) legal obligation, for as long as the rule requires.
//! 5. Otherwise erase: consent (17(1)(b) withdrawal), contract without a
//!    legal retention rule (17(1)(a) once no longer necessary), legitimate
//!    interests (17(1)(c) with an objection, unless overriding grounds),
//!    vital interests, or no recorded basis (check it: 17(1)(d)).
//!
//! Legal claims (17(3)(e)), freedom of expression (a) and public health (c)
//! are never suggested: they depend on the case, and the handler chooses them.

use serde::{Deserialize, Serialize};
use time::Date;

use super::access::matching_activities;
use super::iso_date;
use super::types::{Request, Signature};
use crate::lang::Lang;
use crate::register::{Activity, LegalBasis, RetentionSource};

labelled_enum! {
    /// The exceptions of Art. 17(3) to the right to erasure.
    pub enum Art17Exception {
        /// 17(3)(a): freedom of expression and information.
        FreedomOfExpression = "freedom_of_expression", sv: "Yttrande- och informationsfrihet (art. 17.3 a)", en: "Freedom of expression and information (Art. 17(3)(a))";
        /// 17(3)(b): a legal obligation that requires processing.
        LegalObligation = "legal_obligation", sv: "Rättslig förpliktelse (art. 17.3 b)", en: "Legal obligation (Art. 17(3)(b))";
        /// 17(3)(b): a task in the public interest or official authority.
        PublicInterestTask = "public_interest_task", sv: "Uppgift av allmänt intresse eller myndighetsutövning (art. 17.3 b)", en: "Task in the public interest or official authority (Art. 17(3)(b))";
        /// 17(3)(c): public health (Art. 9(2)(h), (i), 9(3)).
        PublicHealth = "public_health", sv: "Folkhälsa (art. 17.3 c)", en: "Public health (Art. 17(3)(c))";
        /// 17(3)(d): archiving in the public interest, research or statistics (Art. 89(1)).
        ArchivingResearchStatistics = "archiving_research_statistics", sv: "Arkivändamål av allmänt intresse, forskning eller statistik (art. 17.3 d)", en: "Archiving in the public interest, research or statistics (Art. 17(3)(d))";
        /// 17(3)(e): establishment, exercise or defence of legal claims.
        LegalClaims = "legal_claims", sv: "Rättsliga anspråk (art. 17.3 e)", en: "Legal claims (Art. 17(3)(e))";
    }
}

impl Art17Exception {
    /// The point of Art. 17(3), e.g. `GDPR Art. 17(3)(b)`.
    pub fn article(self) -> &'static str {
        match self {
            Art17Exception::FreedomOfExpression => "GDPR Art. 17(3)(a)",
            Art17Exception::LegalObligation | Art17Exception::PublicInterestTask => {
                "GDPR Art. 17(3)(b)"
            }
            Art17Exception::PublicHealth => "GDPR Art. 17(3)(c)",
            Art17Exception::ArchivingResearchStatistics => "GDPR Art. 17(3)(d)",
            Art17Exception::LegalClaims => "GDPR Art. 17(3)(e)",
        }
    }
}

labelled_enum! {
    /// Erase, or refuse under an Art. 17(3) exception.
    pub enum ErasureOutcome {
        Erase = "erase", sv: "Radera", en: "Erase";
        Refuse = "refuse", sv: "Radera inte", en: "Refuse";
    }
}

/// What Ombud suggests for one activity; the handler confirms or changes it
/// as an [`ErasureDecision`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ErasureSuggestion {
    pub activity_id: i64,
    pub activity_name: String,
    pub decision: ErasureOutcome,
    /// The exception relied on when refusing.
    pub ground: Option<Art17Exception>,
    /// Why, in the request's language; fit for the letter.
    pub explanation: String,
}

/// The handler's decision for one activity, as the case stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ErasureDecision {
    pub activity_id: i64,
    #[serde(default)]
    pub activity_name: String,
    pub decision: ErasureOutcome,
    /// Required when refusing: the Art. 17(3) exception.
    #[serde(default)]
    pub ground: Option<Art17Exception>,
    /// The reasons, in the requester's language; quoted in the answer.
    #[serde(default)]
    pub explanation: String,
    /// When the data were erased, once done.
    #[serde(default, with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub erased_on: Option<Date>,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

impl From<ErasureSuggestion> for ErasureDecision {
    /// The suggestion, accepted as it is.
    fn from(s: ErasureSuggestion) -> Self {
        ErasureDecision {
            activity_id: s.activity_id,
            activity_name: s.activity_name,
            decision: s.decision,
            ground: s.ground,
            explanation: s.explanation,
            erased_on: None,
            signed: Signature::default(),
        }
    }
}

/// One suggestion per approved activity matching the request's scope (as in
/// [`super::access_report`]), in activity-id order.
pub fn suggest_erasure(request: &Request, activities: &[Activity]) -> Vec<ErasureSuggestion> {
    let lang = request.intake.language;
    matching_activities(request, activities)
        .into_iter()
        .map(|a| suggest_one(a, lang))
        .collect()
}

fn archive_retention(kind: Option<RetentionSource>) -> bool {
    matches!(
        kind,
        Some(RetentionSource::RiksarkivetRegulation | RetentionSource::ArchiveAuthorityDecision)
    )
}

fn suggest_one(a: &Activity, lang: Lang) -> ErasureSuggestion {
    let c = &a.content;
    let source = if c.legal_basis_source.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", c.legal_basis_source.trim())
    };
    let retention_source = if c.retention_source.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", c.retention_source.trim())
    };
    let archive_note = if archive_retention(c.retention_source_kind) {
        lang.pick(
            " Uppgifterna ingår dessutom i allmänna handlingar som ska bevaras enligt arkivreglerna och får gallras bara enligt dem.",
            " The data are also part of public records that must be kept under the archive rules and may only be disposed of as those rules allow.",
        )
    } else {
        ""
    };
    let retention = if c.retention.trim().is_empty() {
        lang.pick("ej angiven i registret", "not stated in the register")
    } else {
        c.retention.trim()
    };
    let refuse = |ground: Art17Exception, explanation: String| {
        (ErasureOutcome::Refuse, Some(ground), explanation)
    };
    let erase = |explanation: &str| (ErasureOutcome::Erase, None, explanation.to_owned());
    let (decision, ground, explanation) = match c.legal_basis {
        Some(LegalBasis::LegalObligation) => refuse(
            Art17Exception::LegalObligation,
            lang.pick(
                format!("Behandlingen är nödvändig för att fullgöra en rättslig förpliktelse{source}. Rätten till radering gäller inte i den utsträckningen (artikel 17.3 b i dataskyddsförordningen).{archive_note}"),
                format!("The processing is necessary to comply with a legal obligation{source}. The right to erasure does not apply to that extent (Article 17(3)(b) GDPR).{archive_note}"),
            ),
        ),
        Some(LegalBasis::PublicTask) => refuse(
            Art17Exception::PublicInterestTask,
            lang.pick(
                format!("Behandlingen är nödvändig för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning{source}. Rätten till radering gäller inte i den utsträckningen (artikel 17.3 b i dataskyddsförordningen).{archive_note}"),
                format!("The processing is necessary for a task carried out in the public interest or in the exercise of official authority{source}. The right to erasure does not apply to that extent (Article 17(3)(b) GDPR).{archive_note}"),
            ),
        ),
        _ if c.official_authority => refuse(
            Art17Exception::PublicInterestTask,
            lang.pick(
                format!("Behandlingen är ett led i myndighetsutövning. Rätten till radering gäller inte i den utsträckningen (artikel 17.3 b i dataskyddsförordningen).{archive_note}"),
                format!("The processing is part of the exercise of official authority. The right to erasure does not apply to that extent (Article 17(3)(b) GDPR).{archive_note}"),
            ),
        ),
        _ if archive_retention(c.retention_source_kind) => refuse(
            Art17Exception::ArchivingResearchStatistics,
            lang.pick(
                format!("Uppgifterna ingår i allmänna handlingar som ska bevaras för arkivändamål av allmänt intresse enligt arkivlagen (1990:782) och gällande gallringsregler{retention_source}. De får förstöras (gallras) bara enligt dessa regler (artikel 17.3 d i dataskyddsförordningen). Bevarandetid: {}. Du kan begära att behandlingen begränsas (artikel 18).", retention),
                format!("The data are part of public records that must be kept for archiving purposes in the public interest under the Swedish Archives Act (1990:782) and the applicable disposal rules{retention_source}. They may only be destroyed as those rules allow (Article 17(3)(d) GDPR). Retention: {}. You may ask for the processing to be restricted (Article 18).", retention),
            ),
        ),
        _ if matches!(c.retention_source_kind, Some(RetentionSource::Law | RetentionSource::Ordinance)) => refuse(
            Art17Exception::LegalObligation,
            lang.pick(
                format!("Uppgifterna måste sparas enligt lag eller förordning{retention_source}: {}. Rätten till radering gäller inte så länge den skyldigheten består (artikel 17.3 b i dataskyddsförordningen); därefter raderas uppgifterna.", retention),
                format!("The data must be kept under an act or ordinance{retention_source}: {}. The right to erasure does not apply while that obligation lasts (Article 17(3)(b) GDPR); the data are erased afterwards.", retention),
            ),
        ),
        Some(LegalBasis::Consent) => erase(lang.pick(
            "Behandlingen grundar sig på ditt samtycke. När du återkallar samtycket och det inte finns någon annan rättslig grund ska uppgifterna raderas (artikel 17.1 b).",
            "The processing is based on your consent. When you withdraw it and there is no other legal ground, the data are erased (Article 17(1)(b)).",
        )),
        Some(LegalBasis::Contract) => erase(lang.pick(
            "Behandlingen grundar sig på avtal och ingen lag kräver att uppgifterna sparas. De raderas när de inte längre behövs för avtalet (artikel 17.1 a). Kontrollera att avtalet är avslutat.",
            "The processing is based on a contract and no law requires the data to be kept. They are erased when no longer needed for the contract (Article 17(1)(a)). Check that the contract has ended.",
        )),
        Some(LegalBasis::LegitimateInterests) => erase(lang.pick(
            "Behandlingen grundar sig på en intresseavvägning. Begäran behandlas som en invändning (artikel 21.1): uppgifterna raderas om det inte finns tvingande berättigade skäl som väger tyngre (artikel 17.1 c).",
            "The processing is based on legitimate interests. The request is treated as an objection (Article 21(1)): the data are erased unless there are compelling legitimate grounds that override (Article 17(1)(c)).",
        )),
        Some(LegalBasis::VitalInterests) => erase(lang.pick(
            "Behandlingen grundar sig på grundläggande intressen. Uppgifterna raderas om de inte längre behövs för det ändamålet (artikel 17.1 a).",
            "The processing is based on vital interests. The data are erased if no longer needed for that purpose (Article 17(1)(a)).",
        )),
        None => erase(lang.pick(
            "Ingen rättslig grund är angiven i registret. Utan rättslig grund ska uppgifterna raderas (artikel 17.1 d). Kontrollera registret innan beslut.",
            "No legal basis is recorded in the register. Without one the data must be erased (Article 17(1)(d)). Check the register before deciding.",
        )),
    };
    ErasureSuggestion {
        activity_id: a.id,
        activity_name: c.name.clone(),
        decision,
        ground,
        explanation,
    }
}
