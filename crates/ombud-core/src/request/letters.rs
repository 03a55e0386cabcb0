//! Letters to the requester, in the request's language: structured text
//! (title, sections of paragraphs and list items) that the web crate renders
//! as HTML or returns as JSON.
//!
//! Every letter that refuses anything ([`Request::is_refusal`]) ends with the
//! remedies of Art. 12(4): the right to complain to IMY (Art. 77) and to a
//! judicial remedy (Art. 79); for a public authority also how to appeal the
//! decision to the administrative court (DSL 7 kap. 2 §, FL 44 §).

use serde::{Deserialize, Serialize};

use super::access::{AccessReport, IMY_CONTACT_EN, IMY_CONTACT_SV};
use super::erasure::ErasureOutcome;
use super::types::{ObjectionDecision, Request, Right};
use crate::lang::Lang;
use crate::register::Organisation;

labelled_enum! {
    /// Which letter.
    pub enum LetterKind {
        Acknowledgement = "acknowledgement", sv: "Bekräftelse av mottagen begäran", en: "Acknowledgement of receipt";
        ExtensionNotice = "extension_notice", sv: "Besked om förlängd svarstid", en: "Notice of extension";
        AccessAnswer = "access_answer", sv: "Registerutdrag", en: "Access answer";
        ErasureAnswer = "erasure_answer", sv: "Svar på begäran om radering", en: "Answer to an erasure request";
        OutcomeAnswer = "outcome_answer", sv: "Svar på begäran", en: "Answer to the request";
    }
}

/// A section: an optional heading, paragraphs, then list items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LetterSection {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
}

impl LetterSection {
    fn text(paragraphs: Vec<String>) -> Self {
        LetterSection {
            heading: None,
            paragraphs,
            items: Vec::new(),
        }
    }

    fn headed(heading: impl Into<String>, paragraphs: Vec<String>, items: Vec<String>) -> Self {
        LetterSection {
            heading: Some(heading.into()),
            paragraphs,
            items,
        }
    }
}

/// A generated letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Letter {
    pub kind: LetterKind,
    pub language: Lang,
    /// The case reference, e.g. `DSR-0001`.
    pub reference: String,
    pub title: String,
    /// To whom: the requester's name.
    pub recipient: String,
    /// From whom: the controller's name.
    pub sender: String,
    pub sections: Vec<LetterSection>,
    /// Whether it refuses anything (and so carries the remedies).
    pub refusal: bool,
}

impl Letter {
    /// The whole letter as plain text (title, then sections separated by blank lines).
    pub fn to_plain_text(&self) -> String {
        let mut out = format!("{}\n{}\n", self.title, self.reference);
        for s in &self.sections {
            out.push('\n');
            if let Some(h) = &s.heading {
                out.push_str(h);
                out.push('\n');
            }
            for p in &s.paragraphs {
                out.push_str(p);
                out.push('\n');
            }
            for i in &s.items {
                out.push_str("- ");
                out.push_str(i);
                out.push('\n');
            }
        }
        out
    }
}

fn letter(
    kind: LetterKind,
    r: &Request,
    org: &Organisation,
    title: String,
    mut sections: Vec<LetterSection>,
    refusal: bool,
) -> Letter {
    let lang = r.intake.language;
    if refusal {
        sections.push(remedies(lang, org));
    }
    sections.push(contact(lang, org));
    Letter {
        kind,
        language: lang,
        reference: r.reference.clone(),
        title,
        recipient: r.intake.requester.name.clone(),
        sender: org.name.clone(),
        sections,
        refusal,
    }
}

/// The Art. 12(4) remedies, plus the appeal for public authorities.
fn remedies(lang: Lang, org: &Organisation) -> LetterSection {
    let mut paragraphs = vec![
        format!(
            "{} {}.",
            lang.pick(
                "Om du är missnöjd med hur vi har hanterat din begäran har du rätt att lämna klagomål till",
                "If you are not satisfied with how we handled your request, you have the right to lodge a complaint with"
            ),
            lang.pick(IMY_CONTACT_SV, IMY_CONTACT_EN)
        ),
        lang.pick(
            "Du har också rätt att föra talan i domstol (artikel 79 i dataskyddsförordningen).",
            "You also have the right to an effective judicial remedy before a court (Article 79 GDPR).",
        )
        .to_owned(),
    ];
    if org.is_public_authority {
        paragraphs.push(lang.pick(
            "Beslutet kan överklagas till allmän förvaltningsdomstol (7 kap. 2 § dataskyddslagen). Överklagandet ska vara skriftligt, ange vilket beslut det gäller och vilken ändring du begär, och ha kommit in till oss inom tre veckor från den dag du fick del av beslutet (44 § förvaltningslagen).",
            "The decision can be appealed to the general administrative court (Chapter 7 Section 2 of the Swedish Data Protection Act). The appeal must be in writing, state which decision it concerns and the change you ask for, and reach us within three weeks of the day you were notified of the decision (Section 44 of the Administrative Procedure Act).",
        ).to_owned());
    }
    LetterSection::headed(
        lang.pick("Om du inte är nöjd", "If you are not satisfied"),
        paragraphs,
        Vec::new(),
    )
}

fn contact(lang: Lang, org: &Organisation) -> LetterSection {
    let mut items = Vec::new();
    let who = [
        org.name.as_str(),
        org.address.as_str(),
        org.email.as_str(),
        org.phone.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    if !who.is_empty() {
        items.push(format!(
            "{} {who}",
            lang.pick("Personuppgiftsansvarig:", "Controller:")
        ));
    }
    if let Some(dpo) = &org.dpo {
        let d = [dpo.name.as_str(), dpo.email.as_str(), dpo.phone.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        items.push(format!(
            "{} {d}",
            lang.pick("Dataskyddsombud:", "Data protection officer:")
        ));
    }
    LetterSection::headed(lang.pick("Kontakt", "Contact"), Vec::new(), items)
}

fn right_phrase(right: Right, lang: Lang) -> String {
    format!(
        "{} ({})",
        right.label(lang).to_lowercase(),
        right
            .article()
            .replace("GDPR Art.", lang.pick("artikel", "Article"))
    )
}

/// Acknowledges receipt: reference, date received, the deadline.
pub fn acknowledgement(r: &Request, org: &Organisation) -> Letter {
    let lang = r.intake.language;
    let body = vec![
        lang.pick(
            format!(
                "Vi har tagit emot din begäran om {} den {}. Ärendet har referensnummer {}; ange det om du kontaktar oss.",
                right_phrase(r.intake.right, lang), r.intake.received_on, r.reference
            ),
            format!(
                "We received your request concerning {} on {}. Its reference is {}; please quote it when you contact us.",
                right_phrase(r.intake.right, lang), r.intake.received_on, r.reference
            ),
        ),
        lang.pick(
            format!(
                "Vi besvarar begäran utan onödigt dröjsmål och senast {} (artikel 12.3 i dataskyddsförordningen). Om begäran är komplex kan tiden förlängas med två månader; i så fall får du besked om det och skälen före den dagen.",
                r.deadline
            ),
            format!(
                "We will answer without undue delay and by {} at the latest (Article 12(3) GDPR). If the request is complex, the time may be extended by two months; you will then be told so, with the reasons, before that date.",
                r.deadline
            ),
        ),
    ];
    let mut sections = vec![LetterSection::text(body)];
    if r.identity_check.is_none() && r.intake.right.identity_check_applies() {
        sections.push(LetterSection::text(vec![lang
            .pick(
                "Vi behöver kunna säkerställa din identitet innan vi lämnar ut eller ändrar uppgifter. Vi kontaktar dig om vi behöver fler uppgifter (artikel 12.6).",
                "We need to be sure of your identity before we disclose or change any data. We will contact you if we need more information (Article 12(6)).",
            )
            .to_owned()]));
    }
    letter(
        LetterKind::Acknowledgement,
        r,
        org,
        lang.pick(
            "Vi har tagit emot din begäran",
            "We have received your request",
        )
        .to_owned(),
        sections,
        false,
    )
}

/// Tells the requester of the extension, with its reason and the new
/// deadline (Art. 12(3)); `None` when the case is not extended.
pub fn extension_notice(r: &Request, org: &Organisation) -> Option<Letter> {
    let e = r.extension.as_ref()?;
    let lang = r.intake.language;
    let body = vec![
        lang.pick(
            format!("Vi behöver mer tid för att besvara din begäran ({}).", r.reference),
            format!("We need more time to answer your request ({}).", r.reference),
        ),
        format!("{} {}", lang.pick("Skäl:", "Reason:"), e.reason.trim()),
        lang.pick(
            format!(
                "Svarstiden förlängs därför med två månader enligt artikel 12.3 i dataskyddsförordningen. Du får vårt svar senast {}.",
                r.deadline
            ),
            format!(
                "The time to answer is therefore extended by two months under Article 12(3) GDPR. You will receive our answer by {} at the latest.",
                r.deadline
            ),
        ),
    ];
    Some(letter(
        LetterKind::ExtensionNotice,
        r,
        org,
        lang.pick("Förlängd svarstid", "Extended time to answer")
            .to_owned(),
        vec![LetterSection::text(body)],
        false,
    ))
}

/// The access answer: the registerutdrag as sections, one per activity,
/// then the data found.
pub fn access_answer(r: &Request, report: &AccessReport, org: &Organisation) -> Letter {
    let lang = r.intake.language;
    let mut sections = vec![LetterSection::text(vec![if report.processed {
        lang.pick(
            format!("Här är vårt svar på din begäran om registerutdrag ({}). Vi behandlar personuppgifter om dig i de behandlingar som beskrivs nedan (artikel 15 i dataskyddsförordningen).", r.reference),
            format!("This is our answer to your request for access ({}). We process personal data about you in the processing activities described below (Article 15 GDPR).", r.reference),
        )
    } else {
        lang.pick(
            format!("Här är vårt svar på din begäran om registerutdrag ({}). Vi behandlar inga personuppgifter om dig.", r.reference),
            format!("This is our answer to your request for access ({}). We do not process any personal data about you.", r.reference),
        )
    }])];
    for e in &report.entries {
        let mut items = Vec::new();
        for it in [
            &e.purposes,
            &e.legal_basis,
            &e.personal_data_categories,
            &e.recipients,
            &e.retention,
            &e.source,
            &e.automated_decisions,
            &e.transfer_safeguards,
            &e.rights,
        ] {
            items.push(format!("{}: {}", it.label, it.lines.join(" ")));
        }
        sections.push(LetterSection::headed(
            e.activity_name.clone(),
            Vec::new(),
            items,
        ));
    }
    let found: Vec<String> = report
        .data_found
        .iter()
        .flat_map(|d| d.items.iter().map(move |i| format!("{}: {i}", d.source)))
        .collect();
    if !found.is_empty() {
        sections.push(LetterSection::headed(
            lang.pick("Uppgifter om dig", "Data about you"),
            vec![
                lang.pick(
                    "En kopia av de personuppgifter vi behandlar (artikel 15.3):",
                    "A copy of the personal data we process (Article 15(3)):",
                )
                .to_owned(),
            ],
            found,
        ));
    }
    let mut refusal = r.is_refusal();
    if let Some(a) = r.answer.as_ref().filter(|a| a.outcome.is_refusal()) {
        sections.push(LetterSection::headed(
            lang.pick("Begränsningar", "Limitations"),
            vec![a.reasons.clone()],
            Vec::new(),
        ));
        refusal = true;
    }
    sections.push(LetterSection::text(vec![format!(
        "{} {}.",
        lang.pick(
            "Du har rätt att lämna klagomål till",
            "You have the right to lodge a complaint with"
        ),
        lang.pick(IMY_CONTACT_SV, IMY_CONTACT_EN)
    )]));
    letter(
        LetterKind::AccessAnswer,
        r,
        org,
        lang.pick("Registerutdrag", "Access to your personal data")
            .to_owned(),
        sections,
        refusal,
    )
}

/// The erasure answer: what was erased, and each refusal with its reasons
/// and article.
pub fn erasure_answer(r: &Request, org: &Organisation) -> Letter {
    let lang = r.intake.language;
    let erased: Vec<String> = r
        .erasure_decisions
        .iter()
        .filter(|d| d.decision == ErasureOutcome::Erase)
        .map(|d| match d.erased_on {
            Some(on) => format!(
                "{} ({} {on})",
                d.activity_name,
                lang.pick("raderat", "erased")
            ),
            None => d.activity_name.clone(),
        })
        .collect();
    let refused: Vec<String> = r
        .erasure_decisions
        .iter()
        .filter(|d| d.decision == ErasureOutcome::Refuse)
        .map(|d| {
            let ground = d
                .ground
                .map(|g| format!(" [{}: {}]", g.article(), g.label(lang)))
                .unwrap_or_default();
            format!("{}: {}{ground}", d.activity_name, d.explanation.trim())
        })
        .collect();
    let mut sections = vec![LetterSection::text(vec![lang.pick(
        format!("Här är vårt svar på din begäran om radering ({}), artikel 17 i dataskyddsförordningen.", r.reference),
        format!("This is our answer to your request for erasure ({}), Article 17 GDPR.", r.reference),
    )])];
    if erased.is_empty() && refused.is_empty() {
        sections.push(LetterSection::text(vec![lang.pick(
            "Vi behandlar inga personuppgifter om dig i de behandlingar som finns i vår registerförteckning, så det finns inget att radera.",
            "We do not process personal data about you in the processing activities of our record of processing, so there is nothing to erase.",
        ).to_owned()]));
    }
    if !erased.is_empty() {
        sections.push(LetterSection::headed(
            lang.pick("Uppgifter som raderas", "Data erased"),
            vec![
                lang.pick(
                    "Vi raderar dina personuppgifter i följande behandlingar:",
                    "We erase your personal data in these processing activities:",
                )
                .to_owned(),
            ],
            erased,
        ));
    }
    if !refused.is_empty() {
        sections.push(LetterSection::headed(
            lang.pick("Uppgifter som inte raderas", "Data not erased"),
            vec![
                lang.pick(
                    "Följande uppgifter raderas inte, av de skäl som anges:",
                    "The following data are not erased, for the reasons given:",
                )
                .to_owned(),
            ],
            refused,
        ));
    }
    if let Some(a) = r.answer.as_ref().filter(|a| !a.reasons.trim().is_empty()) {
        sections.push(LetterSection::text(vec![a.reasons.clone()]));
    }
    letter(
        LetterKind::ErasureAnswer,
        r,
        org,
        lang.pick(
            "Svar på begäran om radering",
            "Answer to your request for erasure",
        )
        .to_owned(),
        sections,
        r.is_refusal(),
    )
}

/// The answer for the other rights (rectification, restriction, portability,
/// objection, automated decisions): the outcome recorded and the answer.
pub fn outcome_answer(r: &Request, org: &Organisation) -> Letter {
    let lang = r.intake.language;
    let mut paragraphs = vec![lang.pick(
        format!(
            "Här är vårt svar på din begäran om {} ({}).",
            right_phrase(r.intake.right, lang),
            r.reference
        ),
        format!(
            "This is our answer to your request concerning {} ({}).",
            right_phrase(r.intake.right, lang),
            r.reference
        ),
    )];
    let mut items = Vec::new();
    if let Some(o) = &r.rectification {
        items.extend(
            o.corrected
                .iter()
                .map(|c| format!("{} {c}", lang.pick("Rättat:", "Corrected:"))),
        );
        if !o.supplementary_statement.trim().is_empty() {
            items.push(format!(
                "{} {}",
                lang.pick("Tilläggsuppgift:", "Supplementary statement:"),
                o.supplementary_statement.trim()
            ));
        }
        if !o.refusal_reason.trim().is_empty() {
            items.push(format!(
                "{} {}",
                lang.pick("Inte rättat:", "Not corrected:"),
                o.refusal_reason.trim()
            ));
        }
        if o.recipients_notified {
            paragraphs.push(
                lang.pick(
                    "Vi har underrättat dem som har fått uppgifterna (artikel 19).",
                    "We have informed the recipients of the data (Article 19).",
                )
                .to_owned(),
            );
        }
    }
    if let Some(o) = &r.restriction {
        match o.restricted_on {
            Some(on) => {
                items.push(format!(
                    "{} {on}",
                    lang.pick(
                        "Behandlingen är begränsad från",
                        "Processing restricted from"
                    )
                ));
                items.extend(o.grounds.iter().map(|g| g.label(lang).to_owned()));
                paragraphs.push(
                    lang.pick(
                        "Vi meddelar dig innan begränsningen hävs (artikel 18.3).",
                        "We will tell you before the restriction is lifted (Article 18(3)).",
                    )
                    .to_owned(),
                );
            }
            None => items.push(format!(
                "{} {}",
                lang.pick("Ingen begränsning:", "Not restricted:"),
                o.note.trim()
            )),
        }
        if let Some(on) = o.lifted_on {
            items.push(format!(
                "{} {on}",
                lang.pick("Begränsningen hävdes", "Restriction lifted on")
            ));
        }
    }
    if let Some(o) = &r.objection {
        items.push(o.decision.label(lang).to_owned());
        if o.direct_marketing {
            items.push(
                lang.pick(
                    "Dina uppgifter används inte längre för direktmarknadsföring (artikel 21.3).",
                    "Your data are no longer used for direct marketing (Article 21(3)).",
                )
                .to_owned(),
            );
        }
        if !o.reasoning.trim().is_empty() {
            items.push(o.reasoning.trim().to_owned());
        }
        if o.decision == ObjectionDecision::Rejected {
            paragraphs.push(lang.pick("Vi har tvingande berättigade skäl för behandlingen som väger tyngre än dina intressen, eller behandlingen behövs för rättsliga anspråk (artikel 21.1).", "We have compelling legitimate grounds for the processing that override your interests, or the processing is needed for legal claims (Article 21(1)).").to_owned());
        }
    }
    if let Some(o) = &r.automated_decision {
        if o.human_intervention {
            items.push(
                lang.pick(
                    "En handläggare har prövat beslutet.",
                    "A person has reviewed the decision.",
                )
                .to_owned(),
            );
        }
        if o.view_considered {
            items.push(
                lang.pick(
                    "Dina synpunkter har beaktats.",
                    "Your point of view was taken into account.",
                )
                .to_owned(),
            );
        }
        items.push(
            lang.pick(
                if o.decision_changed {
                    "Beslutet har ändrats."
                } else {
                    "Beslutet står fast."
                },
                if o.decision_changed {
                    "The decision has been changed."
                } else {
                    "The decision stands."
                },
            )
            .to_owned(),
        );
        items.push(o.explanation.trim().to_owned());
    }
    if let Some(o) = &r.portability {
        if let Some(on) = o.delivered_on {
            items.push(format!(
                "{} {on}, {}: {}",
                lang.pick("Levererat", "Delivered on"),
                lang.pick("format", "format"),
                o.format.trim()
            ));
        }
        if !o.transmitted_to.trim().is_empty() {
            items.push(format!(
                "{} {}",
                lang.pick("Överfört direkt till:", "Transmitted directly to:"),
                o.transmitted_to.trim()
            ));
        }
        if !o.refusal_reason.trim().is_empty() {
            items.push(format!(
                "{} {}",
                lang.pick("Inte utlämnat:", "Not provided:"),
                o.refusal_reason.trim()
            ));
        }
    }
    let mut sections = vec![LetterSection::text(paragraphs)];
    if !items.is_empty() {
        sections.push(LetterSection::headed(
            lang.pick("Vårt beslut", "Our decision"),
            Vec::new(),
            items,
        ));
    }
    if let Some(a) = &r.answer {
        let texts: Vec<String> = [a.summary.trim(), a.reasons.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if !texts.is_empty() {
            sections.push(LetterSection::text(texts));
        }
    }
    letter(
        LetterKind::OutcomeAnswer,
        r,
        org,
        lang.pick("Svar på din begäran", "Answer to your request")
            .to_owned(),
        sections,
        r.is_refusal(),
    )
}
