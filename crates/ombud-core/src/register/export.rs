//! The register as a document and as tables, for export.
//!
//! * [`RegisterDocument`] — the JSON export (`"format": "ombud-register"`,
//!   version 1): organisation, processors, systems and the full JSON of every
//!   activity in force. [`super::import`] reads it back.
//! * [`activity_fields`], [`processor_fields`], [`system_fields`],
//!   [`organisation_fields`] — one record flattened to an ordered list of
//!   [`ExportField`]s (JSON key, Swedish and English header, value as text in
//!   the chosen language), for CSV, spreadsheets and the web's download
//!   buttons. Enum values become their labels, lists are joined with "; ",
//!   processor and system ids are resolved to names.
//! * [`write_csv`] — RFC 4180 CSV to any writer.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::activity::{Activity, Processor, System, Transfer};
use super::org::Organisation;
use crate::lang::Lang;

/// The `format` of the JSON export.
pub const FORMAT: &str = "ombud-register";
/// The `version` of the JSON export this code writes and reads.
pub const VERSION: u32 = 1;
/// How list values are joined in flat exports.
pub const LIST_SEPARATOR: &str = "; ";

/// The JSON export: one document with the register in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterDocument {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this code.
    pub version: u32,
    /// When the export was made (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: OffsetDateTime,
    pub organisation: Organisation,
    pub processors: Vec<Processor>,
    pub systems: Vec<System>,
    /// The approved activities, every field.
    pub activities: Vec<Activity>,
}

impl RegisterDocument {
    /// A document of the current format and version.
    pub fn new(
        exported_at: OffsetDateTime,
        organisation: Organisation,
        processors: Vec<Processor>,
        systems: Vec<System>,
        activities: Vec<Activity>,
    ) -> Self {
        RegisterDocument {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at,
            organisation,
            processors,
            systems,
            activities,
        }
    }
}

/// One column of a flat export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportField {
    /// The JSON field name, e.g. `legal_basis`.
    pub key: &'static str,
    /// The column header in Swedish.
    pub header_sv: &'static str,
    /// The column header in English.
    pub header_en: &'static str,
    /// The value as text, in the language asked for.
    pub value: String,
}

impl ExportField {
    /// The header in `lang`.
    pub fn header(&self, lang: Lang) -> &'static str {
        lang.pick(self.header_sv, self.header_en)
    }
}

/// Collects fields in order.
struct Row {
    lang: Lang,
    fields: Vec<ExportField>,
}

impl Row {
    fn new(lang: Lang) -> Self {
        Row {
            lang,
            fields: Vec::new(),
        }
    }

    fn put(&mut self, key: &'static str, sv: &'static str, en: &'static str, value: String) {
        self.fields.push(ExportField {
            key,
            header_sv: sv,
            header_en: en,
            value,
        });
    }

    fn text(&mut self, key: &'static str, sv: &'static str, en: &'static str, value: &str) {
        self.put(key, sv, en, value.to_owned());
    }

    fn list(&mut self, key: &'static str, sv: &'static str, en: &'static str, v: &[String]) {
        self.put(key, sv, en, v.join(LIST_SEPARATOR));
    }

    fn flag(&mut self, key: &'static str, sv: &'static str, en: &'static str, b: bool) {
        let value = match b {
            true => self.lang.pick("Ja", "Yes"),
            false => self.lang.pick("Nej", "No"),
        };
        self.put(key, sv, en, value.to_owned());
    }
}

/// Labels of closed-list values in `lang`, joined.
macro_rules! labels {
    ($lang:expr, $values:expr) => {
        $values
            .iter()
            .map(|v| v.label($lang))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR)
    };
}

/// The label of an optional closed-list value, or "".
macro_rules! label {
    ($lang:expr, $value:expr) => {
        $value
            .map(|v| v.label($lang))
            .unwrap_or_default()
            .to_owned()
    };
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .expect("UTC instants format")
}

fn names<'a>(ids: &[i64], find: impl Fn(i64) -> Option<&'a str>) -> String {
    ids.iter()
        .map(|id| find(*id).map_or_else(|| format!("#{id}"), str::to_owned))
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

fn transfer_text(t: &Transfer, lang: Lang) -> String {
    let mut s = t.country.clone();
    if !t.recipient.is_empty() {
        s.push_str(&format!(" ({})", t.recipient));
    }
    if let Some(m) = t.mechanism {
        s.push_str(&format!(": {}", m.label(lang)));
    }
    if let Some(d) = t.derogation {
        s.push_str(&format!(", {}", d.label(lang)));
    }
    if !t.safeguards.is_empty() {
        s.push_str(&format!(" — {}", t.safeguards));
    }
    s
}

/// An activity as one row: `id`, `status`, `version`, every content field in
/// form order ([`super::ActivityContent::FIELDS`]), then `created_at`,
/// `updated_at`, `submitted_at`, `approved_at` and `review_due`.
/// `processors` and `systems` resolve the ids (an unknown id shows as `#id`).
pub fn activity_fields(
    a: &Activity,
    processors: &[Processor],
    systems: &[System],
    lang: Lang,
) -> Vec<ExportField> {
    let c = &a.content;
    let mut r = Row::new(lang);
    r.put("id", "Id", "Id", a.id.to_string());
    r.put(
        "status",
        "Status",
        "Status",
        a.status.label(lang).to_owned(),
    );
    r.put("version", "Version", "Version", a.version.to_string());
    r.text("name", "Namn", "Name", &c.name);
    r.list("purposes", "Ändamål", "Purposes", &c.purposes);
    r.text("unit", "Enhet", "Unit", &c.unit);
    r.text("owner", "Verksamhetsansvarig", "Owner", &c.owner);
    r.list(
        "joint_controllers",
        "Gemensamt personuppgiftsansvariga",
        "Joint controllers",
        &c.joint_controllers,
    );
    r.text(
        "representative",
        "Företrädare",
        "Representative",
        &c.representative,
    );
    r.list(
        "data_subject_categories",
        "Kategorier av registrerade",
        "Categories of data subjects",
        &c.data_subject_categories,
    );
    r.put(
        "data_subject_count",
        "Antal registrerade",
        "Number of data subjects",
        c.data_subject_count
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    r.list(
        "personal_data_categories",
        "Kategorier av personuppgifter",
        "Categories of personal data",
        &c.personal_data_categories,
    );
    r.put(
        "special_categories",
        "Känsliga personuppgifter (art. 9)",
        "Special categories (Art. 9)",
        labels!(lang, c.special_categories),
    );
    r.put(
        "art9_exceptions",
        "Undantag enligt art. 9.2",
        "Art. 9(2) exceptions",
        labels!(lang, c.art9_exceptions),
    );
    r.text(
        "art9_provision",
        "Bestämmelse för undantaget",
        "Provision for the exception",
        &c.art9_provision,
    );
    r.flag(
        "criminal_offence_data",
        "Uppgifter om lagöverträdelser (art. 10)",
        "Criminal-offence data (Art. 10)",
        c.criminal_offence_data,
    );
    r.put(
        "criminal_data_ground",
        "Stöd för uppgifter om lagöverträdelser",
        "Ground for criminal-offence data",
        label!(lang, c.criminal_data_ground),
    );
    r.text(
        "criminal_data_provision",
        "Bestämmelse för lagöverträdelser",
        "Provision for criminal-offence data",
        &c.criminal_data_provision,
    );
    r.flag(
        "personnummer",
        "Personnummer",
        "Personnummer",
        c.personnummer,
    );
    r.put(
        "personnummer_justification",
        "Skäl för personnummer",
        "Justification for personnummer",
        label!(lang, c.personnummer_justification),
    );
    r.text(
        "personnummer_reasoning",
        "Motivering för personnummer",
        "Reasoning for personnummer",
        &c.personnummer_reasoning,
    );
    r.put(
        "privacy_sensitive_data",
        "Integritetskänsliga uppgifter",
        "Privacy-sensitive data",
        labels!(lang, c.privacy_sensitive_data),
    );
    r.put(
        "legal_basis",
        "Rättslig grund",
        "Legal basis",
        label!(lang, c.legal_basis),
    );
    r.put(
        "legal_basis_source_kind",
        "Typ av stöd för grunden",
        "Kind of source of the basis",
        label!(lang, c.legal_basis_source_kind),
    );
    r.text(
        "legal_basis_source",
        "Stöd för grunden",
        "Source of the basis",
        &c.legal_basis_source,
    );
    r.flag(
        "outside_public_tasks",
        "Utanför myndighetens uppgifter",
        "Outside the public tasks",
        c.outside_public_tasks,
    );
    r.flag(
        "official_authority",
        "Myndighetsutövning",
        "Exercise of official authority",
        c.official_authority,
    );
    r.list("recipients", "Mottagare", "Recipients", &c.recipients);
    r.put(
        "processor_ids",
        "Personuppgiftsbiträden",
        "Processors",
        names(&c.processor_ids, |id| {
            processors
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.as_str())
        }),
    );
    r.put(
        "transfers",
        "Överföringar till tredjeland",
        "Transfers to third countries",
        c.transfers
            .iter()
            .map(|t| transfer_text(t, lang))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
    );
    r.text("retention", "Lagringstid", "Retention", &c.retention);
    r.put(
        "retention_source_kind",
        "Typ av stöd för gallring",
        "Kind of retention source",
        label!(lang, c.retention_source_kind),
    );
    r.text(
        "retention_source",
        "Stöd för gallring",
        "Retention source",
        &c.retention_source,
    );
    r.text(
        "security_measures",
        "Säkerhetsåtgärder",
        "Security measures",
        &c.security_measures,
    );
    r.put(
        "system_ids",
        "System",
        "Systems",
        names(&c.system_ids, |id| {
            systems.iter().find(|s| s.id == id).map(|s| s.name.as_str())
        }),
    );
    r.put(
        "data_source",
        "Källa",
        "Data source",
        label!(lang, c.data_source),
    );
    r.text(
        "data_source_description",
        "Beskrivning av källan",
        "Description of the source",
        &c.data_source_description,
    );
    r.flag(
        "automated_decisions",
        "Automatiserade beslut (art. 22)",
        "Automated decisions (Art. 22)",
        c.automated_decisions,
    );
    r.flag("profiling", "Profilering", "Profiling", c.profiling);
    r.text(
        "automated_decisions_description",
        "Beskrivning av automatiserade beslut",
        "Description of automated decisions",
        &c.automated_decisions_description,
    );
    r.flag("research", "Forskning", "Research", c.research);
    r.text(
        "ethics_approval_ref",
        "Etikgodkännande (dnr)",
        "Ethics approval (ref.)",
        &c.ethics_approval_ref,
    );
    r.put(
        "ethics_approval_date",
        "Datum för etikgodkännande",
        "Date of ethics approval",
        c.ethics_approval_date
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    r.flag(
        "evaluation_or_scoring",
        "Utvärdering eller poängsättning",
        "Evaluation or scoring",
        c.evaluation_or_scoring,
    );
    r.flag(
        "systematic_monitoring",
        "Systematisk övervakning",
        "Systematic monitoring",
        c.systematic_monitoring,
    );
    r.flag(
        "public_area_monitoring",
        "Övervakning av allmän plats",
        "Monitoring of a public area",
        c.public_area_monitoring,
    );
    r.flag(
        "large_scale",
        "Stor omfattning",
        "Large scale",
        c.large_scale,
    );
    r.flag(
        "matching_datasets",
        "Samkörning av register",
        "Matching datasets",
        c.matching_datasets,
    );
    r.flag(
        "vulnerable_data_subjects",
        "Sårbara registrerade",
        "Vulnerable data subjects",
        c.vulnerable_data_subjects,
    );
    r.flag(
        "new_technology",
        "Ny teknik",
        "New technology",
        c.new_technology,
    );
    r.flag(
        "prevents_exercise_of_rights",
        "Hindrar utövande av rättigheter",
        "Prevents exercise of rights",
        c.prevents_exercise_of_rights,
    );
    r.text(
        "dpia_ref",
        "Konsekvensbedömning",
        "DPIA reference",
        &c.dpia_ref,
    );
    r.flag(
        "public_notice",
        "Visas i integritetsmeddelandet",
        "Shown in the privacy notice",
        c.public_notice,
    );
    r.put("created_at", "Skapad", "Created", rfc3339(a.created_at));
    r.put("updated_at", "Ändrad", "Updated", rfc3339(a.updated_at));
    r.put(
        "submitted_at",
        "Inskickad",
        "Submitted",
        a.submitted_at.map(rfc3339).unwrap_or_default(),
    );
    r.put(
        "approved_at",
        "Godkänd",
        "Approved",
        a.approved_at.map(rfc3339).unwrap_or_default(),
    );
    r.put(
        "review_due",
        "Nästa granskning",
        "Review due",
        a.review_due.map(|d| d.to_string()).unwrap_or_default(),
    );
    r.fields
}

/// A processor as one row.
pub fn processor_fields(p: &Processor, lang: Lang) -> Vec<ExportField> {
    let mut r = Row::new(lang);
    r.put("id", "Id", "Id", p.id.to_string());
    r.text("name", "Namn", "Name", &p.name);
    r.text(
        "org_number",
        "Organisationsnummer",
        "Organisation number",
        &p.org_number,
    );
    r.text("contact", "Kontakt", "Contact", &p.contact);
    r.text("location", "Plats", "Location", &p.location);
    r.flag(
        "agreement_in_place",
        "Biträdesavtal finns",
        "Agreement in place",
        p.agreement_in_place,
    );
    r.put(
        "agreement_date",
        "Avtalsdatum",
        "Agreement date",
        p.agreement_date.map(|d| d.to_string()).unwrap_or_default(),
    );
    r.text(
        "agreement_ref",
        "Avtalsreferens",
        "Agreement reference",
        &p.agreement_ref,
    );
    r.put(
        "sub_processors",
        "Underbiträden",
        "Sub-processors",
        p.sub_processors
            .iter()
            .map(|s| format!("{} ({}): {}", s.name, s.location, s.service))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
    );
    r.fields
}

/// A system as one row.
pub fn system_fields(s: &System, lang: Lang) -> Vec<ExportField> {
    let mut r = Row::new(lang);
    r.put("id", "Id", "Id", s.id.to_string());
    r.text("name", "Namn", "Name", &s.name);
    r.text("owner", "Systemägare", "Owner", &s.owner);
    r.text("hosting", "Drift", "Hosting", &s.hosting);
    r.text("location", "Plats", "Location", &s.location);
    r.fields
}

/// The organisation as (field, value) pairs, one per row of a two-column sheet.
pub fn organisation_fields(o: &Organisation, lang: Lang) -> Vec<ExportField> {
    let mut r = Row::new(lang);
    let dpo = o.dpo.clone().unwrap_or_default();
    r.text("name", "Namn", "Name", &o.name);
    r.text(
        "org_number",
        "Organisationsnummer",
        "Organisation number",
        &o.org_number,
    );
    r.text("address", "Adress", "Address", &o.address);
    r.text("email", "E-post", "E-mail", &o.email);
    r.text("phone", "Telefon", "Telephone", &o.phone);
    r.flag(
        "is_public_authority",
        "Myndighet",
        "Public authority",
        o.is_public_authority,
    );
    r.text(
        "dpo.name",
        "Dataskyddsombud",
        "Data protection officer",
        &dpo.name,
    );
    r.text(
        "dpo.email",
        "Dataskyddsombudets e-post",
        "DPO e-mail",
        &dpo.email,
    );
    r.text(
        "dpo.phone",
        "Dataskyddsombudets telefon",
        "DPO telephone",
        &dpo.phone,
    );
    r.list("units", "Enheter", "Units", &o.units);
    r.fields
}

/// Writes `header` and `rows` as CSV (RFC 4180: comma-separated, CRLF line
/// ends, fields with a comma, quote, CR or LF quoted, quotes doubled).
///
/// A cell that begins with `=`, `+`, `-` or `@` gets a leading `'`, so a
/// spreadsheet opening the file shows the text instead of running it as a
/// formula (CSV injection). The JSON export is the lossless format.
pub fn write_csv<W: Write>(
    mut w: W,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> io::Result<()> {
    write_csv_row(&mut w, header.iter().copied())?;
    for row in rows {
        write_csv_row(&mut w, row.iter().map(String::as_str))?;
    }
    w.flush()
}

fn write_csv_row<'a, W: Write>(w: &mut W, cells: impl Iterator<Item = &'a str>) -> io::Result<()> {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        let defused;
        let cell = if cell.starts_with(['=', '+', '-', '@']) {
            defused = format!("'{cell}");
            defused.as_str()
        } else {
            cell
        };
        if cell.contains([',', '"', '\r', '\n']) {
            w.write_all(b"\"")?;
            w.write_all(cell.replace('"', "\"\"").as_bytes())?;
            w.write_all(b"\"")?;
        } else {
            w.write_all(cell.as_bytes())?;
        }
    }
    w.write_all(b"\r\n")
}

/// The register's activities as CSV in `lang`: a header row, then one row per activity.
pub fn activities_csv<W: Write>(
    w: W,
    activities: &[Activity],
    processors: &[Processor],
    systems: &[System],
    lang: Lang,
) -> io::Result<()> {
    let rows: Vec<Vec<ExportField>> = activities
        .iter()
        .map(|a| activity_fields(a, processors, systems, lang))
        .collect();
    let header: Vec<&str> = match rows.first() {
        Some(first) => first.iter().map(|f| f.header(lang)).collect(),
        None => activity_headers(lang),
    };
    write_csv(
        w,
        &header,
        rows.into_iter()
            .map(|r| r.into_iter().map(|f| f.value).collect()),
    )
}

/// The column headers of [`activity_fields`] in `lang`.
pub fn activity_headers(lang: Lang) -> Vec<&'static str> {
    let blank = Activity {
        id: 0,
        status: super::Status::Draft,
        version: 1,
        content: Default::default(),
        created_at: OffsetDateTime::UNIX_EPOCH,
        updated_at: OffsetDateTime::UNIX_EPOCH,
        submitted_at: None,
        approved_at: None,
        review_due: None,
    };
    activity_fields(&blank, &[], &[], lang)
        .iter()
        .map(|f| f.header(lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::activity::tests::full_content;
    use crate::register::{ActivityContent, Status};
    use time::macros::{date, datetime};

    fn activity() -> Activity {
        Activity {
            id: 42,
            status: Status::Approved,
            version: 2,
            content: full_content(),
            created_at: datetime!(2025-01-02 10:00 UTC),
            updated_at: datetime!(2025-02-03 11:30 UTC),
            submitted_at: Some(datetime!(2025-02-03 12:00 UTC)),
            approved_at: Some(datetime!(2025-02-10 09:00 UTC)),
            review_due: Some(date!(2026 - 02 - 10)),
        }
    }

    fn procs() -> Vec<Processor> {
        vec![Processor {
            id: 7,
            name: "Molnbolaget AB".into(),
            ..Default::default()
        }]
    }

    fn systems() -> Vec<System> {
        vec![System {
            id: 3,
            name: "Ladok".into(),
            ..Default::default()
        }]
    }

    #[test]
    fn every_field_of_an_activity_is_a_column_in_order() {
        let fields = activity_fields(&activity(), &procs(), &systems(), Lang::Sv);
        let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
        let mut expected = vec!["id", "status", "version"];
        expected.extend(ActivityContent::FIELDS);
        expected.extend([
            "created_at",
            "updated_at",
            "submitted_at",
            "approved_at",
            "review_due",
        ]);
        assert_eq!(keys, expected);
        let mut headers = std::collections::HashSet::new();
        for f in &fields {
            assert!(
                headers.insert(f.header_sv),
                "duplicate header {}",
                f.header_sv
            );
            assert!(!f.header_en.is_empty());
        }
        // full_content() sets every field: no column is empty.
        for f in &fields {
            assert!(!f.value.is_empty(), "{} is empty", f.key);
        }
    }

    #[test]
    fn values_use_labels_names_and_the_language() {
        let a = activity();
        let value = |lang, key| {
            activity_fields(&a, &procs(), &systems(), lang)
                .into_iter()
                .find(|f| f.key == key)
                .unwrap()
                .value
        };
        assert_eq!(value(Lang::Sv, "status"), "Godkänd");
        assert_eq!(value(Lang::En, "status"), "Approved");
        assert_eq!(
            value(Lang::En, "legal_basis"),
            "Public task or official authority (Art. 6(1)(e))"
        );
        assert_eq!(value(Lang::Sv, "special_categories"), "Hälsa");
        assert_eq!(value(Lang::Sv, "processor_ids"), "Molnbolaget AB");
        assert_eq!(
            value(Lang::Sv, "system_ids"),
            "Ladok; #4",
            "unknown id kept visible"
        );
        assert_eq!(value(Lang::Sv, "personnummer"), "Ja");
        assert_eq!(value(Lang::En, "outside_public_tasks"), "Yes");
        assert_eq!(
            value(Lang::Sv, "personal_data_categories"),
            "Kontaktuppgifter; Sömnvanor"
        );
        assert_eq!(value(Lang::Sv, "ethics_approval_date"), "2025-03-14");
        assert_eq!(value(Lang::Sv, "approved_at"), "2025-02-10T09:00:00Z");
        assert!(
            value(Lang::En, "transfers").starts_with("Norge (Samarbetsuniversitet): Derogation")
        );
        let en = activity_fields(&a, &[], &[], Lang::En);
        assert_eq!(en[3].header(Lang::En), "Name");
        assert_eq!(en[3].header(Lang::Sv), "Namn");
    }

    #[test]
    fn csv_quotes_per_rfc_4180_and_defuses_formulas() {
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["a", "b"],
            vec![
                vec!["plain".into(), "with, comma".into()],
                vec!["say \"hej\"".into(), "two\nlines".into()],
                vec!["=HYPERLINK(\"x\")".into(), "-1".into()],
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hej\"\"\",\"two\nlines\"\r\n\"'=HYPERLINK(\"\"x\"\")\",'-1\r\n"
        );
    }

    #[test]
    fn activities_csv_has_a_header_and_a_row_per_activity() {
        let mut out = Vec::new();
        activities_csv(
            &mut out,
            &[activity(), activity()],
            &procs(),
            &systems(),
            Lang::En,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("Id,Status,Version,Name,Purposes,"));
        assert_eq!(text.matches("\r\n42,Approved,2,").count(), 2);
        let mut empty = Vec::new();
        activities_csv(&mut empty, &[], &[], &[], Lang::Sv).unwrap();
        let empty = String::from_utf8(empty).unwrap();
        assert_eq!(empty.lines().count(), 1);
        assert!(empty.starts_with("Id,Status,Version,Namn,"));
    }

    #[test]
    fn other_records_flatten() {
        let p = processor_fields(
            &Processor {
                id: 1,
                name: "Lönebyrån".into(),
                agreement_in_place: true,
                ..Default::default()
            },
            Lang::Sv,
        );
        assert_eq!(p[1].value, "Lönebyrån");
        assert_eq!(p[5].value, "Ja");
        let s = system_fields(&systems()[0], Lang::En);
        assert_eq!(
            (s[1].header(Lang::En), s[1].value.as_str()),
            ("Name", "Ladok")
        );
        let o = organisation_fields(
            &Organisation {
                name: "Exempeluniversitetet".into(),
                units: vec!["HR".into(), "IT".into()],
                ..Default::default()
            },
            Lang::Sv,
        );
        assert_eq!(o.last().unwrap().value, "HR; IT");
    }

    #[test]
    fn document_has_format_and_version() {
        let doc = RegisterDocument::new(
            datetime!(2026-01-01 00:00 UTC),
            Organisation::default(),
            procs(),
            systems(),
            vec![activity()],
        );
        let json = serde_json::to_value(&doc).unwrap();
        assert_eq!(json["format"], "ombud-register");
        assert_eq!(json["version"], 1);
        assert_eq!(json["exported_at"], "2026-01-01T00:00:00Z");
        assert_eq!(json["activities"][0]["review_due"], "2026-02-10");
        let back: RegisterDocument = serde_json::from_value(json).unwrap();
        assert_eq!(back, doc);
    }
}
