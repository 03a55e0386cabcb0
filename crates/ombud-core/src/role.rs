//! Roles a signed-in user can hold.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a signed-in user may do. The anonymous public has no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users and settings.
    Admin,
    /// The data protection officer: everything in data protection.
    Dpo,
    /// Staff who report processing; sees their own unit's drafts.
    Registrant,
    /// Reads everything, changes nothing.
    Auditor,
}

impl Role {
    /// Every role, in the order they are listed in the UI.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Dpo, Role::Registrant, Role::Auditor];

    /// The stable name used in the database, the CLI and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Dpo => "dpo",
            Role::Registrant => "registrant",
            Role::Auditor => "auditor",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text was not the name of a role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}; expected one of admin, dpo, registrant, auditor")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            assert_eq!(
                serde_json::to_string(&role).unwrap(),
                format!("\"{}\"", role.as_str())
            );
        }
        assert_eq!("root".parse::<Role>(), Err(UnknownRole("root".into())));
    }
}
