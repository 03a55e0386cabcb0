//! Organisation settings: who the controller is (GDPR Art. 30(1)(a)).

use serde::{Deserialize, Serialize};

/// The organisation that keeps the register: the controller.
///
/// JSON fields: `name`, `org_number`, `address`, `email`, `phone`,
/// `is_public_authority`, `dpo`, `units`. Every field has a default, so a
/// partial object deserialises.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Organisation {
    /// The controller's name (Art. 30(1)(a)), e.g. "Exempeluniversitetet".
    pub name: String,
    /// Swedish organisationsnummer, e.g. "202100-0000" (free text; not checked here).
    pub org_number: String,
    /// Postal address (controller contact details, Art. 30(1)(a)).
    pub address: String,
    /// Contact e-mail of the controller, e.g. the registry ("registrator").
    pub email: String,
    /// Contact telephone of the controller.
    pub phone: String,
    /// Whether the organisation is a public authority ("myndighet"),
    /// including state universities and municipalities. This changes the
    /// rules: no legitimate interests for its tasks (Art. 6(1) second
    /// subparagraph), consent is doubtful in the exercise of official
    /// authority, some Art. 49 derogations are closed (Art. 49(3)), and
    /// retention needs a source in archive law. A public authority must also
    /// designate a DPO (Art. 37(1)(a)).
    pub is_public_authority: bool,
    /// The data protection officer, if one is designated (Art. 37(7)).
    pub dpo: Option<DpoContact>,
    /// The organisation's units (departments, faculties, offices), in display
    /// order. An activity's `unit` names one of them.
    pub units: Vec<String>,
}

/// Contact details of the data protection officer (Art. 30(1)(a), 37(7)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DpoContact {
    /// Name of the DPO (a person or a function, e.g. "Dataskyddsombudet").
    pub name: String,
    /// E-mail address for data subjects and IMY.
    pub email: String,
    /// Telephone number.
    pub phone: String,
}

impl Organisation {
    /// Whether `unit` is one of the organisation's units.
    pub fn has_unit(&self, unit: &str) -> bool {
        self.units.iter().any(|u| u == unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_json_uses_defaults() {
        let org: Organisation =
            serde_json::from_str(r#"{"name":"Exempelkommunen","is_public_authority":true}"#)
                .unwrap();
        assert!(org.is_public_authority);
        assert_eq!(org.dpo, None);
        assert!(org.units.is_empty());
    }

    #[test]
    fn round_trips_and_finds_units() {
        let org = Organisation {
            name: "Exempeluniversitetet".into(),
            org_number: "202100-0000".into(),
            is_public_authority: true,
            dpo: Some(DpoContact {
                name: "Dataskyddsombudet".into(),
                email: "dso@example.se".into(),
                phone: String::new(),
            }),
            units: vec!["HR".into(), "Studentavdelningen".into()],
            ..Organisation::default()
        };
        let back: Organisation =
            serde_json::from_value(serde_json::to_value(&org).unwrap()).unwrap();
        assert_eq!(back, org);
        assert!(org.has_unit("HR"));
        assert!(!org.has_unit("hr"));
    }
}
