//! User accounts as the rest of Ombud sees them.

use crate::Role;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A validated, normalised e-mail address used as a login name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a text is not accepted as an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an e-mail address")]
pub struct InvalidEmail(pub String);

impl Email {
    /// Trims, lower-cases and checks the address: one `@`, a non-empty local
    /// part, a domain with a dot, no white space, at most 254 characters.
    pub fn parse(raw: &str) -> Result<Self, InvalidEmail> {
        let s = raw.trim().to_lowercase();
        let bad = || InvalidEmail(raw.to_owned());
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = s.split_once('@').ok_or_else(bad)?;
        let domain_ok = !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok {
            return Err(bad());
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = InvalidEmail;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stored user account. The password hash never leaves the store layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    /// The organisational unit a registrant reports for, if any.
    pub unit: Option<String>,
    pub active: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Shortest password Ombud accepts (NIST SP 800-63B asks for at least 8; we ask for more).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Why a password is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeakPassword {
    #[error("the password must be at least {MIN_PASSWORD_CHARS} characters long")]
    TooShort,
    #[error("the password must be at most 1024 characters long")]
    TooLong,
}

/// Checks a new password against the length policy.
pub fn check_password_policy(password: &str) -> Result<(), WeakPassword> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Err(WeakPassword::TooShort)
    } else if n > 1024 {
        Err(WeakPassword::TooLong)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Anna.Svensson@Example.SE ")
                .unwrap()
                .as_str(),
            "anna.svensson@example.se"
        );
        for bad in [
            "",
            "anna",
            "@example.se",
            "anna@",
            "anna@se",
            "a b@x.se",
            "a@x..se",
            "a@b@c.se",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn password_policy() {
        assert_eq!(check_password_policy("short"), Err(WeakPassword::TooShort));
        assert_eq!(
            check_password_policy("elva tecken"),
            Err(WeakPassword::TooShort)
        );
        assert!(check_password_policy("tolv tecken!").is_ok());
        assert_eq!(
            check_password_policy(&"x".repeat(1025)),
            Err(WeakPassword::TooLong)
        );
    }
}
